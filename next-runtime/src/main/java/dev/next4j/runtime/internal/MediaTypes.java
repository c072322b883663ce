package dev.next4j.runtime.internal;

import java.util.Locale;
import java.util.Map;

/**
 * The content type of a file under {@code public/}, from its extension: a built-in table of the
 * types a website serves (no third-party library, no {@code /etc/mime.types}, so a jar answers the
 * same everywhere). Text types carry {@code charset=utf-8}; an unknown extension is {@code
 * application/octet-stream}, which browsers download rather than render.
 *
 * <pre>{@code
 * MediaTypes.forFileName("app.3f9a1c2b.css");   // text/css; charset=utf-8
 * MediaTypes.forFileName("LICENSE");            // application/octet-stream
 * }</pre>
 */
public final class MediaTypes {
  /** What an unknown extension gets. */
  public static final String UNKNOWN = "application/octet-stream";

  private static final String UTF8 = "; charset=utf-8";

  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("html", "text/html" + UTF8),
      Map.entry("htm", "text/html" + UTF8),
      Map.entry("css", "text/css" + UTF8),
      Map.entry("js", "text/javascript" + UTF8),
      Map.entry("mjs", "text/javascript" + UTF8),
      Map.entry("cjs", "text/javascript" + UTF8),
      Map.entry("map", "application/json" + UTF8),
      Map.entry("json", "application/json" + UTF8),
      Map.entry("webmanifest", "application/manifest+json" + UTF8),
      Map.entry("txt", "text/plain" + UTF8),
      Map.entry("md", "text/markdown" + UTF8),
      Map.entry("csv", "text/csv" + UTF8),
      Map.entry("xml", "application/xml" + UTF8),
      Map.entry("rss", "application/rss+xml" + UTF8),
      Map.entry("atom", "application/atom+xml" + UTF8),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("avif", "image/avif"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("bmp", "image/bmp"),
      Map.entry("woff", "font/woff"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("ttf", "font/ttf"),
      Map.entry("otf", "font/otf"),
      Map.entry("eot", "application/vnd.ms-fontobject"),
      Map.entry("wasm", "application/wasm"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("zip", "application/zip"),
      Map.entry("gz", "application/gzip"),
      Map.entry("mp4", "video/mp4"),
      Map.entry("webm", "video/webm"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("wav", "audio/wav"));

  private MediaTypes() {}

  /** The content type for a file named {@code fileName} (the last path segment), by its extension. */
  public static String forFileName(String fileName) {
    int slash = fileName.lastIndexOf('/');
    String name = fileName.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    if (dot <= 0 || dot == name.length() - 1) {
      return UNKNOWN;
    }
    return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
  }

  /**
   * Whether a body of {@code contentType} is text-like, so gzip pays (images, fonts and archives are
   * packed already): the rule the response finisher and the build's gzip variants share.
   */
  public static boolean isCompressible(String contentType) {
    return ResponseFinisher.isCompressible(contentType);
  }

  /**
   * Whether the file named {@code fileName} carries a content hash, so its URL names one content
   * forever and it may be cached as immutable: a part of its name before the extension, split at
   * {@code .}, {@code -} and {@code _}, of 8 or more hex digits with at least one digit and one
   * letter. {@code app.3f9a1c2b.css} and {@code chunk-0a1b2c3d4e.js} have one; {@code logo.png},
   * {@code report-20240101.pdf} (a date: its file may be replaced) and {@code facade.css} do not.
   */
  public static boolean hasContentHash(String fileName) {
    String name = fileName.substring(fileName.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    for (String part : stem.split("[.\\-_]")) {
      if (part.length() >= 8 && isHash(part)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHash(String part) {
    boolean digit = false;
    boolean letter = false;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
        letter = true;
      } else {
        return false;
      }
    }
    return digit && letter;
  }
}
