package dev.next4j.runtime.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file under {@code public/} as the index lists it: what {@link PublicFileServer} needs to answer
 * for it without looking at the file first.
 *
 * @param key the file's path under {@code public/}, {@code /}-separated, without a leading slash
 *     ({@code css/app.css}); a request reaches it only by this exact key
 * @param size its length in bytes
 * @param lastModified when it last changed, in milliseconds since the epoch
 * @param etag its strong ETag, quoted ({@code "…"})
 * @param contentType its {@code Content-Type}
 * @param gzipSize the length of its gzip variant, or -1 when it has none
 * @param content opens the file's bytes
 * @param gzip opens the gzip variant's bytes (never called when {@code gzipSize} is -1)
 */
public record PublicFile(
    String key,
    long size,
    long lastModified,
    String etag,
    String contentType,
    long gzipSize,
    Source content,
    Source gzip) {

  /** Opens bytes; each call gives a new stream from the start. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  /** Whether the file has a precomputed gzip variant. */
  public boolean hasGzip() {
    return gzipSize >= 0;
  }
}
