package com.acme.pages.docs.$$path;

public final class Index {}
