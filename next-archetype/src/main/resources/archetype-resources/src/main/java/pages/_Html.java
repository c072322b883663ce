package ${package}.pages;

/** Not a route: a name starting with _ is a helper beside the pages. */
public final class _Html {
  private _Html() {}

  /** A whole HTML page around {@code body}; {@code title} and {@code body} must already be HTML. */
  public static String page(String title, String body) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>"
        + "<link rel=\"stylesheet\" href=\"/styles.css\"></head>"
        + "<body><main><h1>" + title + "</h1>" + body + "</main></body></html>";
  }

  /** Text as HTML: every value from a request goes through here before it is written out. */
  public static String escape(String text) {
    StringBuilder html = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(c);
      }
    }
    return html.toString();
  }
}
