package dev.next4j.runtime.internal;

import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The built-in pages for errors the app has no page of its own for: short, plain, and never with
 * server details (those go to the log), and, for an app in dev mode that is not quiet, the page
 * that shows a page's exception with its stack trace.
 *
 * <pre>{@code
 * ErrorPages.plain(404)   // 404, text/html: <h1>404</h1><p>This page could not be found.</p>
 * ErrorPages.details(request, error)   // 500: "Unhandled exception", "GET /boom (page /boom)", the trace
 * }</pre>
 */
final class ErrorPages {
  private ErrorPages() {}

  /** The built-in page for {@code status}. */
  static Response plain(int status) {
    String text = text(status);
    String html =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
            + status + ": " + text
            + "</title></head><body><h1>" + status + "</h1><p>" + text
            + "</p></body></html>\n";
    return Response.html(html).withStatus(status);
  }

  /**
   * The page for a request that failed with {@code error}: its class, message and stack trace. Only
   * for dev mode ({@code NextOptions.dev()} and not {@code quiet}): it shows server details.
   */
  static Response details(Request request, Throwable error) {
    String where = request.route().isEmpty() ? "" : " (page " + request.route() + ")";
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    String message = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Unhandled exception - next4j dev</title>"
        + "<style>body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#fff;color:#111}"
        + "main{max-width:60rem;margin:2rem auto;padding:0 1rem}"
        + "h1{color:#c00;font-size:1.3rem}.place{font-family:monospace;color:#555}"
        + "pre{background:#f6f6f6;padding:1rem;overflow:auto;font-size:13px}</style></head><body><main>"
        + "<h1>Unhandled exception</h1><p class=\"place\">" + escape(request.method() + " " + request.path() + where)
        + "</p><pre class=\"message\">" + escape(message) + "</pre><pre class=\"detail\">" + escape(trace.toString())
        + "</pre><p>This page shows in dev mode only.</p></main></body></html>\n";
    return Response.html(html).withStatus(500).withHeader("Cache-Control", "no-store");
  }

  /** What the built-in page for {@code status} says. */
  static String text(int status) {
    switch (status) {
      case 400:
        return "Bad Request.";
      case 404:
        return "This page could not be found.";
      case 405:
        return "Method Not Allowed.";
      case 413:
        return "Request body too large.";
      case 414:
        return "Request target too long.";
      case 431:
        return "Request header fields too large.";
      case 500:
        return "Internal Server Error.";
      case 501:
        return "Not Implemented.";
      case 503:
        return "Service Unavailable.";
      default:
        return "Error.";
    }
  }

  /** {@code text} with the characters HTML gives meaning to escaped, for text and attributes. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
