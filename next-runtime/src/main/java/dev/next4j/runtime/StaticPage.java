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
  /** Renders the page for {@code params} (on a site without i18n; see {@link #render(Record, String)}). */
  Response render(P params) throws Exception;

  /**
   * Renders the page for {@code params} in {@code locale}, one of the site's i18n locales (Next.js's
   * {@code getStaticProps({params, locale})}): on a site with i18n the runtime calls this one, once
   * per locale the page is prerendered or rendered in, and each locale's bytes are stored apart.
   * Default: {@link #render(Record)}, the same page in every locale.
   */
  default Response render(P params, String locale) throws Exception {
    return render(params);
  }

  /**
   * The params to prerender, read once at build time; a page without route params is rendered
   * once and need not list any (what it lists is ignored).
   */
  default List<P> paths() {
    return List.of();
  }

  /**
   * On a site with i18n, the params to prerender and the locale of each (Next.js's {@code
   * getStaticPaths({locales, defaultLocale})} returning {@code {params, locale}}), read once at
   * build time. Default: each of {@link #paths()} in {@code defaultLocale} only, as Next.js
   * prerenders a path returned without a locale; the other locales' paths then get {@link
   * #fallback()}. A page without route params is prerendered in every locale and need not list any.
   *
   * <pre>{@code
   * public List<LocalePath<Routes.BlogSlug>> localePaths(List<String> locales, String defaultLocale) {
   *   return locales.stream().flatMap(locale -> paths().stream().map(p -> new LocalePath<>(p, locale))).toList();
   * }
   * }</pre>
   *
   * @param locales the site's i18n locales, as configured
   * @param defaultLocale the site's default locale
   */
  default List<LocalePath<P>> localePaths(List<String> locales, String defaultLocale) {
    return paths().stream().map(params -> new LocalePath<>(params, defaultLocale)).toList();
  }

  /**
   * Params to prerender in a locale: an entry of {@link #localePaths}. A locale the site does not
   * list fails the build at the page.
   */
  record LocalePath<Q extends Record>(Q params, String locale) {
    public LocalePath {
      java.util.Objects.requireNonNull(params, "params");
      java.util.Objects.requireNonNull(locale, "locale");
    }
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
    /**
     * Not listed: the page is not called and the route does not match ({@code fallback: false}):
     * the {@code fallback} rewrites still apply, and without one that answers the client gets the
     * 404 page.
     */
    NOT_FOUND,
    /**
     * Not listed: rendered on the first request, then stored and served as if prerendered ({@code
     * 'blocking'}); a page that answers 404 for such params is not stored.
     */
    RENDER_ON_DEMAND
  }
}
