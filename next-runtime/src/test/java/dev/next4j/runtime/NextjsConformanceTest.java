package dev.next4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import dev.next4j.runtime.internal.RouteMatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the shared Next.js routing cases ({@code nextjs/route-cases.json}, copied from the project's
 * Next.js notes) against {@link RouteTable} and its matcher: one named test per case.
 *
 * <p>A {@code matching} case runs when the route table alone decides it. The others are reported as
 * skipped with their reason (see {@link #skipReason}); they belong to the dispatcher, which owns
 * config, redirects, public files and static paths. {@link #skipsExactlyTheDispatcherCases} pins
 * the list, so new data cannot slip by unnoticed:
 *
 * <ul>
 *   <li>13, 31, 34, 65, 66, 67: expect a 308 redirect first (trailing slash, {@code //}, {@code \}).
 *   <li>37: needs {@code getStaticPaths} with {@code fallback:false}, which skips a route.
 *   <li>53: a {@code public/} file answers before the dynamic route.
 *   <li>69 to 78: need {@code trailingSlash:true} or a {@code basePath}.
 * </ul>
 *
 * <p>The {@code fileToRoute} section (page file names to routes) is the plugin's, and so is the one
 * {@code invalid} case about page exports; both are left out here.
 */
class NextjsConformanceTest {
  /** Special files: the generated table never holds them (Next.js's _app, _document, _error, 404). */
  private static final Set<String> SPECIAL_PAGES = Set.of("/_app", "/_document", "/_error", "/404");

  private static final Map<String, Object> DATA = load();

  record NoParams() {}

  @TestFactory
  Stream<DynamicTest> matching() {
    List<Object> cases = list(DATA.get("matching"));
    return IntStream.range(0, cases.size()).mapToObj(i -> {
      Map<String, Object> c = map(cases.get(i));
      Map<String, Object> expect = map(c.get("expect"));
      String name = "matching[" + i + "] " + c.get("url") + " -> "
          + (expect.get("page") == Json.NULL || "404".equals(String.valueOf(expect.get("status")))
              ? "status " + expect.get("status")
              : expect.get("page") + " " + expect.get("params"));
      return DynamicTest.dynamicTest(name, () -> {
        Optional<String> skip = skipReason(c);
        Assumptions.assumeTrue(skip.isEmpty(), () -> "skipped: " + skip.orElse(""));
        runMatchingCase(name, c, expect);
      });
    });
  }

  private static void runMatchingCase(String name, Map<String, Object> c, Map<String, Object> expect) {
    List<Route> routes = new ArrayList<>();
    for (Object page : list(c.get("pages"))) {
      String pattern = (String) page;
      if (!SPECIAL_PAGES.contains(pattern)) {
        routes.add(route(pattern));
      }
    }
    RouteTable table = RouteTable.of(routes);
    String url = (String) c.get("url");
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);

    RouteTable.Match match = table.match("GET", path);

    long status = expect.get("status") instanceof Long s ? s : 200;
    if (status == 404) {
      // Includes /404 itself, which Next.js answers with its 404 page and status 404.
      assertThat(match).as(name).isSameAs(RouteTable.Match.NotFound.INSTANCE);
      return;
    }
    if (status == 400) {
      assertThat(match).as(name).isSameAs(RouteTable.Match.BadRequest.INSTANCE);
      return;
    }
    assertThat(match).as(name).isInstanceOf(RouteTable.Match.Found.class);
    RouteTable.Match.Found found = (RouteTable.Match.Found) match;
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

  /** Why the route table alone cannot decide {@code c}, if it cannot. */
  static Optional<String> skipReason(Map<String, Object> c) {
    if (c.containsKey("config")) {
      return Optional.of("needs next.config " + c.get("config") + ": the dispatcher applies basePath and trailingSlash");
    }
    if (map(c.get("expect")).containsKey("redirects")) {
      return Optional.of("expects a redirect first " + map(c.get("expect")).get("redirects") + ": the dispatcher's");
    }
    if (c.containsKey("publicFiles")) {
      return Optional.of("a public/ file " + c.get("publicFiles") + " answers before routes: the static files'");
    }
    if (c.containsKey("staticPaths")) {
      return Optional.of("getStaticPaths fallback:false skips a route " + c.get("staticPaths") + ": the dispatcher's");
    }
    return Optional.empty();
  }

  @Test
  void skipsExactlyTheDispatcherCases() {
    List<Object> cases = list(DATA.get("matching"));
    List<Integer> skipped = IntStream.range(0, cases.size())
        .filter(i -> skipReason(map(cases.get(i))).isPresent())
        .boxed()
        .toList();
    assertThat(skipped).containsExactly(13, 31, 34, 37, 53, 65, 66, 67, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78);
    assertThat(cases).hasSize(79);
  }

  @TestFactory
  Stream<DynamicTest> sorting() {
    List<Object> cases = list(DATA.get("sorting"));
    return IntStream.range(0, cases.size()).mapToObj(i -> {
      Map<String, Object> c = map(cases.get(i));
      List<String> pages = strings(list(c.get("pages")));
      return DynamicTest.dynamicTest("sorting[" + i + "] " + pages, () -> {
        List<Integer> order = RouteMatcher.of(pages).order();
        assertThat(order.stream().map(pages::get).toList()).containsExactlyElementsOf(strings(list(c.get("expectedOrder"))));
      });
    });
  }

  @TestFactory
  Stream<DynamicTest> invalid() {
    List<Object> cases = list(DATA.get("invalid"));
    return IntStream.range(0, cases.size()).mapToObj(i -> {
      Map<String, Object> c = map(cases.get(i));
      List<String> pages = strings(list(c.get("pages")));
      return DynamicTest.dynamicTest("invalid[" + i + "] " + pages + " " + c.get("errorContains"), () -> {
        Assumptions.assumeFalse(c.containsKey("pageExports"), "skipped: page exports are checked by the plugin at build time");
        String last = pages.get(pages.size() - 1);
        assertThatThrownBy(() -> RouteMatcher.of(pages))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("route pattern '" + last + "'");
      });
    });
  }

  private static Route route(String pattern) {
    boolean api = pattern.equals("/api") || pattern.startsWith("/api/");
    return api
        ? Route.api(pattern, r -> new NoParams(), (request, params) -> Response.text(pattern))
        : Route.page(pattern, r -> new NoParams(), (request, params) -> Response.text(pattern));
  }

  private static Map<String, Object> load() {
    try (InputStream in = NextjsConformanceTest.class.getResourceAsStream("/nextjs/route-cases.json")) {
      if (in == null) {
        fail("test resource nextjs/route-cases.json is missing");
      }
      return map(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
