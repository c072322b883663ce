package dev.next4j.runtime.internal;

import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Serves the files of a public-file index: the HTTP rules, the same for the build's index in the
 * jar and for dev mode's folder on disk.
 *
 * <p>A request reaches a file only through {@link #key}: the raw path is split at {@code /}, each
 * segment percent-decoded on its own, and the path is refused (not a public file) when a segment is
 * empty, {@code .} or {@code ..}, or decodes to a {@code /}, {@code \} or NUL, or does not decode.
 * What is left is looked up as an exact key; nothing is ever joined to a folder.
 *
 * <p>Only GET and HEAD are served; other methods fall through to the routes. A GET or HEAD gets:
 *
 * <ul>
 *   <li>{@code 200} with {@code Content-Type}, {@code Content-Length}, a strong {@code ETag}, {@code
 *       Last-Modified}, {@code Accept-Ranges: bytes} and {@code Cache-Control}: {@code public,
 *       max-age=31536000, immutable} for a name with a content hash ({@link
 *       MediaTypes#hasContentHash}), else {@code public, max-age=0} as Next.js sends;
 *   <li>the gzip variant, with {@code Content-Encoding: gzip} and its own ETag ({@code "…-gzip"}),
 *       when the file has one and the client accepts gzip; a file with a variant always has {@code
 *       Vary: Accept-Encoding};
 *   <li>{@code 304} when {@code If-None-Match} names either ETag, or, without {@code
 *       If-None-Match}, when {@code If-Modified-Since} is not before {@code Last-Modified};
 *   <li>for GET, {@code 206} with {@code Content-Range} for one satisfiable byte range ({@code
 *       bytes=0-99}, {@code bytes=100-}, {@code bytes=-100}), unless {@code If-Range} names another
 *       version; {@code 416} with {@code Content-Range: bytes *}{@code /size} when the range starts
 *       past the end; several ranges or a malformed header get the whole file (200), as RFC 9110
 *       allows. A range is always of the identity bytes.
 * </ul>
 *
 * <p>Bodies are streamed ({@link Response#stream(String, long, Response.BodyWriter)}) from the
 * file's source, never copied into memory per request.
 */
public final class PublicFileServer implements PublicFiles {
  /** Cache-Control for a file whose name carries a content hash. */
  public static final String IMMUTABLE = "public, max-age=31536000, immutable";

  /** Cache-Control for any other file: revalidate every time, as Next.js does for {@code public/}. */
  public static final String REVALIDATE = "public, max-age=0";

  private final Function<String, PublicFile> lookup;

  /** Serves the files {@code lookup} finds by exact key (null for none). */
  public PublicFileServer(Function<String, PublicFile> lookup) {
    this.lookup = lookup;
  }

  @Override
  public Optional<Response> find(Request request, String path) {
    String method = request.method();
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      return Optional.empty();
    }
    String key = key(path);
    if (key == null) {
      return Optional.empty();
    }
    PublicFile file = lookup.apply(key);
    return file == null ? Optional.empty() : Optional.of(respond(request, file, head));
  }

  /**
   * The index key for the raw request path {@code path} ({@code /css/app%20x.css} → {@code
   * css/app x.css}), or {@code null} when the path cannot name a public file (see the class doc).
   */
  public static String key(String path) {
    if (path.length() < 2 || path.charAt(0) != '/') {
      return null;
    }
    StringBuilder key = new StringBuilder(path.length());
    int start = 1;
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      String segment = PercentDecoder.decode(path, start, end);
      if (segment == null || segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return null;
      }
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (c == '/' || c == '\\' || c == 0) {
          return null;
        }
      }
      if (key.length() > 0) {
        key.append('/');
      }
      key.append(segment);
      start = end + 1;
    }
    return key.toString();
  }

  private static Response respond(Request request, PublicFile file, boolean head) {
    boolean gzip = file.hasGzip() && ResponseFinisher.acceptsGzip(request.header("accept-encoding").orElse(""));
    String etag = gzip ? gzipEtag(file.etag()) : file.etag();
    Response headers = Response.status(200)
        .withHeader("ETag", etag)
        .withHeader("Last-Modified", httpDate(file.lastModified()))
        .withHeader("Cache-Control", MediaTypes.hasContentHash(file.key()) ? IMMUTABLE : REVALIDATE)
        .withHeader("Accept-Ranges", "bytes");
    if (file.hasGzip()) {
      headers = headers.withHeader("Vary", "Accept-Encoding");
    }
    if (notModified(request, file)) {
      return headers.withStatus(304);
    }
    Optional<String> range = request.header("range");
    if (!head && range.isPresent() && rangeApplies(request, file)) {
      long[] bounds = range(range.get(), file.size());
      if (bounds == UNSATISFIABLE) {
        return Response.text("Range Not Satisfiable\n").withStatus(416)
            .withHeader("Content-Range", "bytes */" + file.size())
            .withHeader("Accept-Ranges", "bytes");
      }
      if (bounds != null) {
        long first = bounds[0];
        long length = bounds[1] - bounds[0] + 1;
        return copyHeaders(headers, slice(file, first, length))
            .withStatus(206)
            .withHeader("Content-Range", "bytes " + first + "-" + bounds[1] + "/" + file.size());
      }
    }
    if (gzip) {
      return copyHeaders(headers, stream(file.contentType(), file.gzipSize(), file.gzip()))
          .withHeader("Content-Encoding", "gzip");
    }
    return copyHeaders(headers, stream(file.contentType(), file.size(), file.content()));
  }

  private static Response copyHeaders(Response from, Response body) {
    Response r = body;
    for (var header : from.headers().entrySet()) {
      r = r.withHeader(header.getKey(), header.getValue().get(0));
    }
    return r;
  }

  private static String gzipEtag(String etag) {
    return etag.substring(0, etag.length() - 1) + "-gzip\"";
  }

  /** Whether the client's copy is current: RFC 9110's order, If-None-Match before If-Modified-Since. */
  private static boolean notModified(Request request, PublicFile file) {
    Optional<String> ifNoneMatch = request.header("if-none-match");
    if (ifNoneMatch.isPresent()) {
      return ResponseFinisher.matches(ifNoneMatch, file.etag())
          || ResponseFinisher.matches(ifNoneMatch, gzipEtag(file.etag()));
    }
    Optional<String> ifModifiedSince = request.header("if-modified-since");
    if (ifModifiedSince.isPresent()) {
      long since = parseHttpDate(ifModifiedSince.get());
      return since >= 0 && file.lastModified() / 1000 <= since / 1000;
    }
    return false;
  }

  /** Whether {@code If-Range}, when given, names this version (a strong ETag or the exact date). */
  private static boolean rangeApplies(Request request, PublicFile file) {
    Optional<String> ifRange = request.header("if-range");
    if (ifRange.isEmpty()) {
      return true;
    }
    String value = ifRange.get().trim();
    if (value.startsWith("\"")) {
      return value.equals(file.etag());
    }
    long date = parseHttpDate(value);
    return date >= 0 && date / 1000 == file.lastModified() / 1000;
  }

  private static final long[] UNSATISFIABLE = new long[0];

  /**
   * The first and last byte of a single range in {@code value} for a file of {@code size} bytes;
   * {@link #UNSATISFIABLE}; or {@code null} to send the whole file (not bytes, several ranges,
   * malformed).
   */
  static long[] range(String value, long size) {
    String v = value.trim();
    if (!v.regionMatches(true, 0, "bytes=", 0, 6)) {
      return null;
    }
    String spec = v.substring(6).trim();
    if (spec.indexOf(',') >= 0) {
      return null;
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    String from = spec.substring(0, dash).trim();
    String to = spec.substring(dash + 1).trim();
    try {
      if (from.isEmpty()) {
        long suffix = digits(to);
        if (suffix == 0 || size == 0) {
          return UNSATISFIABLE;
        }
        return new long[] {Math.max(0, size - suffix), size - 1};
      }
      long first = digits(from);
      long last = to.isEmpty() ? Long.MAX_VALUE : digits(to);
      if (last < first) {
        return null;
      }
      if (first >= size) {
        return UNSATISFIABLE;
      }
      return new long[] {first, Math.min(last, size - 1)};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long digits(String text) {
    if (text.isEmpty() || text.length() > 18) {
      throw new NumberFormatException(text);
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        throw new NumberFormatException(text);
      }
    }
    return Long.parseLong(text);
  }

  private static Response stream(String contentType, long size, PublicFile.Source source) {
    return Response.stream(contentType, size, out -> {
      try (InputStream in = source.open()) {
        long copied = in.transferTo(out);
        if (copied != size) {
          throw new IOException("a public file has " + copied + " bytes where its index says " + size
              + "; rebuild the index (mvn next:generate)");
        }
      }
    });
  }

  private static Response slice(PublicFile file, long first, long length) {
    return Response.stream(file.contentType(), length, out -> {
      try (InputStream in = file.content().open()) {
        in.skipNBytes(first);
        byte[] buffer = new byte[(int) Math.min(length, 16 * 1024)];
        long left = length;
        while (left > 0) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (n < 0) {
            throw new IOException("public file " + file.key() + " ended " + left + " bytes before its indexed size");
          }
          out.write(buffer, 0, n);
          left -= n;
        }
      }
    });
  }

  /** {@code millis} as an HTTP date ({@code Sun, 06 Nov 1994 08:49:37 GMT}). */
  static String httpDate(long millis) {
    return HttpDate.FORMAT.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
  }

  /** An HTTP date in milliseconds, or -1 when it is not one. */
  static long parseHttpDate(String value) {
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  /** Made on the first {@code Last-Modified}, not when a site with public files starts. */
  private static final class HttpDate {
    /** IMF-fixdate, what HTTP sends: a two-digit day, English names, GMT. */
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
  }
}
