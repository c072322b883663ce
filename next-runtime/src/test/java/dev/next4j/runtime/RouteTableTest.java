package dev.next4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.generated.Match;
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.Routing;
import dev.next4j.runtime.generated.TestRoutes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A table built as generated code builds it, and {@link Routing#match}: routes, methods and the special paths. */
class RouteTableTest {
  record NoParams() {}

  record Slug(String slug) {}

  private static final Route INDEX = page("/");
  private static final Route ABOUT = page("/about");
  private static final Route BLOG_POST =
      TestRoutes.page("/blog/[slug]", r -> new Slug(r.param("slug")), (request, params) -> Response.text(params.slug()));
  private static final Route DOCS = page("/docs/[...path]");
  private static final Route CATCH_ALL = page("/[...rest]");
  private static final Route API_HELLO = api("/api/hello");
  private static final Route API_USER = api("/api/users/[id]");

  /** In Next.js order, as the plugin lists them. */
  private final RouteTable table = TestRoutes.table(INDEX, ABOUT, API_HELLO, API_USER, BLOG_POST, DOCS, CATCH_ALL);

  @ParameterizedTest(name = "a page answers {0}")
  @ValueSource(strings = {"GET", "HEAD"})
  void aPageAnswersGetAndHead(String method) {
    assertThat(table.routing().match(method, "/about")).isEqualTo(new Match.Found(ABOUT, Map.of()));
  }

  @ParameterizedTest(name = "a page refuses {0} with 405")
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
  void aPageRefusesOtherMethods(String method) {
    Match match = table.routing().match(method, "/blog/hello");
    assertThat(match).isEqualTo(new Match.MethodNotAllowed(BLOG_POST));
    assertThat(((Match.MethodNotAllowed) match).allow()).isEqualTo("GET, HEAD");
  }

  @ParameterizedTest(name = "an API route answers {0}")
  @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
  void anApiRouteAnswersEveryMethod(String method) {
    assertThat(table.routing().match(method, "/api/users/42")).isEqualTo(new Match.Found(API_USER, Map.of("id", "42")));
    assertThat(table.routing().match(method, "/api/hello")).isEqualTo(new Match.Found(API_HELLO, Map.of()));
  }

  @Test
  void aDynamicPageGetsItsDecodedParams() {
    Match.Found found = (Match.Found) table.routing().match("GET", "/blog/hello%20world");
    assertThat(found.route()).isSameAs(BLOG_POST);
    assertThat(found.params()).isEqualTo(Map.of("slug", "hello world"));
  }

  @Test
  void aCatchAllGetsAList() {
    assertThat(table.routing().match("GET", "/docs/a/b")).isEqualTo(new Match.Found(DOCS, Map.of("path", List.of("a", "b"))));
  }

  @Test
  void aStaticPageBeatsTheRootCatchAll() {
    assertThat(table.routing().match("GET", "/")).isEqualTo(new Match.Found(INDEX, Map.of()));
    assertThat(table.routing().match("GET", "/about/x")).isEqualTo(new Match.Found(CATCH_ALL, Map.of("rest", List.of("about", "x"))));
  }

  @Test
  void aMalformedEscapeInAParamIsABadRequest() {
    assertThat(table.routing().match("GET", "/blog/%E0%A4%A")).isSameAs(Match.BadRequest.INSTANCE);
    assertThat(Match.BadRequest.INSTANCE).hasToString("BadRequest");
  }

  @Test
  void anUnknownPathIsNotFound() {
    RouteTable table = TestRoutes.table(ABOUT, BLOG_POST);
    assertThat(table.routing().match("GET", "/contact")).isSameAs(Match.NotFound.INSTANCE);
    assertThat(table.routing().match("POST", "/contact")).isSameAs(Match.NotFound.INSTANCE);
    assertThat(Match.NotFound.INSTANCE).hasToString("NotFound");
  }

  @ParameterizedTest(name = "{0} is never routed, even with a root catch-all")
  @ValueSource(strings = {"/_app", "/_document", "/_error", "/404", "/%5Fapp", "/%34%30%34"})
  void nextJsSpecialPathsAreNotFound(String path) {
    assertThat(table.routing().match("GET", path)).isSameAs(Match.NotFound.INSTANCE);
  }

  @Test
  void routesAreListedInTheGeneratedOrderAsPatternAndKind() {
    assertThat(table.routing().routes()).containsExactly(INDEX, ABOUT, API_HELLO, API_USER, BLOG_POST, DOCS, CATCH_ALL);
    assertThat(table.routes()).extracting(e -> e.kind() + " " + e.pattern()).containsExactly("PAGE /", "PAGE /about",
        "API /api/hello", "API /api/users/[id]", "PAGE /blog/[slug]", "PAGE /docs/[...path]", "PAGE /[...rest]");
    assertThat(table.size()).isEqualTo(7);
  }

  @Test
  void theSpecialPagesKeepTheRoutes() {
    ErrorPage notFound = (request, status) -> Response.status(404);
    RouteTable withNotFound = TestRoutes.builder(INDEX, ABOUT, BLOG_POST).notFound(notFound).build();
    assertThat(withNotFound.routing().notFound()).containsSame(notFound);
    assertThat(withNotFound.routing().error()).isEmpty();
    assertThat(withNotFound.routing().match("GET", "/blog/x")).isEqualTo(new Match.Found(BLOG_POST, Map.of("slug", "x")));
  }

  @Test
  void theEmptyTableAnswersNotFoundEverywhere() {
    assertThat(RouteTable.empty().routes()).isEmpty();
    assertThat(RouteTable.empty().routing().match("GET", "/")).isSameAs(Match.NotFound.INSTANCE);
    assertThat(RouteTable.empty().routing().notFound()).isEmpty();
  }

  @Test
  void nullsAreRefusedByName() {
    assertThatThrownBy(() -> table.routing().match(null, "/")).isInstanceOf(NullPointerException.class).hasMessage("method");
    assertThatThrownBy(() -> table.routing().match("GET", null)).isInstanceOf(NullPointerException.class).hasMessage("path");
  }

  private static Route page(String pattern) {
    return TestRoutes.page(pattern, r -> new NoParams(), (request, params) -> Response.text(pattern));
  }

  private static Route api(String pattern) {
    return TestRoutes.api(pattern, r -> new NoParams(), (request, params) -> Response.text(pattern));
  }
}
