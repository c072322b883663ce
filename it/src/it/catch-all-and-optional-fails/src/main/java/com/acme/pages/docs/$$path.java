package com.acme.pages.docs;

public final class $$path {}
