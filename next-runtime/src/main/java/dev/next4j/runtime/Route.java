package dev.next4j.runtime;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One entry of a {@link RouteTable}: a pattern in Next.js syntax ({@code /blog/[slug]}), what kind
 * of handler serves it, and how to build the handler's typed params from a routed request.
 *
 * <p>Generated {@code Routes.table()} builds these with direct constructor calls, so nothing is
 * looked up at startup:
 *
 * <pre>{@code
 * Route.page("/blog/[slug]", r -> new BlogSlug(r.param("slug")), new com.acme.pages.blog.$slug())
 * }</pre>
 */
public final class Route {
  /** What serves a route, which decides the methods it answers. */
  public enum Kind {
    /** A {@link Page}: GET and HEAD. */
    PAGE,
    /** A {@link StaticPage}: GET and HEAD. */
    STATIC_PAGE,
    /** An {@link ApiRoute}: every method. */
    API
  }

  private static final Set<String> PAGE_METHODS = Set.of("GET", "HEAD");

  private final String pattern;
  private final Kind kind;
  private final Object handler;
  private final Responder responder;

  private Route(String pattern, Kind kind, Object handler, Responder responder) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.kind = kind;
    this.handler = handler;
    this.responder = responder;
  }

  /** A page served per request. */
  public static <P extends Record> Route page(String pattern, Function<Request, P> params, Page<P> page) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(page, "page");
    return new Route(pattern, Kind.PAGE, page, request -> page.render(request, params.apply(request)));
  }

  /** An API route, answering every method. */
  public static <P extends Record> Route api(String pattern, Function<Request, P> params, ApiRoute<P> api) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(api, "api");
    return new Route(pattern, Kind.API, api, request -> api.handle(request, params.apply(request)));
  }

  /** A static page; until prerendering is wired in it is rendered on each request. */
  public static <P extends Record> Route staticPage(
      String pattern, Function<Request, P> params, StaticPage<P> page) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(page, "page");
    return new Route(pattern, Kind.STATIC_PAGE, page, request -> page.render(params.apply(request)));
  }

  /** The pattern in Next.js syntax, e.g. {@code /docs/[...path]}. */
  public String pattern() {
    return pattern;
  }

  public Kind kind() {
    return kind;
  }

  /** The page, API route or static page object that serves this route. */
  public Object handler() {
    return handler;
  }

  /** Whether this route answers {@code method} (upper case). */
  public boolean allows(String method) {
    return kind == Kind.API || PAGE_METHODS.contains(method);
  }

  /** The methods a page answers, for a 405's {@code Allow} header. */
  public String allowHeader() {
    return kind == Kind.API ? "*" : "GET, HEAD";
  }

  /**
   * Serves {@code routed}, a request already routed to this route (see {@link
   * Request#withRoute}); exceptions from the page pass through.
   */
  public Response respond(Request routed) throws Exception {
    return responder.respond(routed);
  }

  @Override
  public String toString() {
    return kind + " " + pattern;
  }

  @FunctionalInterface
  private interface Responder {
    Response respond(Request request) throws Exception;
  }
}
