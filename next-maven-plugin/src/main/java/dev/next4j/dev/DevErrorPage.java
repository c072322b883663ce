package dev.next4j.dev;

import dev.next4j.runtime.Response;

/**
 * The page the dev server answers with while the build is broken: what went wrong, with file,
 * line and detail, so the browser tells the developer what the terminal does. Every value is
 * escaped. (A page's exception at run time is shown by the runtime itself, in any dev-mode app.)
 *
 * <pre>{@code
 * DevErrorPage.of(new DevProblem("Compile error", "src/main/java/com/acme/pages/About.java", 12,
 *     "';' expected", ""))   // 500, text/html: "Compile error", "About.java:12", "';' expected"
 * }</pre>
 */
final class DevErrorPage {
  private DevErrorPage() {}

  /** The page for {@code problem}: kind, file and line, message, detail. */
  static Response of(DevProblem problem) {
    StringBuilder html = new StringBuilder(1024 + problem.detail().length());
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(escape(problem.kind()))
        .append(" - next4j dev</title><style>")
        .append("body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#fff;color:#111}")
        .append("main{max-width:60rem;margin:2rem auto;padding:0 1rem}")
        .append("h1{color:#c00;font-size:1.3rem}.place{font-family:monospace;color:#555}")
        .append("pre{background:#f6f6f6;padding:1rem;overflow:auto;font-size:13px}")
        .append("</style></head><body><main><h1>")
        .append(escape(problem.kind()))
        .append("</h1>");
    if (!problem.place().isEmpty()) {
      html.append("<p class=\"place\">").append(escape(problem.place())).append("</p>");
    }
    html.append("<pre class=\"message\">").append(escape(problem.message())).append("</pre>");
    if (!problem.detail().isEmpty()) {
      html.append("<pre class=\"detail\">").append(escape(problem.detail())).append("</pre>");
    }
    html.append("<p>This page shows in dev mode only; the page reloads once the problem is fixed.</p>")
        .append("</main></body></html>\n");
    return Response.html(html.toString()).withStatus(500).withHeader("Cache-Control", "no-store");
  }

  /** {@code text} with the characters HTML gives meaning to escaped, for text and attributes. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
