package dev.next4j.runtime;

/**
 * An API route under {@code pages/api/}: answers every method, as Next.js API routes do.
 *
 * <pre>{@code
 * // src/main/java/com/acme/pages/api/Hello.java  →  /api/hello
 * public final class Hello implements ApiRoute<Routes.ApiHello> {
 *   public Response handle(Request request, Routes.ApiHello params) {
 *     return Response.json("{\"hello\":\"world\"}");
 *   }
 * }
 * }</pre>
 *
 * @param <P> the route's params record, generated from its path into {@code Routes}
 */
@FunctionalInterface
public interface ApiRoute<P extends Record> {
  /** Handles the request. An exception becomes a 500 (details only in dev mode). */
  Response handle(Request request, P params) throws Exception;
}
