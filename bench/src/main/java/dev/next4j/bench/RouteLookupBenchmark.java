package dev.next4j.bench;

import static dev.next4j.runtime.generated.Segment.literal;
import static dev.next4j.runtime.generated.Segment.optionalCatchAll;
import static dev.next4j.runtime.generated.Segment.param;

import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.Match;
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.Routing;
import dev.next4j.runtime.generated.Segment;
import dev.next4j.runtime.generated.TableBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Route lookup ({@link Routing#match}) at 10, 1,000 and 10,000 routes, on a table built as generated
 * {@code Routes.table()} builds one: through {@link TableBuilder}, each route's segments pre-split.
 *
 * <p>A table is made of sections of ten routes each, mixing the shapes a site has: static pages one
 * to three deep, {@code [x]} params, a two-param route, a catch-all, an optional catch-all, and a
 * param at the section's top that lookups must backtrack through. Section names are unique
 * ({@code /shop}, {@code /blog}, ..., then {@code /shop-2}, ...), so 10,000 routes give the root
 * 1,000 static children. For example, section {@code shop}:
 *
 * <pre>
 * /shop                          /shop/users/[id]/posts/[postId]
 * /shop/about                    /shop/users/[id]/settings
 * /shop/pricing/enterprise       /shop/docs/[...path]
 * /shop/posts/[slug]             /shop/files/[[...path]]
 * /shop/users/[id]               /shop/[tab]/edit
 * </pre>
 *
 * Each benchmark cycles through {@link #paths} request paths (256 by default) spread over the
 * sections, so that it measures lookups across the table rather than one path that stays in cache.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RouteLookupBenchmark {
  private static final String[] WORDS = {
    "shop", "blog", "docs-site", "account", "admin", "help", "news", "events", "jobs", "forum",
    "learn", "status", "partners", "careers", "press", "legal", "community", "developers", "market", "labs"
  };

  record NoParams() {}

  @Param({"10", "1000", "10000"})
  public int routes;

  /**
   * How many distinct request paths each benchmark cycles through (a power of two). With 1 the
   * lookup's data stays in cache, which isolates the algorithm from memory effects.
   */
  @Param({"256"})
  public int paths;

  private Routing table;
  private String[] staticPaths;
  private String[] dynamicPaths;
  private String[] nestedPaths;
  private String[] catchAllPaths;
  private String[] missPaths;
  private int next;

  @Setup
  public void setUp() {
    int sections = Math.max(1, routes / 10);
    List<Route> list = new ArrayList<>();
    for (int s = 0; s < sections; s++) {
      String name = section(s);
      Segment top = literal(name);
      String section = "/" + name;
      list.add(route(section, top));
      list.add(route(section + "/about", top, literal("about")));
      list.add(route(section + "/pricing/enterprise", top, literal("pricing"), literal("enterprise")));
      list.add(route(section + "/posts/[slug]", top, literal("posts"), param("slug")));
      list.add(route(section + "/users/[id]", top, literal("users"), param("id")));
      list.add(route(section + "/users/[id]/posts/[postId]", top, literal("users"), param("id"), literal("posts"), param("postId")));
      list.add(route(section + "/users/[id]/settings", top, literal("users"), param("id"), literal("settings")));
      list.add(route(section + "/docs/[...path]", top, literal("docs"), Segment.catchAll("path")));
      list.add(route(section + "/files/[[...path]]", top, literal("files"), optionalCatchAll("path")));
      list.add(route(section + "/[tab]/edit", top, param("tab"), literal("edit")));
    }
    RouteTable built = TableBuilder.of(list).build();
    if (built.size() != routes) {
      throw new IllegalStateException("built " + built.size() + " routes, not " + routes);
    }
    table = built.routing();
    if (Integer.bitCount(paths) != 1) {
      throw new IllegalArgumentException("paths must be a power of two, not " + paths);
    }
    staticPaths = new String[paths];
    dynamicPaths = new String[paths];
    nestedPaths = new String[paths];
    catchAllPaths = new String[paths];
    missPaths = new String[paths];
    for (int i = 0; i < paths; i++) {
      String section = "/" + section((int) ((long) i * 7919 % sections));
      staticPaths[i] = section + "/pricing/enterprise";
      dynamicPaths[i] = section + "/posts/hello-world-" + i;
      nestedPaths[i] = section + "/users/" + (1000 + i) + "/posts/" + (7 * i);
      catchAllPaths[i] = section + "/docs/guide/routing/page-" + i;
      missPaths[i] = section + "/users/" + i + "/unknown";
    }
    check(staticPaths, "/pricing/enterprise");
    check(dynamicPaths, "/posts/[slug]");
    check(nestedPaths, "/users/[id]/posts/[postId]");
    check(catchAllPaths, "/docs/[...path]");
    for (String path : missPaths) {
      if (table.match("GET", path) != Match.NotFound.INSTANCE) {
        throw new IllegalStateException(path + " should miss");
      }
    }
  }

  private static Route route(String pattern, Segment... segments) {
    return Route.page(pattern, r -> new NoParams(), (request, params) -> Response.text(pattern), segments);
  }

  private static String section(int s) {
    String word = WORDS[s % WORDS.length];
    return s < WORDS.length ? word : word + "-" + (s / WORDS.length + 1);
  }

  private void check(String[] requests, String suffix) {
    for (String path : requests) {
      Match match = table.match("GET", path);
      if (!(match instanceof Match.Found found) || !found.route().pattern().endsWith(suffix)) {
        throw new IllegalStateException(path + " matched " + match + ", not a route ending in " + suffix);
      }
    }
  }

  private int nextIndex() {
    return next++ & (paths - 1);
  }

  /** A 3-deep static page: {@code /shop/pricing/enterprise}. */
  @Benchmark
  public Match staticHit() {
    return table.match("GET", staticPaths[nextIndex()]);
  }

  /** A 3-segment path with one param: {@code /shop/posts/hello-world-1}. */
  @Benchmark
  public Match dynamic3Segments() {
    return table.match("GET", dynamicPaths[nextIndex()]);
  }

  /** {@code /shop/users/1001/posts/7} against {@code /shop/users/[id]/posts/[postId]}. */
  @Benchmark
  public Match dynamicUsersPosts() {
    return table.match("GET", nestedPaths[nextIndex()]);
  }

  /** Four segments into {@code /shop/docs/[...path]}. */
  @Benchmark
  public Match catchAll() {
    return table.match("GET", catchAllPaths[nextIndex()]);
  }

  /** {@code /shop/users/1/unknown}: tries the static subtree, backtracks into {@code [tab]}, misses. */
  @Benchmark
  public Match miss() {
    return table.match("GET", missPaths[nextIndex()]);
  }
}
