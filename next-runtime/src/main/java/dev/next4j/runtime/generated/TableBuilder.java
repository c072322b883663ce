package dev.next4j.runtime.generated;

import dev.next4j.runtime.App;
import dev.next4j.runtime.ErrorPage;
import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What generated {@code Routes.table()} calls to make its {@link RouteTable}: the routes in the
 * order the plugin decided (Next.js's matching order), then the special pages.
 *
 * <pre>{@code
 * return TableBuilder.of(
 *         Route.<Index>page("/", new Params<>(0), new com.acme.pages.Index()),
 *         Route.<BlogSlug>page("/blog/[slug]", new Params<>(1), new com.acme.pages.blog.$slug(), literal("blog"), param("slug")))
 *     .notFound(new com.acme.pages._404())
 *     .build();
 * }</pre>
 *
 * <p>The routes are trusted: {@link #build} neither checks nor sorts them. A list that the plugin
 * did not make (two routes for one path, two param names at one level, routes out of order) gives
 * a table that matches what its trie happens to hold; see docs/architecture.md for where the
 * checks live.
 */
public final class TableBuilder {
  private final List<Route> routes;
  private App app;
  private Middleware middleware;
  private ErrorPage notFound;
  private ErrorPage error;

  private TableBuilder(List<Route> routes) {
    this.routes = routes;
  }

  /** A builder for {@code routes}, in matching order. */
  public static TableBuilder of(Route... routes) {
    return of(List.of(routes));
  }

  /** A builder for {@code routes}, in matching order; a split table collects its parts in a list. */
  public static TableBuilder of(List<Route> routes) {
    List<Route> copy = new ArrayList<>(routes.size());
    for (Route route : routes) {
      copy.add(Objects.requireNonNull(route, "route"));
    }
    return new TableBuilder(copy);
  }

  /** {@code _App}, which wraps every page's response. */
  public TableBuilder app(App app) {
    this.app = Objects.requireNonNull(app, "app");
    return this;
  }

  /** {@code _Middleware}, which sees the requests its matcher takes before routing. */
  public TableBuilder middleware(Middleware middleware) {
    this.middleware = Objects.requireNonNull(middleware, "middleware");
    return this;
  }

  /** {@code _404}, rendered for unknown paths. */
  public TableBuilder notFound(ErrorPage notFound) {
    this.notFound = Objects.requireNonNull(notFound, "notFound");
    return this;
  }

  /** {@code _500}, rendered when a page throws. */
  public TableBuilder error(ErrorPage error) {
    this.error = Objects.requireNonNull(error, "error");
    return this;
  }

  /**
   * The table: its trie built from the routes' segments, in the order given, and the middleware's
   * matcher compiled.
   *
   * @throws IllegalArgumentException when the middleware's {@link Middleware#matcher()} is invalid
   */
  public RouteTable build() {
    return RouteTable.of(new Routing(routes, app, middleware, notFound, error));
  }
}
