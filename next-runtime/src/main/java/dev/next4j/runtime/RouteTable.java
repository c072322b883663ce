package dev.next4j.runtime;

import dev.next4j.runtime.internal.RouteMatcher;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The routes of an app in Next.js order, with its special pages; what generated {@code
 * Routes.table()} returns.
 *
 * <pre>{@code
 * RouteTable table = RouteTable.of(
 *         Route.page("/", r -> new Index(), new com.acme.pages.Index()),
 *         Route.page("/blog/[slug]", r -> new BlogSlug(r.param("slug")), new com.acme.pages.blog.$slug()))
 *     .withNotFound(new com.acme.pages._404());
 * table.match("GET", "/blog/hello");   // Found[route=PAGE /blog/[slug], params={slug=hello}]
 * }</pre>
 */
public final class RouteTable {
  /**
   * Paths Next.js never routes to a page: {@code /_app}, {@code /_document} and {@code /_error} are
   * blocked (404), and {@code /404} renders the not-found page with status 404. Without this, a
   * {@code /[name]} route would take them.
   */
  private static final Set<String> RESERVED = Set.of("/_app", "/_document", "/_error", "/404");

  private final Routing routing;
  private final App app;
  private final Middleware middleware;
  private final ErrorPage notFound;
  private final ErrorPage error;

  private RouteTable(Routing routing, App app, Middleware middleware, ErrorPage notFound, ErrorPage error) {
    this.routing = routing;
    this.app = app;
    this.middleware = middleware;
    this.notFound = notFound;
    this.error = error;
  }

  /**
   * A table of {@code routes}. Generated code lists them in Next.js order; any order gives the same
   * matches, and {@link #routes()} lists them in Next.js order.
   *
   * @throws IllegalArgumentException listing every malformed or conflicting pattern (each quoted):
   *     a duplicate, two param names at one level, a required and an optional catch-all at one
   *     level, a route beside an optional catch-all of the same specificity, or a reserved path
   *     ({@code /_app}, {@code /_document}, {@code /_error}, {@code /404}: use the table's special
   *     pages instead)
   */
  public static RouteTable of(Route... routes) {
    return of(List.of(routes));
  }

  /** A table of {@code routes}; see {@link #of(Route...)}. */
  public static RouteTable of(List<Route> routes) {
    return new RouteTable(new Routing(List.copyOf(routes)), null, null, null, null);
  }

  /** This table with {@code _App}, which wraps every page's response. */
  public RouteTable withApp(App app) {
    return new RouteTable(routing, Objects.requireNonNull(app, "app"), middleware, notFound, error);
  }

  /** This table with {@code _Middleware}, which sees every request before routing. */
  public RouteTable withMiddleware(Middleware middleware) {
    return new RouteTable(routing, app, Objects.requireNonNull(middleware, "middleware"), notFound, error);
  }

  /** This table with {@code _404}, rendered for unknown paths. */
  public RouteTable withNotFound(ErrorPage notFound) {
    return new RouteTable(routing, app, middleware, Objects.requireNonNull(notFound, "notFound"), error);
  }

  /** This table with {@code _500}, rendered when a page throws. */
  public RouteTable withError(ErrorPage error) {
    return new RouteTable(routing, app, middleware, notFound, Objects.requireNonNull(error, "error"));
  }

  /** The routes in matching order. */
  public List<Route> routes() {
    return routing.ordered;
  }

  public int size() {
    return routing.ordered.size();
  }

  public Optional<App> app() {
    return Optional.ofNullable(app);
  }

  public Optional<Middleware> middleware() {
    return Optional.ofNullable(middleware);
  }

  public Optional<ErrorPage> notFound() {
    return Optional.ofNullable(notFound);
  }

  public Optional<ErrorPage> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Finds the route for {@code method} and {@code path}, the URL path still percent-encoded,
   * without query and without a trailing slash (except {@code /} itself), as Next.js would: see
   * {@link RouteMatcher} for the rules, including what an encoded static segment does. The paths
   * {@code /_app}, {@code /_document}, {@code /_error} and {@code /404} are never routed.
   */
  public Match match(String method, String path) {
    Objects.requireNonNull(method, "method");
    RouteMatcher.Result result = routing.matcher.match(Objects.requireNonNull(path, "path"));
    if (result instanceof RouteMatcher.Result.Matched matched) {
      int index = matched.index();
      if (!routing.allows(index, method)) {
        return routing.notAllowed[index];
      }
      Map<String, Object> params = matched.params();
      return params.isEmpty() ? routing.paramless[index] : new Match.Found(routing.byIndex[index], params);
    }
    return result == RouteMatcher.Result.BAD_ENCODING ? Match.BadRequest.INSTANCE : Match.NotFound.INSTANCE;
  }

  /** What matching needs, built once per table and shared by its {@code with…} copies. */
  private static final class Routing {
    final RouteMatcher matcher;
    /** The routes as given: the matcher reports these indices. */
    final Route[] byIndex;
    final List<Route> ordered;
    /** Answers prepared per route, so that a match without params allocates nothing. */
    final Match.Found[] paramless;
    final Match.MethodNotAllowed[] notAllowed;
    /** {@link Route#allows} for GET and HEAD, asked once: dense arrays a lookup finds in cache. */
    final boolean[] allowsGet;
    final boolean[] allowsHead;

    Routing(List<Route> routes) {
      this.matcher = RouteMatcher.of(routes.stream().map(Route::pattern).toList(), RESERVED);
      this.byIndex = routes.toArray(Route[]::new);
      this.ordered = matcher.order().stream().map(routes::get).toList();
      this.paramless = new Match.Found[byIndex.length];
      this.notAllowed = new Match.MethodNotAllowed[byIndex.length];
      this.allowsGet = new boolean[byIndex.length];
      this.allowsHead = new boolean[byIndex.length];
      for (int i = 0; i < byIndex.length; i++) {
        paramless[i] = new Match.Found(byIndex[i], Map.of());
        notAllowed[i] = new Match.MethodNotAllowed(byIndex[i]);
        allowsGet[i] = byIndex[i].allows("GET");
        allowsHead[i] = byIndex[i].allows("HEAD");
      }
    }

    boolean allows(int index, String method) {
      return method.equals("GET") ? allowsGet[index]
          : method.equals("HEAD") ? allowsHead[index]
          : byIndex[index].allows(method);
    }
  }

  /** The outcome of {@link #match}: never null. */
  public sealed interface Match {
    /** {@code route} matched, with its percent-decoded params. */
    record Found(Route route, Map<String, Object> params) implements Match {}

    /** {@code route} matched the path but does not answer the method. */
    record MethodNotAllowed(Route route) implements Match {
      /** The value of the 405's {@code Allow} header. */
      public String allow() {
        return route.allowHeader();
      }
    }

    /** No route matches. */
    final class NotFound implements Match {
      public static final NotFound INSTANCE = new NotFound();

      private NotFound() {}

      @Override
      public String toString() {
        return "NotFound";
      }
    }

    /** A parameter had a malformed percent escape: 400. */
    final class BadRequest implements Match {
      public static final BadRequest INSTANCE = new BadRequest();

      private BadRequest() {}

      @Override
      public String toString() {
        return "BadRequest";
      }
    }
  }
}
