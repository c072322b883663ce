package dev.next4j.runtime;

import dev.next4j.runtime.internal.PipelineAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An HTTP response: status, headers and a body, as an immutable value.
 *
 * <pre>{@code
 * return Response.html("<h1>Hello</h1>").withHeader("Cache-Control", "no-store");
 * }</pre>
 *
 * <p>Header names are kept in lower case, as HTTP/2 requires and as most servers print them;
 * lookups ignore case. The body is copied in and out, so a response can be shared freely.
 *
 * <p>A body is either bytes in memory or <em>streamed</em>: {@link #file}, {@link #stream(String,
 * long, BodyWriter)} and {@link #stream(String, BodyWriter)} make responses whose body is written to
 * the connection when the response is sent, never held whole in memory. A streamed body is sent
 * with its {@code Content-Length} when its length is known, else chunked. The app neither computes
 * an ETag for it nor gzips it on the fly (it would have to read it all first): set the ETag, and a
 * {@code Content-Encoding} of a body you compressed yourself, as headers. {@link #body()} and
 * {@link #bodyText()} of a streamed response run its writer into memory, for tests and filters.
 */
public final class Response {
  private static final byte[] EMPTY = new byte[0];

  static {
    PipelineAccess.install(new FinishedHeaders());
  }

  // The content types of html(), text() and json(String): fixed, so checked once, here.
  private static final Map<String, List<String>> HTML = Map.of("content-type", List.of("text/html; charset=utf-8"));
  private static final Map<String, List<String>> TEXT = Map.of("content-type", List.of("text/plain; charset=utf-8"));
  private static final Map<String, List<String>> JSON =
      Map.of("content-type", List.of("application/json; charset=utf-8"));

  /**
   * Writes a streamed body to the connection. It may be called more than once (each time {@link
   * #body()} reads the response, and once when it is sent) and must write the whole body each time:
   * exactly the declared length when one was given.
   */
  @FunctionalInterface
  public interface BodyWriter {
    /** Writes the body to {@code out}; does not close it. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Headers a response may not set: hop-by-hop headers (RFC 9110 §7.6.1) and {@code
   * Transfer-Encoding}, which the server sets from the body. ({@code Content-Length} is refused
   * when a page's response reaches the server; the runtime itself reports HEAD's length with it.)
   */
  static final Set<String> FRAMING =
      Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

  private final int status;
  private final Map<String, List<String>> headers;
  /** The body in memory; {@code null} when streamed. */
  private final byte[] body;
  /** The streamed body's writer; {@code null} for a body in memory. */
  private final BodyWriter writer;
  /** The streamed body's length, or -1 when unknown. */
  private final long streamLength;

  private Response(int status, Map<String, List<String>> headers, byte[] body) {
    this(status, headers, body, null, -1);
  }

  private Response(int status, Map<String, List<String>> headers, byte[] body, BodyWriter writer, long streamLength) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.writer = writer;
    this.streamLength = streamLength;
  }

  /** A 200 response with an HTML body in UTF-8. */
  public static Response html(String html) {
    return new Response(200, HTML, html.getBytes(StandardCharsets.UTF_8));
  }

  /** A 200 response with a plain-text body in UTF-8. */
  public static Response text(String text) {
    return new Response(200, TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A 200 response with a JSON body (already serialised) in UTF-8. */
  public static Response json(String json) {
    return new Response(200, JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A 200 response with the given bytes and content type.
   *
   * @throws IllegalArgumentException if the content type has a character a header value may not
   *     have (see {@link #withHeader})
   */
  public static Response bytes(byte[] body, String contentType) {
    checkNotNull(body, "body");
    checkNotNull(contentType, "contentType");
    checkHeader("Content-Type", contentType);
    return new Response(200, Map.of("content-type", List.of(contentType)), body.clone());
  }

  /**
   * A 200 response whose body is the file at {@code path}, streamed from disk when the response is
   * sent, with its current size as {@code Content-Length}.
   *
   * <pre>{@code
   * return Response.file(Path.of("/var/reports/2024.pdf"), "application/pdf");
   * }</pre>
   *
   * @throws UncheckedIOException when the file's size cannot be read (it does not exist)
   */
  public static Response file(Path path, String contentType) {
    checkNotNull(path, "path");
    checkNotNull(contentType, "contentType");
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + path, e);
    }
    return stream(contentType, size, out -> {
      try (InputStream in = Files.newInputStream(path)) {
        long copied = in.transferTo(out);
        if (copied != size) {
          throw new IOException(path + " changed size while being sent: " + size + " bytes expected, " + copied + " read");
        }
      }
    });
  }

  /**
   * A 200 response whose body {@code writer} writes when the response is sent: exactly {@code
   * length} bytes, sent as {@code Content-Length}.
   *
   * <pre>{@code
   * return Response.stream("text/csv", rows.size() * 16L, out -> rows.forEach(r -> r.writeTo(out)));
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code length} is negative
   */
  public static Response stream(String contentType, long length, BodyWriter writer) {
    checkNotNull(contentType, "contentType");
    checkNotNull(writer, "writer");
    if (length < 0) {
      throw new IllegalArgumentException(
          "stream length must be 0 or more: " + length + " (use stream(contentType, writer) when it is unknown)");
    }
    return new Response(200, Map.of("content-type", List.of(contentType)), null, writer, length);
  }

  /**
   * A 200 response whose body {@code writer} writes when the response is sent, of a length not known
   * in advance: it is sent chunked (HTTP/1.1 {@code Transfer-Encoding: chunked}).
   *
   * <pre>{@code
   * return Response.stream("text/plain; charset=utf-8", out -> log.copyTo(out));
   * }</pre>
   */
  public static Response stream(String contentType, BodyWriter writer) {
    checkNotNull(contentType, "contentType");
    checkNotNull(writer, "writer");
    return new Response(200, Map.of("content-type", List.of(contentType)), null, writer, -1);
  }

  /** A temporary redirect (307, as Next.js's {@code res.redirect(url)}) to {@code location}. */
  public static Response redirect(String location) {
    return redirect(307, location);
  }

  /**
   * A redirect with the given 3xx status (301, 302, 303, 307 or 308) to {@code location}.
   *
   * @throws IllegalArgumentException if the status is not one of those, or {@code location} has a
   *     control character or a character above U+00FF: encode a URL taken from a request first
   */
  public static Response redirect(int status, String location) {
    checkNotNull(location, "location");
    checkHeader("Location", location);
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

  /**
   * A response with the given status, no headers of its own and an empty body.
   *
   * @throws IllegalArgumentException if the status is not 200 to 599 (a 1xx is never final)
   */
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

  /** A copy of the body; a streamed body is written into memory to make it. */
  public byte[] body() {
    if (writer == null) {
      return body.clone();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(streamLength > 0 ? (int) Math.min(streamLength, 1 << 20) : 256);
    try {
      writer.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("the streamed body could not be written", e);
    }
    return out.toByteArray();
  }

  /**
   * The body's length in bytes, without copying or writing it: for a streamed body its declared
   * length (capped at {@link Integer#MAX_VALUE}; see {@link #contentLength()}), or -1 when unknown.
   */
  public int bodyLength() {
    return writer == null ? body.length : (int) Math.min(streamLength, Integer.MAX_VALUE);
  }

  /** The body's length in bytes as a {@code long}; -1 for a streamed body of unknown length. */
  public long contentLength() {
    return writer == null ? body.length : streamLength;
  }

  /** Whether the body is streamed ({@link #file}, {@link #stream}) rather than held in memory. */
  public boolean isStreamed() {
    return writer != null;
  }

  /** Writes the body to {@code out} (a streamed body is written by its writer); does not close it. */
  public void writeBody(OutputStream out) throws IOException {
    if (writer == null) {
      out.write(body);
    } else {
      writer.writeTo(out);
    }
  }

  /** The body decoded as UTF-8; a streamed body is written into memory to make it. */
  public String bodyText() {
    return new String(writer == null ? body : body(), StandardCharsets.UTF_8);
  }

  /** This response with another status. */
  public Response withStatus(int status) {
    checkStatus(status);
    return status == this.status ? this : new Response(status, headers, body, writer, streamLength);
  }

  /**
   * This response with header {@code name} set to {@code value}, replacing earlier values.
   *
   * @throws IllegalArgumentException if the name is not a token or is a hop-by-hop or framing
   *     header ({@code Connection}, {@code Transfer-Encoding}, {@code Upgrade}, {@code Keep-Alive},
   *     {@code TE}, {@code Trailer}, {@code Proxy-Connection}), or the value has a control
   *     character other than tab or a character above U+00FF
   */
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
    return new Response(status, Collections.unmodifiableMap(copy), body, writer, streamLength);
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
    byte[] json = codec.write(value);
    checkNotNull(json, "the codec's JSON");
    return new Response(200, JSON, json);
  }

  private Response copyHeaders(String name, String value, boolean replace) {
    checkHeader(name, value);
    String key = name.toLowerCase(Locale.ROOT);
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    List<String> old = replace ? null : copy.get(key);
    if (old == null) {
      copy.put(key, List.of(value));
    } else {
      List<String> values = new ArrayList<>(old);
      values.add(value);
      copy.put(key, List.copyOf(values));
    }
    return new Response(status, Collections.unmodifiableMap(copy), body, writer, streamLength);
  }

  /** The pipeline's one copy of a response with its finished header map ({@link PipelineAccess}). */
  private static final class FinishedHeaders implements PipelineAccess.Responses {
    @Override
    public Response withHeaders(Response response, Map<String, List<String>> headers) {
      Response r = response;
      return new Response(r.status, headers, r.body, r.writer, r.streamLength);
    }
  }

  private static void checkStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    if (status < 200) {
      throw new IllegalArgumentException("a 1xx status (" + status + ") is informational, never a response's final "
          + "status; next4j sends none (use 2xx to 5xx)");
    }
  }

  /**
   * Checks a header that next4j will send: the name a token and not a hop-by-hop or framing header
   * (the server frames the response itself), the value free of control characters other than tab
   * and of characters above U+00FF. The JDK server writes each character of a value as one byte,
   * so U+010D U+010A would go out as CR LF and start a header of the client's choosing; a value
   * taken from a request (a {@code ?next=} URL) must be encoded first ({@link
   * java.net.URLEncoder}, or {@link java.net.URI#toASCIIString()}).
   *
   * @throws IllegalArgumentException naming the header and the first bad character
   */
  static void checkHeader(String name, String value) {
    checkNotNull(name, "name");
    checkNotNull(value, "value");
    if (name.isEmpty() || !isToken(name)) {
      throw new IllegalArgumentException("not a valid header name: \"" + name + "\"");
    }
    if (FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("header " + name + " is hop-by-hop or framing, which the server sets itself; "
          + "a response may not set it");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c == 127 || c > 0xFF) {
        throw new IllegalArgumentException(String.format(
            "header %s has the character U+%04X at index %d of its value; a header value may hold no control "
                + "character but tab and nothing above U+00FF (percent-encode it): \"%s\"",
            name, (int) c, i, printable(value)));
      }
    }
  }

  /** {@code value} with control characters shown as {@code \\uXXXX}, for an error message. */
  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && i < 200; i++) {
      char c = value.charAt(i);
      out.append(c < ' ' || c == 127 || c > 0xFF ? String.format("\\u%04X", (int) c) : String.valueOf(c));
    }
    return out.toString();
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
    String size = writer == null ? body.length + " bytes"
        : streamLength < 0 ? "streamed, length unknown" : "streamed, " + streamLength + " bytes";
    return "Response{status=" + status + ", headers=" + headers + ", body=" + size + "}";
  }
}
