package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.Json;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.Route;
import dev.next4j.runtime.RouteTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Next.js matching cases that involve redirects or configuration (trailingSlash, basePath),
 * run through {@link NextApp#handle}: each redirect's status and {@code Location} is checked and
 * followed, then the page that answers (its {@code X-Page} header) and its params.
 */
class RouteCasesTest {
  /** Special pages in the cases' page lists: not routes in next4j's table. */
  private static final List<String> SPECIAL = List.of("/_app", "/_document", "/_error", "/404", "/500");

  record Params(Map<String, Object> values) {}

  static Stream<Arguments> cases() throws IOException {
    Map<?, ?> root;
    try (InputStream in = RouteCasesTest.class.getResourceAsStream("/nextjs/route-cases.json")) {
      root = (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Arguments> selected = new ArrayList<>();
    for (Object item : (List<?>) root.get("matching")) {
      Map<?, ?> c = (Map<?, ?>) item;
      Map<?, ?> expect = (Map<?, ?>) c.get("expect");
      if (expect.get("redirects") != null || c.get("config") != null) {
        String name = c.get("url") + (c.get("config") == null ? "" : " with " + c.get("config"));
        selected.add(Arguments.of(name, c));
      }
    }
    assertThat(selected).hasSizeGreaterThanOrEqualTo(16);
    return selected.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void redirectsThenServesThePage(String name, Map<?, ?> c) {
    Map<?, ?> expect = (Map<?, ?>) c.get("expect");
    try (NextApp app = NextApp.create(table((List<?>) c.get("pages")), config((Map<?, ?>) c.get("config")),
        NextOptions.builder().build())) {
      app.prepare();
      Response response = app.handle(Request.get((String) c.get("url")));
      List<?> redirects = expect.get("redirects") == null ? List.of() : (List<?>) expect.get("redirects");
      for (Object r : redirects) {
        Map<?, ?> redirect = (Map<?, ?>) r;
        String location = (String) redirect.get("location");
        assertThat(response.status()).isEqualTo(((Number) redirect.get("status")).intValue());
        assertThat(response.header("location")).hasValue(location);
        response = app.handle(Request.get(location));
      }
      if (expect.get("page") == null || expect.get("page") == Json.NULL) {
        assertThat(response.status()).isEqualTo(((Number) expect.get("status")).intValue());
        assertThat(response.header("x-page")).isEmpty();
      } else {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("x-page")).hasValue((String) expect.get("page"));
        assertThat(response.bodyText()).isEqualTo(new TreeMap<>((Map<?, ?>) expect.get("params")).toString());
      }
    }
  }

  /** The cases' pages as a table in Next.js order; each answers with its pattern and params. */
  private static RouteTable table(List<?> pages) {
    List<String> patterns = new ArrayList<>();
    for (Object page : pages) {
      if (!SPECIAL.contains(page)) {
        patterns.add((String) page);
      }
    }
    patterns.sort(NEXT_ORDER);
    List<Route> routes = new ArrayList<>();
    for (String pattern : patterns) {
      if (pattern.equals("/api") || pattern.startsWith("/api/")) {
        routes.add(Route.api(pattern, r -> new Params(r.routeParams()), (r, p) -> answer(r)));
      } else {
        routes.add(Route.page(pattern, r -> new Params(r.routeParams()), (r, p) -> answer(r)));
      }
    }
    return RouteTable.of(routes);
  }

  private static Response answer(Request request) {
    return Response.text(new TreeMap<>(request.routeParams()).toString()).withHeader("X-Page", request.route());
  }

  private static NextConfig config(Map<?, ?> config) {
    NextConfig.Builder builder = NextConfig.defaults().toBuilder();
    if (config != null) {
      if (config.get("basePath") != null) {
        builder.basePath((String) config.get("basePath"));
      }
      if (config.get("trailingSlash") != null) {
        builder.trailingSlash((Boolean) config.get("trailingSlash"));
      }
    }
    return builder.build();
  }

  /**
   * Next.js's route order (its {@code compareRouteSegments}): segment by segment, a missing segment
   * first, then static before {@code [x]} before {@code [...x]} before {@code [[...x]]}, then text.
   */
  private static final Comparator<String> NEXT_ORDER = (a, b) -> {
    String[] x = a.substring(1).isEmpty() ? new String[0] : a.substring(1).split("/");
    String[] y = b.substring(1).isEmpty() ? new String[0] : b.substring(1).split("/");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      if (i >= x.length) {
        return -1;
      }
      if (i >= y.length) {
        return 1;
      }
      int kind = Integer.compare(kind(x[i]), kind(y[i]));
      if (kind != 0) {
        return kind;
      }
      int text = x[i].compareTo(y[i]);
      if (text != 0) {
        return text;
      }
    }
    return 0;
  };

  private static int kind(String segment) {
    return segment.startsWith("[[...") ? 3 : segment.startsWith("[...") ? 2 : segment.startsWith("[") ? 1 : 0;
  }
}
