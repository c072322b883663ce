package com.acme.pages;

public final class my-page {}
