package dev.next4j.runtime;

import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.Routing;
import dev.next4j.runtime.generated.TableBuilder;
import java.util.List;
import java.util.Objects;

/**
 * The routes of an app, in Next.js matching order, with its special pages: what generated {@code
 * Routes.table()} returns and {@link NextApp#create} serves. The plugin decided the routes and
 * their order at build time; this is a read-only view of them.
 *
 * <pre>{@code
 * RouteTable table = com.acme.Routes.table();
 * table.routes();   // [Entry[pattern=/, kind=PAGE], Entry[pattern=/blog/[slug], kind=PAGE], ...]
 * }</pre>
 */
public final class RouteTable {
  private static final RouteTable EMPTY = TableBuilder.of().build();

  /** What serves a route, which decides the methods it answers. */
  public enum Kind {
    /** A {@link Page}: GET and HEAD; a {@link FormPage} POST too. */
    PAGE,
    /** A {@link StaticPage}: GET and HEAD. */
    STATIC_PAGE,
    /** An {@link ApiRoute}: every method. */
    API
  }

  /** One route as logs and reports show it: its pattern ({@code /blog/[slug]}) and kind. */
  public record Entry(String pattern, Kind kind) {}

  private final Routing routing;
  private final List<Entry> entries;

  private RouteTable(Routing routing) {
    this.routing = routing;
    List<Route> routes = routing.routes();
    Entry[] entries = new Entry[routes.size()];
    for (int i = 0; i < entries.length; i++) {
      entries[i] = new Entry(routes.get(i).pattern(), routes.get(i).kind());
    }
    this.entries = List.of(entries);
  }

  /** A table with no routes and no special pages: every path is a 404. */
  public static RouteTable empty() {
    return EMPTY;
  }

  /**
   * The table over {@code routing}; called by {@link TableBuilder#build()}, the only maker of a
   * {@link Routing}. Generated code calls the builder, not this.
   */
  public static RouteTable of(Routing routing) {
    return new RouteTable(Objects.requireNonNull(routing, "routing"));
  }

  /** The routes in matching order. */
  public List<Entry> routes() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  /** What the runtime matches against: the routes, their trie and the special pages. */
  public Routing routing() {
    return routing;
  }

  @Override
  public String toString() {
    return "RouteTable" + entries;
  }
}
