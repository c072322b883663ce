package dev.next4j.runtime.internal;

import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The error page of dev mode, and only of dev mode: it shows what went wrong, with file, line and
 * stack trace, so the browser tells the developer what the terminal does. Every value is escaped.
 *
 * <pre>{@code
 * DevErrorPage.problem(new DevProblem("Compile error", "src/main/java/com/acme/pages/About.java", 12,
 *     "';' expected", ""))   // 500, text/html: "Compile error", "About.java:12", "';' expected"
 * }</pre>
 */
final class DevErrorPage {
  private DevErrorPage() {}

  /** The page for a request that failed with {@code error}: its class, message and stack trace. */
  static Response exception(Request request, Throwable error) {
    String where = request.route().isEmpty() ? "" : " (page " + request.route() + ")";
    return page(
        "Unhandled exception",
        request.method() + " " + request.path() + where,
        error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage()),
        stackTrace(error));
  }

  /** The page for a build problem the dev server reported: kind, file and line, message, detail. */
  static Response problem(DevProblem problem) {
    String place = problem.file().isEmpty() ? "" : problem.file() + (problem.line() > 0 ? ":" + problem.line() : "");
    return page(problem.kind(), place, problem.message(), problem.detail());
  }

  private static Response page(String kind, String place, String message, String detail) {
    StringBuilder html = new StringBuilder(1024 + detail.length());
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(ErrorPages.escape(kind))
        .append(" - next4j dev</title><style>")
        .append("body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#fff;color:#111}")
        .append("main{max-width:60rem;margin:2rem auto;padding:0 1rem}")
        .append("h1{color:#c00;font-size:1.3rem}.place{font-family:monospace;color:#555}")
        .append("pre{background:#f6f6f6;padding:1rem;overflow:auto;font-size:13px}")
        .append("</style></head><body><main><h1>")
        .append(ErrorPages.escape(kind))
        .append("</h1>");
    if (!place.isEmpty()) {
      html.append("<p class=\"place\">").append(ErrorPages.escape(place)).append("</p>");
    }
    html.append("<pre class=\"message\">").append(ErrorPages.escape(message)).append("</pre>");
    if (!detail.isEmpty()) {
      html.append("<pre class=\"detail\">").append(ErrorPages.escape(detail)).append("</pre>");
    }
    html.append("<p>This page shows in dev mode only; the page reloads once the problem is fixed.</p>")
        .append("</main></body></html>\n");
    return Response.html(html.toString()).withStatus(500).withHeader("Cache-Control", "no-store");
  }

  private static String stackTrace(Throwable error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
