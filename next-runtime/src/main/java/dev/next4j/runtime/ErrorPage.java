package dev.next4j.runtime;

/**
 * A custom error page: {@code _404} for unknown paths, {@code _500} for pages that threw (Next.js's
 * {@code 404.js} and {@code 500.js}). Whatever status the page returns, the client gets the error's
 * status; the exception itself is logged, never passed to the page, so it cannot leak to clients.
 */
@FunctionalInterface
public interface ErrorPage {
  /** Renders the page for a request that ended in {@code status} (404 or 500). */
  Response render(Request request, int status) throws Exception;
}
