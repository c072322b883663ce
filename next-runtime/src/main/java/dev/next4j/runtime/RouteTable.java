package dev.next4j.runtime;

import dev.next4j.runtime.internal.RouteMatcher;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
  private final List<Route> routes;
  private final RouteMatcher matcher;
  private final App app;
  private final Middleware middleware;
  private final ErrorPage notFound;
  private final ErrorPage error;

  private RouteTable(
      List<Route> routes, RouteMatcher matcher, App app, Middleware middleware, ErrorPage notFound, ErrorPage error) {
    this.routes = routes;
    this.matcher = matcher;
    this.app = app;
    this.middleware = middleware;
    this.notFound = notFound;
    this.error = error;
  }

  /**
   * A table of {@code routes}, which must be in Next.js order (generated code computes it at build
   * time); patterns must be well formed and distinct.
   */
  public static RouteTable of(Route... routes) {
    return of(List.of(routes));
  }

  /** A table of {@code routes}; see {@link #of(Route...)}. */
  public static RouteTable of(List<Route> routes) {
    List<Route> copy = List.copyOf(routes);
    return new RouteTable(copy, RouteMatcher.of(copy.stream().map(Route::pattern).toList()), null, null, null, null);
  }

  /** This table with {@code _App}, which wraps every page's response. */
  public RouteTable withApp(App app) {
    return new RouteTable(routes, matcher, Objects.requireNonNull(app, "app"), middleware, notFound, error);
  }

  /** This table with {@code _Middleware}, which sees every request before routing. */
  public RouteTable withMiddleware(Middleware middleware) {
    return new RouteTable(routes, matcher, app, Objects.requireNonNull(middleware, "middleware"), notFound, error);
  }

  /** This table with {@code _404}, rendered for unknown paths. */
  public RouteTable withNotFound(ErrorPage notFound) {
    return new RouteTable(routes, matcher, app, middleware, Objects.requireNonNull(notFound, "notFound"), error);
  }

  /** This table with {@code _500}, rendered when a page throws. */
  public RouteTable withError(ErrorPage error) {
    return new RouteTable(routes, matcher, app, middleware, notFound, Objects.requireNonNull(error, "error"));
  }

  /** The routes in matching order. */
  public List<Route> routes() {
    return routes;
  }

  public int size() {
    return routes.size();
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
   * without query and without a trailing slash (except {@code /} itself).
   */
  public Match match(String method, String path) {
    RouteMatcher.Result result = matcher.match(path);
    if (result instanceof RouteMatcher.Result.Matched) {
      RouteMatcher.Result.Matched matched = (RouteMatcher.Result.Matched) result;
      Route route = routes.get(matched.index());
      if (!route.allows(method)) {
        return new Match.MethodNotAllowed(route);
      }
      return new Match.Found(route, matched.params());
    }
    return result == RouteMatcher.Result.BAD_ENCODING ? Match.BadRequest.INSTANCE : Match.NotFound.INSTANCE;
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
