package com.acme.pages.about;

public final class Index {}
