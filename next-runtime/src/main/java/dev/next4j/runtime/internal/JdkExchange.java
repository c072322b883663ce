package dev.next4j.runtime.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.next4j.runtime.binding.ServerExchange;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A JDK {@link HttpExchange} as a {@link ServerExchange}: the built-in binding. Headers a custom
 * server set on the exchange before delegating stay, unless the response sets the same name
 * ({@code Set-Cookie} values add up).
 *
 * <p>The JDK writes a length it is given as {@code Content-Length}, a length of 0 as chunked, and
 * -1 as no body (with {@code Content-Length: 0} where HTTP wants one); for HEAD it sends no body
 * and leaves {@code Content-Length} to the handler.
 */
final class JdkExchange implements ServerExchange {
  private final HttpExchange exchange;
  private String target;

  JdkExchange(HttpExchange exchange) {
    this.exchange = exchange;
  }

  /** The request path as sent (percent-encoded, without the query), or null when there is none. */
  static String rawPath(HttpExchange exchange) {
    return exchange.getRequestURI().getRawPath();
  }

  @Override
  public String method() {
    return exchange.getRequestMethod();
  }

  @Override
  public String target() {
    if (target == null) {
      target = readTarget();
    }
    return target;
  }

  private String readTarget() {
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath();
    if (path == null) {
      // An opaque URI (mailto:x): not a path, which the app refuses with 400.
      return uri.toString();
    }
    String query = uri.getRawQuery();
    return query == null ? path : path + "?" + query;
  }

  @Override
  public String protocol() {
    return exchange.getProtocol();
  }

  @Override
  public Map<String, List<String>> headers() {
    return exchange.getRequestHeaders();
  }

  @Override
  public List<String> header(String name) {
    return exchange.getRequestHeaders().getOrDefault(name, List.of());
  }

  @Override
  public InputStream body() {
    return exchange.getRequestBody();
  }

  @Override
  public OutputStream send(int status, Map<String, List<String>> headers, long length, boolean close)
      throws IOException {
    Headers out = exchange.getResponseHeaders();
    // forEach, not entrySet(): the unmodifiable map would wrap each entry it hands out.
    headers.forEach((name, values) -> {
      if (name.equals("set-cookie")) {
        for (String value : values) {
          out.add(name, value);
        }
      } else {
        // A Response's value lists are immutable, so the JDK may hold them as they are.
        out.put(name, values);
      }
    });
    if (close) {
      out.set("Connection", "close");
    }
    if (emptyBody()) {
      // The JDK keeps a connection open only when the request body was read to its end by the
      // time the response is out, and an empty body nobody asked for never was: read its end
      // now (at once: there is nothing to wait for). A body that is not empty the app reads or
      // drains, or it asks for the connection to close.
      exchange.getRequestBody().read();
    }
    exchange.sendResponseHeaders(status, length == 0 ? -1 : length < 0 ? 0 : length);
    return exchange.getResponseBody();
  }

  @Override
  public void close() {
    exchange.close();
  }

  /** Whether the request declares no body: no {@code Transfer-Encoding}, no or a zero {@code Content-Length}. */
  private boolean emptyBody() {
    // The names scanned: a lookup by name would copy the name to normalise it, twice per request.
    Headers headers = exchange.getRequestHeaders();
    for (String name : headers.keySet()) {
      if (name.equalsIgnoreCase("Transfer-Encoding")) {
        return false;
      }
      if (name.equalsIgnoreCase("Content-Length")) {
        String length = headers.getFirst(name);
        if (length != null && !length.equals("0")) {
          return false;
        }
      }
    }
    return true;
  }
}
