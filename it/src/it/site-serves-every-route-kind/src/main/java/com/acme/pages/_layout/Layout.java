package com.acme.pages._layout;

/** A private helper beside the pages: not a route. */
public final class Layout {
  private Layout() {}

  public static String nav() {
    return "<nav>acme</nav>";
  }
}
