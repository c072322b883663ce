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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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

  private static final List<String> POWERED_BY = List.of("next4j");
  private static final List<String> GZIP = List.of("gzip");

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
    if (r.headers().containsKey("content-length")) {
      // The server frames the body itself; a length from user code could only contradict it.
      Logs.LOG.log(Level.ERROR, request.method() + " " + request.path() + ": the response sets Content-Length, which "
          + "the server sets from the body; remove it. Answering 500");
      r = ErrorPages.plain(500);
    }
    // One header map for all that is added below, made on the first change (withHeader would copy
    // the map per header).
    HeaderEdit edit = new HeaderEdit(r);
    if (!headers.isEmpty()) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        String name = header.getKey();
        if (name.equals("set-cookie") || edit.get(name) == null) {
          for (String value : header.getValue()) {
            edit.add(name, value);
          }
        }
      }
    }
    if (config.poweredByHeader() && edit.get("x-powered-by") == null) {
      edit.set("x-powered-by", POWERED_BY);
    }
    if (host != null) {
      r = host.filter(request, edit.response());
      edit = new HeaderEdit(r);
    }
    String method = request.method();
    boolean head = method.equals("HEAD");
    if ((head || method.equals("GET")) && edit.status() == 200) {
      List<String> etag = edit.get("etag");
      if (etag == null && page && config.generateEtags() && !edit.base().isStreamed()) {
        etag = List.of(etag(edit.base()));
        edit.set("etag", etag);
      }
      if (etag != null) {
        String ifNoneMatch = request.header("if-none-match").orElse(null);
        if (ifNoneMatch != null && matches(ifNoneMatch, etag.get(0))) {
          return notModified(edit.response());
        }
      }
    }
    if (config.compress()) {
      byte[] gzipped = compress(request, edit);
      if (gzipped != null) {
        return finishHead(head, edit.response().withBody(gzipped));
      }
    }
    return finishHead(head, edit.response());
  }

  /** {@code r} as an answer to HEAD when {@code head}: its length as {@code Content-Length}, no body. */
  private static Response finishHead(boolean head, Response r) {
    if (!head) {
      return r;
    }
    long length = r.contentLength();
    return (length < 0 ? r.withoutHeader("Content-Length") : r.withHeader("Content-Length", Long.toString(length)))
        .withBody(new byte[0]);
  }

  /**
   * The headers of a response being finished: read from the response's own map until the first
   * change, then from one {@link HeaderMap.Builder} that every later change writes into; {@link
   * #response()} hands the result to a response once, without the per-header copy and check of
   * {@link Response#withHeader} (each value set here is the pipeline's own, or was checked when
   * middleware set it).
   */
  private static final class HeaderEdit {
    private final Response base;
    private HeaderMap.Builder copy;

    HeaderEdit(Response base) {
      this.base = base;
    }

    Response base() {
      return base;
    }

    int status() {
      return base.status();
    }

    /** The values of {@code name} (lower case), or null. */
    List<String> get(String name) {
      return copy != null ? copy.get(name) : base.headers().get(name);
    }

    void set(String name, List<String> values) {
      writable().set(name, values);
    }

    void add(String name, String value) {
      HeaderMap.Builder headers = writable();
      List<String> old = headers.get(name);
      if (old == null) {
        headers.set(name, List.of(value));
      } else {
        List<String> values = new ArrayList<>(old.size() + 1);
        values.addAll(old);
        values.add(value);
        headers.set(name, List.copyOf(values));
      }
    }

    private HeaderMap.Builder writable() {
      if (copy == null) {
        copy = new HeaderMap.Builder(base.headers());
      }
      return copy;
    }

    /** The response with the edited headers; the base itself when nothing changed. */
    Response response() {
      return copy == null ? base : PipelineAccess.withHeaders(base, copy.build());
    }
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
      // W/" + hash52 in base 36 + length in base 36 + ": at most 11 + 13 digits, in one buffer.
      char[] out = new char[28];
      int end = out.length;
      out[--end] = '"';
      end = base36(length, out, end);
      end = base36(hash52, out, end);
      out[--end] = '"';
      out[--end] = '/';
      out[--end] = 'W';
      return new String(out, end, out.length - end);
    }

    /** Writes {@code value} (0 or more) in base 36 to {@code out}, ending before {@code end}; returns where it begins. */
    private static int base36(long value, char[] out, int end) {
      long v = value;
      do {
        out[--end] = Character.forDigit((int) (v % 36), 36);
        v /= 36;
      } while (v > 0);
      return end;
    }
  }

  /** Whether {@code If-None-Match} names {@code etag}, compared weakly as RFC 9110 says for GET. */
  static boolean matches(Optional<String> ifNoneMatch, String etag) {
    return ifNoneMatch.isPresent() && matches(ifNoneMatch.get(), etag);
  }

  /** Whether the {@code If-None-Match} value {@code ifNoneMatch} names {@code etag}, compared weakly. */
  static boolean matches(String ifNoneMatch, String etag) {
    String wanted = opaque(etag);
    for (String tag : ifNoneMatch.split(",")) {
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
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : full.headers().entrySet()) {
      if (!NOT_MODIFIED_DROPS.contains(header.getKey())) {
        kept.put(header.getKey(), header.getValue());
      }
    }
    return PipelineAccess.withHeaders(Response.status(304), Collections.unmodifiableMap(kept));
  }

  /**
   * Gzips the body of the response {@code edit} holds when it is worth it: returns the gzipped
   * bytes (and sets {@code Content-Encoding} and {@code Vary}), or null when the body stays as it
   * is ({@code Vary: Accept-Encoding} is still set on a compressible body the client did not ask
   * gzip for).
   */
  private static byte[] compress(Request request, HeaderEdit edit) {
    Response r = edit.base();
    int status = edit.status();
    if (r.isStreamed() || status < 200 || status == 204 || status == 304 || r.bodyLength() < MIN_GZIP_BYTES) {
      return null;
    }
    if (edit.get("content-encoding") != null
        || !isCompressible(first(edit, "content-type"))
        || first(edit, "cache-control").toLowerCase(Locale.ROOT).contains("no-transform")) {
      return null;
    }
    varyOnAcceptEncoding(edit);
    if (!acceptsGzip(request.header("accept-encoding").orElse(""))) {
      return null;
    }
    byte[] gzipped = gzip(r);
    edit.set("content-encoding", GZIP);
    return gzipped;
  }

  /** The first value of {@code name} in {@code edit}, or an empty string. */
  private static String first(HeaderEdit edit, String name) {
    List<String> values = edit.get(name);
    return values == null ? "" : values.get(0);
  }

  private static void varyOnAcceptEncoding(HeaderEdit edit) {
    String vary = first(edit, "vary");
    for (String name : vary.split(",")) {
      String n = name.trim();
      if (n.equals("*") || n.equalsIgnoreCase("accept-encoding")) {
        return;
      }
    }
    edit.set("vary", List.of(vary.isBlank() ? "Accept-Encoding" : vary + ", Accept-Encoding"));
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
