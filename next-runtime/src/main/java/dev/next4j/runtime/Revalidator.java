package dev.next4j.runtime;

/**
 * On-demand revalidation (Next.js's {@code res.revalidate(path)}): renders the static page at a
 * path again now and stores the result, whatever its {@link StaticPage#revalidate()} says.
 *
 * <p>A {@link NextApp} is one; a page or API route reaches the app serving it through {@link
 * Request#revalidate(String)}.
 *
 * <pre>{@code
 * // src/main/java/com/acme/pages/api/Publish.java
 * public Response handle(Request request, Routes.ApiPublish params) {
 *   request.revalidate("/blog/" + request.queryParam("slug").orElseThrow());
 *   return Response.json("{\"revalidated\":true}");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Revalidator {
  /**
   * Renders the static page at {@code path} (inside the app: without the base path, e.g. {@code
   * /blog/hello}) again and stores it; the next request gets the new page. If rendering throws,
   * the stored page stays and the exception is thrown here, wrapped. A page that now renders 404
   * is removed. In dev mode, where every request renders, it does nothing.
   *
   * @throws IllegalArgumentException if no static page serves {@code path}
   * @throws IllegalStateException if rendering failed (the cause says why)
   */
  void revalidate(String path);
}
