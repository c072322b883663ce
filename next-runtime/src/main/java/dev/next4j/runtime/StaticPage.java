package dev.next4j.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A page rendered ahead of time rather than per request (Next.js's {@code getStaticProps}). It sees
 * only its params, never a request, so the same bytes can be served to everyone.
 *
 * <p>{@code next:package} (and so {@code next:build}) prerenders it in a JVM of its own and puts
 * the HTML in the jar; the server answers from memory without calling the page, with a strong
 * ETag, {@code 304} for a matching {@code If-None-Match}, the gzip form made at build time and
 * {@code Cache-Control: s-maxage=31536000, stale-while-revalidate} (Next.js's header for static
 * pages). If rendering throws, the build fails at the page's file. Dev mode ({@code next:run})
 * renders it on every request, as {@code next dev} does.
 *
 * <p>A dynamic static page lists the params it is prerendered for in {@link #paths()} (Next.js's
 * {@code getStaticPaths}); {@link #fallback()} says what other params get. {@link #revalidate()}
 * turns on incremental static regeneration; {@link Request#revalidate} and {@link
 * NextApp#revalidate} render a page again on demand.
 *
 * <pre>{@code
 * // src/main/java/com/acme/pages/blog/$slug.java  →  /blog/[slug], prerendered at /blog/hello and /blog/world
 * public final class $slug implements StaticPage<Routes.BlogSlug> {
 *   public Response render(Routes.BlogSlug params) {
 *     return Response.html("<h1>" + Html.text(params.slug()) + "</h1>");
 *   }
 *
 *   public List<Routes.BlogSlug> paths() {
 *     return List.of(new Routes.BlogSlug("hello"), new Routes.BlogSlug("world"));
 *   }
 * }
 * }</pre>
 *
 * @param <P> the page's params record, generated from its path into {@code Routes}
 */
public interface StaticPage<P extends Record> {
  /** Renders the page for {@code params}. */
  Response render(P params) throws Exception;

  /**
   * The params to prerender, read once at build time; a page without route params is rendered
   * once and need not list any (what it lists is ignored).
   */
  default List<P> paths() {
    return List.of();
  }

  /** What params not listed in {@link #paths()} get; read when such a request arrives. */
  default Fallback fallback() {
    return Fallback.NOT_FOUND;
  }

  /**
   * How long a rendered page stays fresh (Next.js's {@code revalidate}); empty means forever. A
   * request for a stale page still gets the stored page ({@code X-Next-Cache: STALE}) while one
   * regeneration per path runs in the background; its result replaces the page at once, and if it
   * throws the old page stays (the failure is logged). Time is the app's {@link
   * NextOptions#clock()}, counted for a prerendered page from when the server loaded it. The
   * {@code Cache-Control} becomes {@code s-maxage=<seconds>, stale-while-revalidate}.
   */
  default Optional<Duration> revalidate() {
    return Optional.empty();
  }

  /**
   * What a static page answers for params it did not list (Next.js's {@code fallback}). Next.js's
   * {@code fallback: true} (an empty shell at once, the data fetched by the browser) has no
   * counterpart: next4j sends no client code, so {@code true} maps to {@link #RENDER_ON_DEMAND},
   * whose first request waits for the page as {@code 'blocking'} does.
   */
  enum Fallback {
    /** Not listed: 404, without calling the page ({@code fallback: false}). */
    NOT_FOUND,
    /**
     * Not listed: rendered on the first request, then stored and served as if prerendered ({@code
     * 'blocking'}); a page that answers 404 for such params is not stored.
     */
    RENDER_ON_DEMAND
  }
}
