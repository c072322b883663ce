package dev.next4j.runtime.internal;

import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.host.HostedApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * The last steps every response takes, whatever produced it: a response that sets {@code
 * Content-Length} itself becomes a logged 500 (other framing headers and 1xx statuses cannot be
 * set at all: {@code Response} refuses them), middleware headers, {@code
 * X-Powered-By}, the host's filter (under {@code next:run}: the live-reload script), the ETag and a 304 for a matching {@code
 * If-None-Match}, gzip, and HEAD's empty body.
 *
 * <p>A streamed body ({@link Response#isStreamed()}) is never read here: it gets no computed ETag
 * (a response may carry its own, and a matching {@code If-None-Match} still gives a 304), is never
 * gzipped on the fly (a response may carry a body it compressed itself, with {@code
 * Content-Encoding}), and HEAD sends its declared length, or none when it is unknown.
 */
final class ResponseFinisher {
  /** Bodies smaller than this are sent as they are: gzip would save little or grow them. */
  static final int MIN_GZIP_BYTES = 1024;

  private static final Set<String> NOT_MODIFIED_DROPS =
      Set.of("content-type", "content-length", "content-encoding");

  private final NextConfig config;
  private final HostedApp host;

  /** {@code host}: the host whose filter every response passes; null without one (production). */
  ResponseFinisher(NextConfig config, HostedApp host) {
    this.config = config;
    this.host = host;
  }

  /**
   * Finishes {@code response} to {@code request}. {@code page} says whether a page rendered it
   * (those get an ETag); {@code headers} come from middleware, and a header the response sets
   * itself wins over them, except {@code Set-Cookie}: middleware's cookies are sent beside the
   * response's own.
   */
  Response finish(Request request, Response response, boolean page, Map<String, List<String>> headers) {
    Response r = response;
    if (r.header("content-length").isPresent()) {
      // The server frames the body itself; a length from user code could only contradict it.
      Logs.LOG.log(Level.ERROR, request.method() + " " + request.path() + ": the response sets Content-Length, which "
          + "the server sets from the body; remove it. Answering 500");
      r = ErrorPages.plain(500);
    }
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equals("set-cookie") || r.header(header.getKey()).isEmpty()) {
        for (String value : header.getValue()) {
          r = r.addHeader(header.getKey(), value);
        }
      }
    }
    if (config.poweredByHeader() && r.header("x-powered-by").isEmpty()) {
      r = r.withHeader("X-Powered-By", "next4j");
    }
    if (host != null) {
      r = host.filter(request, r);
    }
    boolean head = request.method().equals("HEAD");
    boolean readOnly = head || request.method().equals("GET");
    if (readOnly && r.status() == 200) {
      if (page && config.generateEtags() && r.header("etag").isEmpty() && !r.isStreamed()) {
        r = r.withHeader("ETag", etag(r));
      }
      if (r.header("etag").isPresent() && matches(request.header("if-none-match"), r.header("etag").get())) {
        return notModified(r);
      }
    }
    if (config.compress()) {
      r = compress(request, r);
    }
    if (head) {
      long length = r.contentLength();
      r = (length < 0 ? r.withoutHeader("Content-Length") : r.withHeader("Content-Length", Long.toString(length)))
          .withBody(new byte[0]);
    }
    return r;
  }

  /**
   * A weak ETag for {@code body} in the shape Next.js's pages router gives: {@code W/"<hash in base
   * 36><length in base 36>"}, the hash being FNV-1a cut to 52 bits. A non-cryptographic hash is
   * enough to tell versions of a page apart, and unlike a {@code MessageDigest} it loads no
   * security classes on the first request, which counts in time to first response.
   */
  static String etag(byte[] body) {
    Fnv fnv = new Fnv();
    fnv.write(body, 0, body.length);
    return fnv.etag();
  }

  /** {@link #etag(byte[])} of {@code response}'s body in memory, hashed where it is, not copied. */
  private static String etag(Response response) {
    Fnv fnv = new Fnv();
    try {
      response.writeBody(fnv);
    } catch (IOException e) {
      throw new UncheckedIOException("hashing a body in memory failed", e);
    }
    return fnv.etag();
  }

  /** FNV-1a over the bytes written to it, and their count: the ETag's two parts. */
  private static final class Fnv extends OutputStream {
    private long hash = 0xcbf29ce484222325L;
    private long length;

    @Override
    public void write(int b) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
      length++;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
      long h = hash;
      for (int i = offset; i < offset + count; i++) {
        h ^= bytes[i] & 0xff;
        h *= 0x100000001b3L;
      }
      hash = h;
      length += count;
    }

    String etag() {
      long hash52 = hash & ((1L << 52) - 1);
      return "W/\"" + Long.toString(hash52, 36) + Long.toString(length, 36) + "\"";
    }
  }

  /** Whether {@code If-None-Match} names {@code etag}, compared weakly as RFC 9110 says for GET. */
  static boolean matches(Optional<String> ifNoneMatch, String etag) {
    if (ifNoneMatch.isEmpty()) {
      return false;
    }
    String wanted = opaque(etag);
    for (String tag : ifNoneMatch.get().split(",")) {
      String t = tag.trim();
      if (t.equals("*") || opaque(t).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  /** A 304 with the headers the 200 would have had, except those describing its body. */
  private static Response notModified(Response full) {
    Response r = Response.status(304);
    for (Map.Entry<String, List<String>> header : full.headers().entrySet()) {
      if (!NOT_MODIFIED_DROPS.contains(header.getKey())) {
        for (String value : header.getValue()) {
          r = r.addHeader(header.getKey(), value);
        }
      }
    }
    return r;
  }

  private static Response compress(Request request, Response r) {
    if (r.isStreamed() || r.status() < 200 || r.status() == 204 || r.status() == 304 || r.bodyLength() < MIN_GZIP_BYTES) {
      return r;
    }
    if (r.header("content-encoding").isPresent()
        || !isCompressible(r.header("content-type").orElse(""))
        || r.header("cache-control").orElse("").toLowerCase(Locale.ROOT).contains("no-transform")) {
      return r;
    }
    Response varied = varyOnAcceptEncoding(r);
    if (!acceptsGzip(request.header("accept-encoding").orElse(""))) {
      return varied;
    }
    return varied.withBody(gzip(r)).withHeader("Content-Encoding", "gzip");
  }

  private static Response varyOnAcceptEncoding(Response r) {
    String vary = r.header("vary").orElse("");
    for (String name : vary.split(",")) {
      String n = name.trim();
      if (n.equals("*") || n.equalsIgnoreCase("accept-encoding")) {
        return r;
      }
    }
    return r.withHeader("Vary", vary.isBlank() ? "Accept-Encoding" : vary + ", Accept-Encoding");
  }

  /** Whether an {@code Accept-Encoding} value allows gzip: listed (or {@code *}) with q above 0. */
  static boolean acceptsGzip(String acceptEncoding) {
    Boolean star = null;
    for (String item : acceptEncoding.split(",")) {
      String[] parts = item.trim().split(";");
      String coding = parts[0].trim().toLowerCase(Locale.ROOT);
      boolean allowed = quality(parts) > 0;
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        return allowed;
      }
      if (coding.equals("*")) {
        star = allowed;
      }
    }
    return Boolean.TRUE.equals(star);
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("q=") || p.startsWith("Q=")) {
        try {
          return Double.parseDouble(p.substring(2).trim());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  /** Whether a body of {@code contentType} is text-like, so gzip pays (images and archives are packed already). */
  static boolean isCompressible(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    int semi = type.indexOf(';');
    if (semi >= 0) {
      type = type.substring(0, semi);
    }
    type = type.trim();
    return type.startsWith("text/")
        || type.endsWith("+json")
        || type.endsWith("+xml")
        || type.equals("application/json")
        || type.equals("application/javascript")
        || type.equals("application/xml")
        || type.equals("application/wasm")
        || type.equals("image/svg+xml");
  }

  /** {@code r}'s body in memory, gzipped (read where it is, not copied first). */
  private static byte[] gzip(Response r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(r.bodyLength() / 3 + 32);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      r.writeBody(gz);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory failed", e);
    }
    return out.toByteArray();
  }
}
