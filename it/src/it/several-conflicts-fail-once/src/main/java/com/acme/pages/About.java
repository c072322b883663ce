package com.acme.pages;

public final class About {}
