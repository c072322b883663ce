package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.Match;
import dev.next4j.runtime.generated.Route;
import dev.next4j.testing.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code matching} cases of Next.js's conformance data ({@code nextjs/route-cases.json}), run
 * end to end: the codegen checks and orders the case's pages ({@link RouteAuthority}), the runtime
 * table is built through {@code dev.next4j.runtime.generated} as generated code builds it, and the
 * case's URL is matched. One named test per case:
 *
 * <ul>
 *   <li>a case with redirects or a config (trailingSlash, basePath) runs through {@link
 *       NextApp#handle}: each redirect's status and {@code Location} is checked and followed, then
 *       the page that answers (its {@code X-Page} header) and its params;
 *   <li>any other case asks the table itself, {@link dev.next4j.runtime.generated.Routing#match};
 *   <li>37 ({@code getStaticPaths} with {@code fallback:false}) and 53 (a {@code public/} file) are
 *       skipped with their reason: next4j has no static paths yet, and public files are the
 *       runtime's {@code PublicFiles} tests'. {@link #skipsExactlyTwoCases} pins the list.
 * </ul>
 */
class NextJsMatchingCasesTest {
  private static final List<Object> CASES = list(Json.resource("/nextjs/route-cases.json").get("matching"));
  /** Special pages in the cases' page lists: not routes in next4j's table. */
  private static final List<String> SPECIAL = List.of("/_app", "/_document", "/_error", "/404", "/500");

  record Params(Map<String, Object> values) {}

  @TestFactory
  Stream<DynamicTest> matchesAsNextJsDoes() {
    return IntStream.range(0, CASES.size()).mapToObj(i -> {
      Map<String, Object> c = map(CASES.get(i));
      Map<String, Object> expect = map(c.get("expect"));
      boolean dispatched = expect.get("redirects") != null || c.get("config") != null;
      String name = "matching[" + i + "] " + c.get("url") + (c.get("config") == null ? "" : " with " + c.get("config"))
          + (dispatched ? " (through NextApp)" : "") + " -> "
          + (expect.get("page") == null ? "status " + expect.get("status") : expect.get("page") + " " + expect.get("params"));
      return DynamicTest.dynamicTest(name, () -> {
        Optional<String> skip = skipReason(c);
        Assumptions.assumeTrue(skip.isEmpty(), () -> "skipped: " + skip.orElse(""));
        if (dispatched) {
          dispatch(c, expect);
        } else {
          match(name, c, expect);
        }
      });
    });
  }

  @Test
  void skipsExactlyTwoCases() {
    List<Integer> skipped = IntStream.range(0, CASES.size()).filter(i -> skipReason(map(CASES.get(i))).isPresent())
        .boxed().toList();
    assertThat(skipped).containsExactly(37, 53);
    assertThat(CASES).hasSize(79);
  }

  /** Why next4j cannot run {@code c}, if it cannot. */
  static Optional<String> skipReason(Map<String, Object> c) {
    if (c.containsKey("publicFiles")) {
      return Optional.of("a public/ file " + c.get("publicFiles") + " answers before routes: PublicFiles' tests");
    }
    if (c.containsKey("staticPaths")) {
      return Optional.of("getStaticPaths fallback:false skips a route " + c.get("staticPaths") + ": no static paths in next4j");
    }
    return Optional.empty();
  }

  private static void match(String name, Map<String, Object> c, Map<String, Object> expect) {
    RouteTable table = RouteAuthority.table(patterns(c), r -> new Params(Map.of()), (request, params) -> Response.text(""));
    String url = (String) c.get("url");
    int q = url.indexOf('?');
    Match match = table.routing().match("GET", q < 0 ? url : url.substring(0, q));

    int status = expect.get("status") instanceof Double s ? s.intValue() : 200;
    if (status == 404) {
      // Includes /404 itself, which Next.js answers with its 404 page and status 404.
      assertThat(match).as(name).isSameAs(Match.NotFound.INSTANCE);
      return;
    }
    if (status == 400) {
      assertThat(match).as(name).isSameAs(Match.BadRequest.INSTANCE);
      return;
    }
    assertThat(match).as(name).isInstanceOf(Match.Found.class);
    Match.Found found = (Match.Found) match;
    assertThat(found.route().pattern()).as(name).isEqualTo(expect.get("page"));
    Map<String, Object> params = map(expect.get("params"));
    assertThat(found.params()).as(name).isEqualTo(params);
    assertThat(List.copyOf(found.params().keySet())).containsExactlyElementsOf(params.keySet());
    if (expect.get("query") != null) {
      Map<String, List<String>> query = new LinkedHashMap<>();
      map(expect.get("query")).forEach((k, v) -> query.put(k, v instanceof List<?> l ? strings(l) : List.of((String) v)));
      Request routed = Request.get(url).withRoute(found.route().pattern(), found.params());
      assertThat(routed.query()).isEqualTo(query);
    }
  }

  private static void dispatch(Map<String, Object> c, Map<String, Object> expect) {
    RouteTable table = RouteAuthority.table(patterns(c), (route, segments) -> route.kind() == RouteModel.Kind.API
        ? Route.api(route.pattern(), r -> new Params(r.untypedRouteParams()), (r, p) -> answer(r), segments)
        : Route.page(route.pattern(), r -> new Params(r.untypedRouteParams()), (r, p) -> answer(r), segments));
    try (NextApp app = NextApp.create(table, config(map(c.get("config"))), NextOptions.builder().build())) {
      app.prepare();
      Response response = app.handle(Request.get((String) c.get("url")));
      List<Object> redirects = expect.get("redirects") == null ? List.of() : list(expect.get("redirects"));
      for (Object r : redirects) {
        Map<String, Object> redirect = map(r);
        String location = (String) redirect.get("location");
        assertThat(response.status()).isEqualTo(((Double) redirect.get("status")).intValue());
        assertThat(response.header("location")).hasValue(location);
        response = app.handle(Request.get(location));
      }
      if (expect.get("page") == null) {
        assertThat(response.status()).isEqualTo(((Double) expect.get("status")).intValue());
        assertThat(response.header("x-page")).isEmpty();
      } else {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("x-page")).hasValue((String) expect.get("page"));
        assertThat(response.bodyText()).isEqualTo(new TreeMap<>(map(expect.get("params"))).toString());
      }
    }
  }

  /** The case's pages but the special ones, in the case's order: the codegen orders them. */
  private static List<String> patterns(Map<String, Object> c) {
    return strings(list(c.get("pages"))).stream().filter(p -> !SPECIAL.contains(p)).toList();
  }

  private static Response answer(Request request) {
    return Response.text(new TreeMap<>(request.untypedRouteParams()).toString()).withHeader("X-Page", request.route());
  }

  private static NextConfig config(Map<String, Object> config) {
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

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  private static List<String> strings(List<?> values) {
    return values.stream().map(String.class::cast).toList();
  }
}
