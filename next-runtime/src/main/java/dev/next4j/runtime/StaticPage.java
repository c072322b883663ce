package dev.next4j.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A page rendered ahead of time rather than per request (Next.js's {@code getStaticProps}). It sees
 * only its params, never a request, so the same bytes can be served to everyone.
 *
 * <p>A dynamic static page lists the params it is prerendered for in {@link #paths()} (Next.js's
 * {@code getStaticPaths}); {@link #fallback()} says what other params get.
 *
 * @param <P> the page's params record, generated from its path into {@code Routes}
 */
public interface StaticPage<P extends Record> {
  /** Renders the page for {@code params}. */
  Response render(P params) throws Exception;

  /** The params to prerender; a page without route params is rendered once and need not list any. */
  default List<P> paths() {
    return List.of();
  }

  /** What params not listed in {@link #paths()} get. */
  default Fallback fallback() {
    return Fallback.NOT_FOUND;
  }

  /** How long a rendered page stays fresh before it is rendered again; empty means forever. */
  default Optional<Duration> revalidate() {
    return Optional.empty();
  }

  /** What a static page answers for params it did not list (Next.js's {@code fallback}). */
  enum Fallback {
    /** Not listed: the router moves on to less specific routes, then 404 ({@code fallback: false}). */
    NOT_FOUND,
    /** Not listed: rendered on the first request, then served as if prerendered ({@code 'blocking'}). */
    RENDER_ON_DEMAND
  }
}
