package dev.next4j.runtime.internal;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.TableBuilder;
import dev.next4j.runtime.generated.TestRoutes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small site for the serving tests, written as generated code would write it. Each page answers
 * with header {@code X-Page} naming its route, and a body listing its params and query.
 */
final class TestSite {
  /** The requests (method, path, query) the {@code /api/record} route answered, in order. */
  static final List<String> RECORDED = new CopyOnWriteArrayList<>();

  record None() {}

  record Slug(String slug) {}

  record Path(List<String> path) {}

  private TestSite() {}

  /** The site's routes in Next.js order. */
  static RouteTable table() {
    return builder().build();
  }

  /** The builder of {@link #table()}, for a test that adds special pages. */
  static TableBuilder builder() {
    return TestRoutes.builder(
        TestRoutes.page("/", r -> new None(), (request, p) -> page(request)),
        TestRoutes.page("/about", r -> new None(), (request, p) -> page(request)),
        TestRoutes.page("/big", r -> new None(), (request, p) -> page(request).withBody("<p>" + "big page ".repeat(400) + "</p>")),
        TestRoutes.page("/boom", r -> new None(), (request, p) -> {
          throw new IllegalStateException("boom: the page failed");
        }),
        TestRoutes.page("/blog/[slug]", r -> new Slug(r.param("slug")), (request, p) -> page(request)),
        TestRoutes.page("/docs/[...path]", r -> new Path(r.params("path")), (request, p) -> page(request)),
        TestRoutes.api("/api/echo", r -> new None(), (request, p) ->
            Response.text(request.method() + " " + request.bodyText()).withHeader("X-Page", request.route())),
        TestRoutes.api("/api/record", r -> new None(), (request, p) -> {
          RECORDED.add(request.toString());
          return Response.text("recorded " + request.bodyText().length() + " bytes").withHeader("X-Page", request.route());
        }),
        TestRoutes.api("/api/json", r -> new None(), (request, p) ->
            Response.json("{\"items\":[" + "\"item\",".repeat(300) + "\"last\"]}")));
  }

  /** A page's answer: {@code X-Page: <route>}, and the params and query in the body. */
  static Response page(Request request) {
    return Response.html("<html><body><h1>" + request.route() + "</h1><p>params=" + new TreeMap<>(request.untypedRouteParams())
            + " query=" + new TreeMap<>(request.query()) + "</p></body></html>")
        .withHeader("X-Page", request.route());
  }

  /** A prepared app serving {@link #table()} with {@code config}. */
  static NextApp app(NextConfig config) {
    return app(table(), config, NextOptions.builder().build());
  }

  static NextApp app(RouteTable table, NextConfig config, NextOptions options) {
    NextApp app = NextApp.create(table, config, options);
    app.prepare();
    return app;
  }

  /** The headers of {@code response} as a sorted map, for readable assertion failures. */
  static Map<String, List<String>> headers(Response response) {
    return new TreeMap<>(response.headers());
  }
}
