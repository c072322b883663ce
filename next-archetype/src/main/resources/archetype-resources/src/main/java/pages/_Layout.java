package ${package}.pages;

/** Not a route: a name starting with _ is a helper beside the pages. */
public final class _Layout {
  private _Layout() {}

  /**
   * A whole HTML page around {@code body}; {@code title} and {@code body} must already be HTML:
   * text from a request goes through {@code dev.next4j.runtime.Html.text} first.
   */
  public static String page(String title, String body) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>"
        + "<link rel=\"stylesheet\" href=\"/styles.css\"></head>"
        + "<body><main><h1>" + title + "</h1>" + body + "</main></body></html>";
  }
}
