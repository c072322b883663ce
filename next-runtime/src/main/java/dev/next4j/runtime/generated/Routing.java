package dev.next4j.runtime.generated;

import dev.next4j.runtime.App;
import dev.next4j.runtime.ErrorPage;
import dev.next4j.runtime.JsonCodec;
import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.internal.MiddlewareGate;
import dev.next4j.runtime.internal.RouteMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link dev.next4j.runtime.RouteTable} holds: the routes in matching order, their trie, and
 * the special pages. Only {@link TableBuilder#build} makes one; the runtime's dispatcher asks it
 * {@link #match}.
 *
 * <pre>{@code
 * Routing routing = table.routing();
 * routing.match("GET", "/blog/hello");   // Found[route=PAGE /blog/[slug], params={slug=hello}]
 * }</pre>
 *
 * <p>Building it walks each route's segments once into the trie ({@link RouteMatcher#trusted}):
 * the routes are trusted, already checked and in Next.js order, so nothing is parsed, checked or
 * sorted at startup.
 */
public final class Routing {
  /**
   * Paths Next.js never routes to a page: {@code /_app}, {@code /_document} and {@code /_error} are
   * blocked (404), and {@code /404} renders the not-found page with status 404. Without this, a
   * {@code /[name]} route would take them. Generated tables never hold these paths: a page file
   * named {@code _App} is a special page, and {@code 404} is no Java name.
   */
  private static final List<String> RESERVED = List.of("_app", "_document", "_error", "404");

  private final RouteMatcher matcher;
  private final Route[] routes;
  private final List<Route> list;
  private final App app;
  private final Middleware middleware;
  /** {@code _Middleware}'s {@link Middleware#matcher()}, asked and compiled once, when the table is built. */
  private final MiddlewareGate middlewareGate;
  private final ErrorPage notFound;
  private final ErrorPage error;
  /** {@code _App}'s {@link App#json()}, asked once, when the table is built. */
  private final JsonCodec json;
  /** Answers prepared per route, so that a match without params allocates nothing. */
  private final Match.Found[] paramless;
  private final Match.MethodNotAllowed[] notAllowed;
  /** {@link Route#allows} for GET and HEAD, asked once: dense arrays a lookup finds in cache. */
  private final boolean[] allowsGet;
  private final boolean[] allowsHead;

  Routing(List<Route> routes, App app, Middleware middleware, ErrorPage notFound, ErrorPage error) {
    this.routes = routes.toArray(new Route[0]);
    this.list = List.of(this.routes);
    List<List<Segment>> segments = new ArrayList<>(this.routes.length);
    for (Route route : this.routes) {
      segments.add(route.segments());
    }
    this.matcher = RouteMatcher.trusted(segments, RESERVED);
    this.app = app;
    this.middleware = middleware;
    this.middlewareGate = middleware == null ? null : MiddlewareGate.of(middleware.matcher());
    this.notFound = notFound;
    this.error = error;
    this.json = app == null ? null : Objects.requireNonNull(app.json(), "_App's json() returned null").orElse(null);
    this.paramless = new Match.Found[this.routes.length];
    this.notAllowed = new Match.MethodNotAllowed[this.routes.length];
    this.allowsGet = new boolean[this.routes.length];
    this.allowsHead = new boolean[this.routes.length];
    for (int i = 0; i < this.routes.length; i++) {
      paramless[i] = new Match.Found(this.routes[i], Map.of());
      notAllowed[i] = new Match.MethodNotAllowed(this.routes[i]);
      allowsGet[i] = this.routes[i].allows("GET");
      allowsHead[i] = this.routes[i].allows("HEAD");
    }
  }

  /** The routes in matching order, as generated. */
  public List<Route> routes() {
    return list;
  }

  public Optional<App> app() {
    return Optional.ofNullable(app);
  }

  public Optional<Middleware> middleware() {
    return Optional.ofNullable(middleware);
  }

  /**
   * {@code _Middleware} when it runs for {@code request} (a request inside the app): when the table
   * has one and its {@link Middleware#matcher()} takes the request's path and conditions.
   */
  public Optional<Middleware> middlewareFor(Request request) {
    return middleware != null && middlewareGate.runs(request) ? Optional.of(middleware) : Optional.empty();
  }

  public Optional<ErrorPage> notFound() {
    return Optional.ofNullable(notFound);
  }

  public Optional<ErrorPage> error() {
    return Optional.ofNullable(error);
  }

  /** The JSON codec {@code _App} names ({@link App#json()}), if any. */
  public Optional<JsonCodec> json() {
    return Optional.ofNullable(json);
  }

  /**
   * Finds the route for {@code method} and {@code path}, the URL path still percent-encoded,
   * without query and without a trailing slash (except {@code /} itself), as Next.js would: see
   * {@link RouteMatcher} for the rules, including what an encoded static segment does. The paths
   * {@code /_app}, {@code /_document}, {@code /_error} and {@code /404} are never routed.
   */
  public Match match(String method, String path) {
    Objects.requireNonNull(method, "method");
    RouteMatcher.Result result = matcher.match(Objects.requireNonNull(path, "path"));
    if (result instanceof RouteMatcher.Result.Matched matched) {
      int index = matched.index();
      if (!allows(index, method)) {
        return notAllowed[index];
      }
      Map<String, Object> params = matched.params();
      return params.isEmpty() ? paramless[index] : new Match.Found(routes[index], params);
    }
    return result == RouteMatcher.Result.BAD_ENCODING ? Match.BadRequest.INSTANCE : Match.NotFound.INSTANCE;
  }

  private boolean allows(int index, String method) {
    return method.equals("GET") ? allowsGet[index]
        : method.equals("HEAD") ? allowsHead[index]
        : routes[index].allows(method);
  }
}
