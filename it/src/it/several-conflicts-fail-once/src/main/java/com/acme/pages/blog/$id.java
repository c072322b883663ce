package com.acme.pages.blog;

public final class $id {}
