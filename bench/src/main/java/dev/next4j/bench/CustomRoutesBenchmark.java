package dev.next4j.bench;

import static dev.next4j.runtime.generated.Segment.literal;
import static dev.next4j.runtime.generated.Segment.param;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.TableBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole request through {@link NextApp#handle} that no redirect, rewrite or headers rule matches,
 * with {@link #rules} rules (0 or 100) in the config: what the rules cost a request they do not
 * concern. The 100 rules are 40 redirects ({@code /old-N/:slug}), 20 beforeFiles rewrites ({@code
 * /b-N/(.*)}), 20 afterFiles rewrites ({@code /r-N/:path*}) and 20 headers rules ({@code
 * /h-N/:id(\\d+)}); the request is {@code GET /blog/hello}, a dynamic page.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CustomRoutesBenchmark {
  record Slug(String slug) {}

  /** How many rules the config holds. */
  @Param({"0", "100"})
  public int rules;

  private NextApp app;
  private Request request;

  @Setup(Level.Trial)
  public void setUp() {
    RouteTable table = TableBuilder.of(List.of(
        Route.page("/blog/[slug]", r -> new Slug(r.param("slug")), (r, p) -> Response.html("post " + p.slug()),
            literal("blog"), param("slug")))).build();
    List<RouteRule> list = new ArrayList<>();
    for (int i = 0; i < rules; i++) {
      int n = i % 40;
      if (i < 40) {
        list.add(RouteRule.redirect("/old-" + n + "/:slug", "/blog/:slug", true));
      } else if (i < 60) {
        list.add(RouteRule.rewrite(RouteRule.Kind.BEFORE_FILES, "/b-" + n + "/(.*)", "/blog/b"));
      } else if (i < 80) {
        list.add(RouteRule.rewrite(RouteRule.Kind.AFTER_FILES, "/r-" + n + "/:path*", "/blog/:path*"));
      } else {
        list.add(RouteRule.headers("/h-" + n + "/:id(\\d+)", Map.of("X-Id", ":id")));
      }
    }
    NextConfig config = NextConfig.builder().generateEtags(false).compress(false).rules(list).build();
    app = NextApp.create(table, config, NextOptions.builder().quiet(true).build());
    app.prepare();
    request = Request.get("/blog/hello");
    if (app.handle(request).status() != 200) {
      throw new IllegalStateException("GET /blog/hello did not answer 200");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    app.close();
  }

  @Benchmark
  public Response requestNoRuleMatches() {
    return app.handle(request);
  }
}
