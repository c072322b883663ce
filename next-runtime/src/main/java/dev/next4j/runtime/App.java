package dev.next4j.runtime;

import java.util.Optional;

/**
 * The {@code _App} page: receives every page's response and may wrap it, for a shared layout or
 * shell (Next.js's {@code _app}). API routes are not wrapped.
 *
 * <pre>{@code
 * public final class _App implements App {
 *   public Response wrap(Request request, Response page) {
 *     return page.withBody("<!doctype html><main>" + page.bodyText() + "</main>");
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface App {
  /** Returns the response to send for {@code page}, the response the routed page rendered. */
  Response wrap(Request request, Response page) throws Exception;

  /**
   * The JSON codec of the app, for {@link Request#json(Class)} and {@link Request#jsonCodec()}:
   * the way a site run by its generated {@code NextServer} names its codec. A custom server may
   * give one with {@link NextOptions.Builder#json(JsonCodec)} instead, which wins. Asked once per
   * table (again after each dev reload), not per request. Default: none.
   *
   * <pre>{@code
   * private static final JsonCodec JSON = new JacksonCodec();
   * public Optional<JsonCodec> json() { return Optional.of(JSON); }
   * }</pre>
   */
  default Optional<JsonCodec> json() {
    return Optional.empty();
  }

  /**
   * Where the app keeps its static pages: the way a site run by its generated {@code NextServer}
   * names a shared cache (one Redis for several instances). A custom server may give one with
   * {@link NextOptions.Builder#pageCache(PageCache)} instead, which wins. Asked once, when the app
   * is created outside dev mode (dev mode renders static pages on every request and asks nothing);
   * for a site without static pages, only when {@code revalidate} is first called.
   * Default: none, so the app keeps its pages in memory ({@link PageCache#inMemory()}).
   *
   * <pre>{@code
   * public Optional<PageCache> pageCache() { return RedisPageCache.fromEnvironment(); }
   * }</pre>
   */
  default Optional<PageCache> pageCache() {
    return Optional.empty();
  }
}
