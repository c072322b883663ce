package dev.next4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link RouteTable#match}: routes, methods and the special paths. */
class RouteTableTest {
  record NoParams() {}

  record Slug(String slug) {}

  private static final Route INDEX = page("/");
  private static final Route ABOUT = page("/about");
  private static final Route BLOG_POST =
      Route.page("/blog/[slug]", r -> new Slug(r.param("slug")), (request, params) -> Response.text(params.slug()));
  private static final Route DOCS = page("/docs/[...path]");
  private static final Route CATCH_ALL = page("/[...rest]");
  private static final Route API_HELLO = api("/api/hello");
  private static final Route API_USER = api("/api/users/[id]");

  private final RouteTable table = RouteTable.of(CATCH_ALL, API_USER, DOCS, BLOG_POST, INDEX, API_HELLO, ABOUT);

  @ParameterizedTest(name = "a page answers {0}")
  @ValueSource(strings = {"GET", "HEAD"})
  void aPageAnswersGetAndHead(String method) {
    assertThat(table.match(method, "/about")).isEqualTo(new RouteTable.Match.Found(ABOUT, Map.of()));
  }

  @ParameterizedTest(name = "a page refuses {0} with 405")
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
  void aPageRefusesOtherMethods(String method) {
    RouteTable.Match match = table.match(method, "/blog/hello");
    assertThat(match).isEqualTo(new RouteTable.Match.MethodNotAllowed(BLOG_POST));
    assertThat(((RouteTable.Match.MethodNotAllowed) match).allow()).isEqualTo("GET, HEAD");
  }

  @ParameterizedTest(name = "an API route answers {0}")
  @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
  void anApiRouteAnswersEveryMethod(String method) {
    assertThat(table.match(method, "/api/users/42")).isEqualTo(new RouteTable.Match.Found(API_USER, Map.of("id", "42")));
    assertThat(table.match(method, "/api/hello")).isEqualTo(new RouteTable.Match.Found(API_HELLO, Map.of()));
  }

  @Test
  void aDynamicPageGetsItsDecodedParams() {
    RouteTable.Match.Found found = (RouteTable.Match.Found) table.match("GET", "/blog/hello%20world");
    assertThat(found.route()).isSameAs(BLOG_POST);
    assertThat(found.params()).isEqualTo(Map.of("slug", "hello world"));
  }

  @Test
  void aCatchAllGetsAList() {
    assertThat(table.match("GET", "/docs/a/b")).isEqualTo(new RouteTable.Match.Found(DOCS, Map.of("path", List.of("a", "b"))));
  }

  @Test
  void aStaticPageBeatsTheRootCatchAll() {
    assertThat(table.match("GET", "/")).isEqualTo(new RouteTable.Match.Found(INDEX, Map.of()));
    assertThat(table.match("GET", "/about/x")).isEqualTo(new RouteTable.Match.Found(CATCH_ALL, Map.of("rest", List.of("about", "x"))));
  }

  @Test
  void aMalformedEscapeInAParamIsABadRequest() {
    assertThat(table.match("GET", "/blog/%E0%A4%A")).isSameAs(RouteTable.Match.BadRequest.INSTANCE);
    assertThat(RouteTable.Match.BadRequest.INSTANCE).hasToString("BadRequest");
  }

  @Test
  void anUnknownPathIsNotFound() {
    RouteTable table = RouteTable.of(ABOUT, BLOG_POST);
    assertThat(table.match("GET", "/contact")).isSameAs(RouteTable.Match.NotFound.INSTANCE);
    assertThat(table.match("POST", "/contact")).isSameAs(RouteTable.Match.NotFound.INSTANCE);
    assertThat(RouteTable.Match.NotFound.INSTANCE).hasToString("NotFound");
  }

  @ParameterizedTest(name = "{0} is never routed, even with a root catch-all")
  @ValueSource(strings = {"/_app", "/_document", "/_error", "/404", "/%5Fapp", "/%34%30%34"})
  void nextJsSpecialPathsAreNotFound(String path) {
    assertThat(table.match("GET", path)).isSameAs(RouteTable.Match.NotFound.INSTANCE);
  }

  @Test
  void routesAreListedInNextJsOrderWhateverTheGivenOrder() {
    assertThat(table.routes()).containsExactly(INDEX, ABOUT, API_HELLO, API_USER, BLOG_POST, DOCS, CATCH_ALL);
    assertThat(table.size()).isEqualTo(7);
  }

  @Test
  void theSpecialPagesKeepTheRoutes() {
    ErrorPage notFound = (request, status) -> Response.status(404);
    RouteTable withNotFound = table.withNotFound(notFound);
    assertThat(withNotFound.notFound()).containsSame(notFound);
    assertThat(withNotFound.routes()).isEqualTo(table.routes());
    assertThat(withNotFound.match("GET", "/blog/x")).isEqualTo(new RouteTable.Match.Found(BLOG_POST, Map.of("slug", "x")));
  }

  @Test
  void aRouteAtASpecialPathIsRefused() {
    assertThatThrownBy(() -> RouteTable.of(ABOUT, page("/_app")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("route pattern '/_app' is a reserved path: Next.js answers it with 404 and never routes it; "
            + "leave it out of the table");
  }

  @Test
  void conflictingRoutesAreRefusedTogether() {
    assertThatThrownBy(() -> RouteTable.of(page("/[id]"), page("/[slug]/edit"), page("/about"), page("/about")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("route pattern '/[slug]/edit' and '/[id]' give one level two parameter names ('id' and 'slug'); "
            + "use one name\nroute pattern '/about' is listed twice");
  }

  @Test
  void nullsAreRefusedByName() {
    assertThatThrownBy(() -> table.match(null, "/")).isInstanceOf(NullPointerException.class).hasMessage("method");
    assertThatThrownBy(() -> table.match("GET", null)).isInstanceOf(NullPointerException.class).hasMessage("path");
  }

  private static Route page(String pattern) {
    return Route.page(pattern, r -> new NoParams(), (request, params) -> Response.text(pattern));
  }

  private static Route api(String pattern) {
    return Route.api(pattern, r -> new NoParams(), (request, params) -> Response.text(pattern));
  }
}
