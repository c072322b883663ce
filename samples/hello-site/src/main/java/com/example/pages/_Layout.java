package com.example.pages;

/** Not a page: a name starting with _ makes a private helper beside the pages. */
public final class _Layout {
  private _Layout() {}

  public static String page(String title, String body) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>"
        + "<link rel=\"stylesheet\" href=\"/styles.css\"></head>"
        + "<body><h1>" + title + "</h1>" + body + "</body></html>";
  }

  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
