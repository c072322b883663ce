package dev.next4j.runtime.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JDK {@link HttpExchange} into a {@link Request}, enforcing the size limits, and writes a
 * {@link Response} back with a correct {@code Content-Length} (HEAD: the length GET would have,
 * and no body).
 *
 * <p>A request with a chunked body always gets {@code Connection: close}: the JDK's chunked decoder
 * wraps an oversized chunk size and reads trailers as the next request, so nothing after such a
 * body may be parsed as another request.
 */
final class HttpBinding {
  /** Request line and headers beyond this many bytes are answered with 431. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  /** More header lines than this are answered with 431. */
  static final int MAX_HEADERS = 100;

  /**
   * A body at most this much over the limit is read and thrown away before the 413 goes out: a
   * client that sent it all then reads its 413, where closing on unread bytes would reset the
   * connection under it. A larger one is not read at all.
   */
  static final int DISCARD_BYTES = 64 * 1024;

  private HttpBinding() {}

  /** A request read from an exchange: the request, or the response that refuses it. */
  sealed interface Read {
    /** Read in full; {@code chunked} when the body came chunked (the connection then closes). */
    record Ok(Request request, boolean chunked) implements Read {}

    /** Refused (400, 413, 431); the connection closes after the answer. */
    record Refused(Response response) implements Read {}
  }

  /** Reads {@code exchange}'s request, with a body of at most {@code bodyLimit} bytes. */
  static Read read(HttpExchange exchange, long bodyLimit) {
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath();
    if (path == null || !path.startsWith("/")) {
      return new Read.Refused(ErrorPages.plain(400));
    }
    Headers headers = exchange.getRequestHeaders();
    int count = 0;
    long bytes = exchange.getRequestMethod().length() + uri.toString().length() + 11;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        count++;
        bytes += header.getKey().length() + value.length() + 4;
      }
    }
    if (count > MAX_HEADERS || bytes > MAX_HEADER_BYTES) {
      return new Read.Refused(ErrorPages.plain(431));
    }
    boolean chunked = headers.containsKey("Transfer-Encoding");
    String length = headers.getFirst("Content-Length");
    long declared = length == null ? -1 : parseLength(length);
    if (declared > bodyLimit) {
      if (declared - bodyLimit <= DISCARD_BYTES) {
        discard(exchange.getRequestBody(), declared);
      }
      return new Read.Refused(ErrorPages.plain(413));
    }
    byte[] body;
    try {
      body = readBody(exchange.getRequestBody(), bodyLimit);
    } catch (IOException | RuntimeException e) {
      // A malformed chunked body (a bad chunk size, a trailer); the JDK only reports it this way.
      return new Read.Refused(ErrorPages.plain(400));
    }
    if (body == null) {
      discard(exchange.getRequestBody(), DISCARD_BYTES);
      return new Read.Refused(ErrorPages.plain(413));
    }
    String query = uri.getRawQuery();
    Request.Builder request =
        Request.builder(exchange.getRequestMethod(), query == null ? path : path + "?" + query);
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        request.header(header.getKey(), value);
      }
    }
    return new Read.Ok(request.body(body).build(), chunked);
  }

  /**
   * Sends {@code response} on {@code exchange} and closes it; with {@code close}, the connection
   * closes too. Headers the exchange already has stay, unless the response sets the same name
   * ({@code Set-Cookie} values add up). Returns the body bytes sent (0 for HEAD, 204, 304).
   */
  static long write(HttpExchange exchange, Response response, boolean close) throws IOException {
    try {
      Headers out = exchange.getResponseHeaders();
      for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
        String name = header.getKey();
        if (name.equals("content-length")) {
          continue;
        }
        if (name.equals("set-cookie")) {
          header.getValue().forEach(value -> out.add(name, value));
        } else {
          out.put(name, new ArrayList<>(header.getValue()));
        }
      }
      if (close) {
        out.set("Connection", "close");
      }
      int status = response.status();
      boolean head = exchange.getRequestMethod().toUpperCase(Locale.ROOT).equals("HEAD");
      boolean bodiless = status < 200 || status == 204 || status == 304;
      if (head) {
        // The JDK sends no body for HEAD and leaves Content-Length to the handler.
        response.header("content-length").ifPresent(value -> {
          if (!bodiless) {
            out.set("Content-Length", value);
          }
        });
        exchange.sendResponseHeaders(status, -1);
        return 0;
      } else if (bodiless || response.bodyLength() == 0) {
        exchange.sendResponseHeaders(status, -1);
        return 0;
      } else {
        byte[] body = response.body();
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream stream = exchange.getResponseBody()) {
          stream.write(body);
        }
        return body.length;
      }
    } finally {
      exchange.close();
    }
  }

  /** Reads and drops up to {@code max} bytes of {@code in}; a failure only ends it early. */
  private static void discard(InputStream in, long max) {
    byte[] buffer = new byte[8192];
    long left = max;
    try {
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // The connection closes after the 413 anyway.
    }
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The body, or {@code null} when it is longer than {@code limit}. */
  private static byte[] readBody(InputStream in, long limit) throws IOException {
    int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
    byte[] buffer = new byte[(int) Math.min(cap + 1L, 8192)];
    int n = 0;
    while (true) {
      if (n == buffer.length) {
        if (n > cap) {
          return null;
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) cap + 1, (long) n * 2));
      }
      int read = in.read(buffer, n, buffer.length - n);
      if (read < 0) {
        return n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
      }
      n += read;
      if (n > cap) {
        return null;
      }
    }
  }
}
