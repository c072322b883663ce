package dev.next4j.runtime;

/**
 * A page rendered on each request. It answers GET and HEAD; any other method gets 405 with an
 * {@code Allow} header.
 *
 * <pre>{@code
 * // src/main/java/com/acme/pages/blog/$slug.java  →  /blog/[slug]
 * public final class $slug implements Page<Routes.BlogSlug> {
 *   public Response render(Request request, Routes.BlogSlug params) {
 *     return Response.html("<h1>" + params.slug() + "</h1>");
 *   }
 * }
 * }</pre>
 *
 * @param <P> the page's params record, generated from its path into {@code Routes}
 */
@FunctionalInterface
public interface Page<P extends Record> {
  /** Renders the page. An exception becomes a 500 (details only in dev mode). */
  Response render(Request request, P params) throws Exception;
}
