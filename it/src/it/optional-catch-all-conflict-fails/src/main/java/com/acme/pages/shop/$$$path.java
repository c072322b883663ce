package com.acme.pages.shop;

public final class $$$path {}
