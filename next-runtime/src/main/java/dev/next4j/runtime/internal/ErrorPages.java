package dev.next4j.runtime.internal;

import dev.next4j.runtime.Response;

/**
 * The built-in pages for errors the app has no page of its own for: short, plain, and never with
 * server details (those go to the log, or to the dev error page in dev mode).
 *
 * <pre>{@code
 * ErrorPages.plain(404)   // 404, text/html: <h1>404</h1><p>This page could not be found.</p>
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
      case 431:
        return "Request header fields too large.";
      case 500:
        return "Internal Server Error.";
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
