package dev.next4j.runtime;

import dev.next4j.runtime.internal.MemoryPageCache;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an app keeps the rendered bytes of its static pages, by path: the pages prerendered at
 * build time, those rendered on demand ({@link StaticPage.Fallback#RENDER_ON_DEMAND}) and the
 * fresh renders of incremental static regeneration ({@link StaticPage#revalidate()}).
 *
 * <p>The default, {@link #inMemory()}, holds them in this JVM. A cache shared by several instances
 * (Redis, a database; {@code integrations/next-redis} is one) implements these three methods, and
 * {@link #claimRegeneration} and {@link #releaseRegeneration} so that one instance at a time
 * regenerates a stale path, and is passed as {@link NextOptions.Builder#pageCache} or named by
 * {@code _App}'s {@link App#pageCache()}. The cache reads no clock: each {@link Entry} carries the instant
 * it was rendered at, and the app decides with its own {@link NextOptions#clock()} whether an
 * entry is stale. Implementations must be safe for concurrent use; a {@code put} replaces the
 * whole entry at once, so a reader sees the old page or the new one, never a mix.
 *
 * <pre>{@code
 * NextApp app = NextServer.app(NextOptions.builder().pageCache(PageCache.inMemory()).build());
 * }</pre>
 */
public interface PageCache {
  /**
   * The entry stored for {@code path} (a path inside the app, e.g. {@code /blog/hello}; with i18n
   * prefixed by its locale, the default one too, e.g. {@code /fr/blog/hello}), if any.
   */
  Optional<Entry> get(String path);

  /** Stores {@code entry} for {@code path}, replacing any earlier one. */
  void put(String path, Entry entry);

  /** Forgets {@code path}: the next request renders it again, or answers 404 if it may not. */
  void invalidate(String path);

  /**
   * Claims the background regeneration of the stale page at {@code path} for at most {@code lease}
   * (after it the claim lapses, so an instance that died while rendering blocks nobody for long).
   * The app asks this before it regenerates a path and releases the claim after storing the result;
   * when the claim is refused, another instance regenerates the path and this one keeps serving the
   * stale page. Within one app, one regeneration per path runs anyway. Default: always granted, as
   * a cache that only this JVM sees needs no claim.
   */
  default boolean claimRegeneration(String path, Duration lease) {
    return true;
  }

  /** Gives back a claim {@link #claimRegeneration} granted for {@code path}. Default: nothing to give back. */
  default void releaseRegeneration(String path) {}

  /** A cache in this JVM's memory: the default. */
  static PageCache inMemory() {
    return new MemoryPageCache();
  }

  /**
   * One rendered page: its body and its precomputed gzip form, its content type, its strong ETag,
   * and when it was rendered.
   *
   * @param body the page's bytes
   * @param gzip {@code body} gzipped, or empty when gzip would not pay (a small body, a packed type)
   * @param contentType the page's {@code Content-Type}
   * @param etag the strong ETag of {@code body}, quoted ({@code "…"})
   * @param renderedAt when the page was rendered (for a prerendered page: when the app loaded it)
   */
  record Entry(byte[] body, byte[] gzip, String contentType, String etag, Instant renderedAt) {
    public Entry {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(gzip, "gzip");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(etag, "etag");
      Objects.requireNonNull(renderedAt, "renderedAt");
    }
  }
}
