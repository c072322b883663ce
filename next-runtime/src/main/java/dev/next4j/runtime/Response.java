package dev.next4j.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP response: status, headers and a body, as an immutable value.
 *
 * <pre>{@code
 * return Response.html("<h1>Hello</h1>").withHeader("Cache-Control", "no-store");
 * }</pre>
 *
 * <p>Header names are kept in lower case, as HTTP/2 requires and as most servers print them;
 * lookups ignore case. The body is copied in and out, so a response can be shared freely.
 */
public final class Response {
  private static final byte[] EMPTY = new byte[0];

  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private Response(int status, Map<String, List<String>> headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** A 200 response with an HTML body in UTF-8. */
  public static Response html(String html) {
    return bytes(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
  }

  /** A 200 response with a plain-text body in UTF-8. */
  public static Response text(String text) {
    return bytes(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
  }

  /** A 200 response with a JSON body (already serialised) in UTF-8. */
  public static Response json(String json) {
    return bytes(json.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8");
  }

  /** A 200 response with the given bytes and content type. */
  public static Response bytes(byte[] body, String contentType) {
    checkNotNull(body, "body");
    checkNotNull(contentType, "contentType");
    return new Response(200, Map.of("content-type", List.of(contentType)), body.clone());
  }

  /** A temporary redirect (307, as Next.js's {@code res.redirect(url)}) to {@code location}. */
  public static Response redirect(String location) {
    return redirect(307, location);
  }

  /** A redirect with the given 3xx status (301, 302, 303, 307 or 308) to {@code location}. */
  public static Response redirect(int status, String location) {
    checkNotNull(location, "location");
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
      throw new IllegalArgumentException(
          "not a redirect status: " + status + " (use 301, 302, 303, 307 or 308)");
    }
    return new Response(status, Map.of("location", List.of(location)), EMPTY);
  }

  /**
   * A 404 response with no headers of its own and an empty body: Next.js's {@code notFound: true}.
   * Returned by a page, the app answers with the site's {@code _404} page (status 404) in its
   * place, as it does when a page throws {@code new HttpException(404, ...)}; returned by an API
   * route or middleware it is sent as it is. A page that wants its own 404 body gives one with
   * {@link #withBody(String)}.
   */
  public static Response notFound() {
    return status(404);
  }

  /** A response with the given status, no headers of its own and an empty body. */
  public static Response status(int status) {
    checkStatus(status);
    return new Response(status, Map.of(), EMPTY);
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The headers, lower-case names in insertion order, each with one or more values. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of the header {@code name} (any case), if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A copy of the body. */
  public byte[] body() {
    return body.clone();
  }

  /** The body's length in bytes, without copying it. */
  public int bodyLength() {
    return body.length;
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** This response with another status. */
  public Response withStatus(int status) {
    checkStatus(status);
    return status == this.status ? this : new Response(status, headers, body);
  }

  /** This response with header {@code name} set to {@code value}, replacing earlier values. */
  public Response withHeader(String name, String value) {
    return copyHeaders(name, value, true);
  }

  /** This response with {@code value} added to header {@code name} (e.g. a second Set-Cookie). */
  public Response addHeader(String name, String value) {
    return copyHeaders(name, value, false);
  }

  /** This response without header {@code name}. */
  public Response withoutHeader(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (!headers.containsKey(key)) {
      return this;
    }
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.remove(key);
    return new Response(status, Collections.unmodifiableMap(copy), body);
  }

  /** This response with another body, keeping status and headers. */
  public Response withBody(byte[] body) {
    checkNotNull(body, "body");
    return new Response(status, headers, body.clone());
  }

  /** This response with another UTF-8 text body, keeping status and headers. */
  public Response withBody(String body) {
    checkNotNull(body, "body");
    return new Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  // --- cookies and JSON values (the page toolkit) ---

  /**
   * This response with {@code cookie} added as one more {@code Set-Cookie} header: several cookies
   * on one response are all sent, each on its own header line.
   *
   * <pre>{@code
   * Response.redirect(303, "/").withCookie(Cookie.of("a", "1")).withCookie(Cookie.of("b", "2"))
   * // Set-Cookie: a=1
   * // Set-Cookie: b=2
   * }</pre>
   *
   * @throws IllegalArgumentException if the cookie's parts contradict each other (see {@link
   *     Cookie#toHeaderValue()})
   */
  public Response withCookie(Cookie cookie) {
    checkNotNull(cookie, "cookie");
    return addHeader("Set-Cookie", cookie.toHeaderValue());
  }

  /**
   * A 200 response with {@code value} written as JSON by {@code codec}, in UTF-8.
   *
   * <pre>{@code
   * return Response.json(new Post("hello", 3), codec);   // {"title":"hello","likes":3}
   * }</pre>
   *
   * <p>Without a codec, {@link #json(String)} sends JSON you serialised yourself.
   */
  public static Response json(Object value, JsonCodec codec) {
    checkNotNull(codec, "codec");
    return bytes(codec.write(value), "application/json; charset=utf-8");
  }

  private Response copyHeaders(String name, String value, boolean replace) {
    checkHeader(name, value);
    String key = name.toLowerCase(Locale.ROOT);
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    List<String> values = new ArrayList<>();
    if (!replace && copy.containsKey(key)) {
      values.addAll(copy.get(key));
    }
    values.add(value);
    copy.put(key, List.copyOf(values));
    return new Response(status, Collections.unmodifiableMap(copy), body);
  }

  private static void checkStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
  }

  private static void checkHeader(String name, String value) {
    checkNotNull(name, "name");
    checkNotNull(value, "value");
    if (name.isEmpty() || !isToken(name)) {
      throw new IllegalArgumentException("not a valid header name: \"" + name + "\"");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new IllegalArgumentException(
            "header " + name + " has a line break or NUL in its value: \"" + value + "\"");
      }
    }
  }

  private static boolean isToken(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static void checkNotNull(Object value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
  }

  @Override
  public String toString() {
    return "Response{status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes}";
  }
}
