package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteRule.Condition;
import dev.next4j.runtime.RouteRule.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomRoutesTest {
  @Test
  void aRequestMeetsOnlyTheRulesOfItsFirstSegmentAndThoseStartingWithAParam() {
    CustomRoutes rules = CustomRoutes.compile(List.of(
        RouteRule.rewrite(Kind.AFTER_FILES, "/blog/:slug", "/posts/:slug"),
        RouteRule.rewrite(Kind.AFTER_FILES, "/docs/:path*", "/manual/:path*"),
        RouteRule.rewrite(Kind.AFTER_FILES, "/:lang/about", "/about"),
        RouteRule.rewrite(Kind.AFTER_FILES, "/v2:rest(.*)", "/:rest")), "", false);

    assertThat(rules.candidates(Kind.AFTER_FILES, "/shop/x")).extracting(r -> r.rule.source())
        .containsExactly("/:lang/about", "/v2:rest(.*)");
    assertThat(rules.candidates(Kind.AFTER_FILES, "/BLOG/x")).extracting(r -> r.rule.source())
        .containsExactly("/blog/:slug", "/:lang/about", "/v2:rest(.*)");
    assertThat(rules.candidates(Kind.BEFORE_FILES, "/blog/x")).isEmpty();
  }

  @Test
  void sourcesReadAsPathToRegexpReadsThem() throws Exception {
    assertThat(PathPattern.regex(PathPattern.parse("/docs/:path*"))).isEqualTo("^\\/docs(?:\\/((?:[^\\/]+?)(?:\\/(?:[^\\/]+?))*))?$");
    assertThat(PathPattern.regex(PathPattern.parse("/post/:id(\\d+)"))).isEqualTo("^\\/post(?:\\/(\\d+))$");
    assertThatThrownBy(() -> PathPattern.parse("/a/(?!b)")).hasMessage("Pattern cannot start with \"?\" at 4");
    assertThatThrownBy(() -> PathPattern.parse("/a/((b))")).hasMessage("Capturing groups are not allowed at 4");
    assertThatThrownBy(() -> PathPattern.parse("/a/:")).hasMessage("Missing parameter name at 3");
  }

  @Test
  void redirectsInterpolateParamsAndHasCapturesAndKeepTheQuery() {
    CustomRoutes rules = CustomRoutes.compile(List.of(
        RouteRule.redirect("/old/:slug", "/new/:slug?by=:who", 308).has(Condition.header("x-who", "(?<who>[a-z]+)"))),
        "", false);

    Response response = rules.redirect(Request.builder("GET", "/old/a%20b?x=1").header("X-Who", "ann").build()).orElseThrow();

    assertThat(response.status()).isEqualTo(308);
    assertThat(response.header("location")).hasValue("/new/a%20b?x=1&by=ann");
    assertThat(response.header("refresh")).hasValue("0;url=/new/a%20b?x=1&by=ann");
    assertThat(rules.redirect(Request.get("/old/a"))).isEmpty();
  }

  @Test
  void headersRulesAddInOrderALaterOneReplacingAnEarlierOne() {
    CustomRoutes rules = CustomRoutes.compile(List.of(
        RouteRule.headers("/:path*", Map.of("X-A", "every")),
        RouteRule.headers("/item/:id", Map.of("x-a", "item :id", "Set-Cookie", "a=1")),
        RouteRule.headers("/item/:id", Map.of("Set-Cookie", "b=2")).missing(Condition.query("skip"))), "", false);

    assertThat(rules.headers(Request.get("/item/7")))
        .isEqualTo(Map.of("X-A", List.of("item 7"), "Set-Cookie", List.of("a=1", "b=2")));
    assertThat(rules.headers(Request.get("/item/7?skip=1")))
        .isEqualTo(Map.of("X-A", List.of("item 7"), "Set-Cookie", List.of("a=1")));
  }

  @Test
  void aConfigWithBadRulesListsEveryProblem() {
    assertThatThrownBy(() -> NextConfig.builder().rules(
        RouteRule.redirect("old", "/new", 308),
        RouteRule.redirect("/a", "/b", 404),
        RouteRule.rewrite(Kind.AFTER_FILES, "/x/:id", "https://example.com/:id"),
        RouteRule.redirect("/p", "/q", 307),
        RouteRule.redirect("/q", "/p", 307)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid redirects, rewrites or headers:\n"
            + "  redirects[0] source: `source` does not start with /\n"
            + "  redirects[1] statusCode: `statusCode` is not undefined or valid statusCode (404); Valid redirect"
            + " statusCode values are 301, 302, 303, 307, 308\n"
            + "  rewrites.afterFiles[0] destination: `destination` https://example.com/:id is on another origin:"
            + " next4j does not proxy rewrites; use a redirect\n"
            + "  redirects[2] destination: the redirects form a loop: /p -> /q -> /p\n"
            + "  redirects[3] destination: the redirects form a loop: /q -> /p -> /q");
  }
}
