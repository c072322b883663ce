package com.acme.pages.blog.$id;

public final class $$id {}
