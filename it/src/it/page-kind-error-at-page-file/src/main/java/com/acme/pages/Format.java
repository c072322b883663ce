package com.acme.pages;

/** A helper that forgot the '_' of its name, so the generator takes it for a page. */
public final class Format {
  static String title(String text) {
    return text.toUpperCase();
  }
}
