package com.acme;

public final class Contact {}
