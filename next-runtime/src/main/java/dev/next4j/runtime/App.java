package dev.next4j.runtime;

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
}
