package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.next4j.runtime.generated.TestRoutes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link RouteMatcher#match} answers, case by case. */
class RouteMatcherTest {
  private static final String NOT_FOUND = "NOT_FOUND";
  private static final String BAD_ENCODING = "BAD_ENCODING";

  static Stream<Arguments> cases() {
    return Stream.of(
        // Precedence at one level: static, then [x], then [...x], then [[...x]].
        c("static beats [x]", List.of("/[slug]", "/about"), "/about", hit("/about")),
        c("[x] beats [...x]", List.of("/[...rest]", "/[id]"), "/a", hit("/[id]", "id", "a")),
        c("[...x] takes what [x] cannot", List.of("/[...rest]", "/[id]"), "/a/b", hit("/[...rest]", "rest", List.of("a", "b"))),
        c("[x] beats [[...x]]", List.of("/[[...all]]", "/[id]"), "/a", hit("/[id]", "id", "a")),
        c("static beats [[...x]]", List.of("/[[...all]]", "/about"), "/about", hit("/about")),
        c("[[...x]] takes the bare root", List.of("/[[...all]]", "/about"), "/", hit("/[[...all]]")),
        c("[[...x]] takes deeper paths", List.of("/[[...all]]", "/[id]"), "/a/b", hit("/[[...all]]", "all", List.of("a", "b"))),
        // Backtracking: a more specific subtree that fails deeper gives way.
        c("backtracks out of a static subtree that fails deeper",
            List.of("/[a]/b/[c]", "/x/[d]/e"), "/x/b/c", hit("/[a]/b/[c]", "a", "x", "c", "c")),
        c("keeps the static subtree when it matches",
            List.of("/[a]/b/[c]", "/x/[d]/e"), "/x/b/e", hit("/x/[d]/e", "d", "b")),
        c("the earliest differing segment decides", List.of("/[a]/x", "/b/[c]"), "/b/x", hit("/b/[c]", "c", "x")),
        c("backtracks out of [x] subtrees into a catch-all",
            List.of("/[a]/[b]", "/[...rest]"), "/x/y/z", hit("/[...rest]", "rest", List.of("x", "y", "z"))),
        c("backtracks from a static page into the catch-all beside it",
            List.of("/docs/intro", "/docs/[...path]"), "/docs/intro/more", hit("/docs/[...path]", "path", List.of("intro", "more"))),
        c("a shorter route beats a longer one", List.of("/p/[id]/[...rest]", "/p/[id]"), "/p/1", hit("/p/[id]", "id", "1")),
        c("a static child of [x] beats a catch-all beside it",
            List.of("/p/[id]/[...rest]", "/p/[id]/edit"), "/p/1/edit", hit("/p/[id]/edit", "id", "1")),
        c("[x] at the root takes what no static page does", List.of("/posts", "/[root]"), "/post", hit("/[root]", "root", "post")),
        // Params.
        c("a param is decoded exactly once", List.of("/blog/[slug]"), "/blog/%2525", hit("/blog/[slug]", "slug", "%25")),
        c("%2F stays inside the param", List.of("/blog/[slug]"), "/blog/a%2Fb", hit("/blog/[slug]", "slug", "a/b")),
        c("+ stays +", List.of("/blog/[slug]"), "/blog/a+b", hit("/blog/[slug]", "slug", "a+b")),
        c("%20 is a space", List.of("/blog/[slug]"), "/blog/hello%20world", hit("/blog/[slug]", "slug", "hello world")),
        c("UTF-8 escapes decode", List.of("/blog/[slug]"), "/blog/%C3%A9t%C3%A9", hit("/blog/[slug]", "slug", "été")),
        c("a 4-byte escape gives a surrogate pair", List.of("/blog/[slug]"), "/blog/%F0%9F%98%80", hit("/blog/[slug]", "slug", "😀")),
        c("raw non-ASCII text passes through", List.of("/blog/[slug]"), "/blog/été😀", hit("/blog/[slug]", "slug", "été😀")),
        c("a catch-all is split on '/' before decoding",
            List.of("/docs/[...path]"), "/docs/a%2Fb/c", hit("/docs/[...path]", "path", List.of("a/b", "c"))),
        c("a one-segment catch-all is still a list", List.of("/docs/[...path]"), "/docs/a", hit("/docs/[...path]", "path", List.of("a"))),
        c("an optional catch-all on its bare path has no entry", List.of("/shop/[[...path]]"), "/shop", hit("/shop/[[...path]]")),
        c("an optional catch-all with segments gives a list",
            List.of("/shop/[[...path]]"), "/shop/a/b", hit("/shop/[[...path]]", "path", List.of("a", "b"))),
        c("params come in path order", List.of("/[org]/[repo]/[branch]/[...path]"), "/vercel/next.js/canary/docs/api",
            hit("/[org]/[repo]/[branch]/[...path]", "org", "vercel", "repo", "next.js", "branch", "canary", "path", List.of("docs", "api"))),
        c("param names keep non-word characters", List.of("/dash/[hello-world]"), "/dash/x", hit("/dash/[hello-world]", "hello-world", "x")),
        c("dots are ordinary characters", List.of("/[slug]"), "/hello.txt", hit("/[slug]", "slug", "hello.txt")),
        c("[...x] needs at least one segment", List.of("/shop/[...slug]"), "/shop", NOT_FOUND),
        c("[x] needs exactly one segment", List.of("/blog/[slug]"), "/blog/a/b", NOT_FOUND),
        // Malformed escapes: 400 once a route matched, decided by the first route that matches.
        c("a lone % in a param is a 400", List.of("/[name]"), "/%", BAD_ENCODING),
        c("a bad hex digit is a 400", List.of("/blog/[slug]"), "/blog/%zz", BAD_ENCODING),
        c("a truncated UTF-8 sequence is a 400", List.of("/blog/[slug]"), "/blog/%E0%A4%A", BAD_ENCODING),
        c("an overlong encoding is a 400", List.of("/blog/[slug]"), "/blog/%C0%AF", BAD_ENCODING),
        c("an encoded surrogate is a 400", List.of("/blog/[slug]"), "/blog/%ED%A0%80", BAD_ENCODING),
        c("a bad escape in any catch-all element is a 400", List.of("/docs/[...path]"), "/docs/a/%zz/b", BAD_ENCODING),
        c("the first route to match decides, malformed or not", List.of("/a/[x]", "/[...rest]"), "/a/%zz", BAD_ENCODING),
        c("a bad escape where only a literal could match is a 404", List.of("/about"), "/ab%zzut", NOT_FOUND),
        // Case.
        c("static segments are case-sensitive", List.of("/about"), "/About", NOT_FOUND),
        c("a case mismatch falls through to [x]", List.of("/about", "/[slug]"), "/About", hit("/[slug]", "slug", "About")),
        c("params keep their case", List.of("/blog/[slug]"), "/blog/Hello", hit("/blog/[slug]", "slug", "Hello")),
        // Encoded static segments compare decoded (see the class Javadoc).
        c("an encoded spelling reaches a static page", List.of("/about"), "/ab%6Fut", hit("/about")),
        c("lower-case hex reaches it too", List.of("/about"), "/ab%6fut", hit("/about")),
        c("an encoded static page beats [x]", List.of("/[slug]", "/about"), "/ab%6Fut", hit("/about")),
        c("an encoded literal of a dynamic route matches", List.of("/blog/[slug]"), "/bl%6Fg/x", hit("/blog/[slug]", "slug", "x")),
        c("a non-ASCII literal matches its encoded spelling", List.of("/café/[id]"), "/caf%C3%A9/1", hit("/café/[id]", "id", "1")),
        c("a non-ASCII literal matches its raw spelling", List.of("/café/[id]"), "/café/1", hit("/café/[id]", "id", "1")),
        c("an encoded slash never splits a static path", List.of("/a/b"), "/a%2Fb", NOT_FOUND),
        c("an encoded slash stays one segment for [x]", List.of("/a/b", "/[x]"), "/a%2Fb", hit("/[x]", "x", "a/b")),
        // Paths the dispatcher normally cleans first: never throw, never an empty param.
        c("the root", List.of("/", "/[id]"), "/", hit("/")),
        c("no route for the root", List.of("/about"), "/", NOT_FOUND),
        c("an empty table matches nothing", List.of(), "/", NOT_FOUND),
        c("the empty path matches nothing", List.of("/", "/[...all]"), "", NOT_FOUND),
        c("a path without a leading '/' matches nothing", List.of("/about", "/[...all]"), "about", NOT_FOUND),
        c("one trailing slash is ignored", List.of("/about"), "/about/", hit("/about")),
        c("one trailing slash is ignored after a param", List.of("/blog/[slug]"), "/blog/a/", hit("/blog/[slug]", "slug", "a")),
        c("one trailing slash is ignored after a catch-all", List.of("/docs/[...p]"), "/docs/a/b/", hit("/docs/[...p]", "p", List.of("a", "b"))),
        c("two trailing slashes match nothing", List.of("/about", "/[...all]"), "/about//", NOT_FOUND),
        c("an empty segment never matches [x]", List.of("/blog/[slug]", "/blog/[slug]/[id]"), "/blog//a", NOT_FOUND),
        c("an empty segment never reaches a catch-all", List.of("/[...all]"), "/a//b", NOT_FOUND),
        c("'//' matches nothing, not even the root", List.of("/", "/[...all]"), "//", NOT_FOUND));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matches(String name, List<String> patterns, String path, Object expected) {
    assertThat(describe(patterns, TestRoutes.matcher(patterns).match(path))).as(name).isEqualTo(expected);
  }

  @Test
  void reservedPathsAreNotFoundBeforeAnyDynamicRoute() {
    RouteMatcher matcher = TestRoutes.matcher(List.of("/[name]", "/[...rest]"), List.of("_app", "404"));
    assertThat(matcher.match("/_app")).isSameAs(RouteMatcher.Result.NOT_FOUND);
    assertThat(matcher.match("/404")).isSameAs(RouteMatcher.Result.NOT_FOUND);
    assertThat(matcher.match("/%5Fapp")).isSameAs(RouteMatcher.Result.NOT_FOUND);
    assertThat(matcher.match("/_app/")).isSameAs(RouteMatcher.Result.NOT_FOUND);
  }

  @Test
  void pathsBelowOrBesideAReservedPathRouteAsUsual() {
    List<String> patterns = List.of("/[name]", "/[name]/[...rest]", "/blog/[slug]");
    RouteMatcher matcher = TestRoutes.matcher(patterns, List.of("_app"));
    assertThat(describe(patterns, matcher.match("/_app/x"))).isEqualTo(hit("/[name]/[...rest]", "name", "_app", "rest", List.of("x")));
    assertThat(describe(patterns, matcher.match("/blog/_app"))).isEqualTo(hit("/blog/[slug]", "slug", "_app"));
    assertThat(describe(patterns, matcher.match("/_apps"))).isEqualTo(hit("/[name]", "name", "_apps"));
  }

  @Test
  void aMatchReportsTheIndexInTheGivenList() {
    RouteMatcher matcher = TestRoutes.matcher(List.of("/[slug]", "/about", "/blog/[slug]"));
    assertThat(matcher.match("/blog/x")).isEqualTo(new RouteMatcher.Result.Matched(2, Map.of("slug", "x")));
    assertThat(matcher.match("/about")).isEqualTo(new RouteMatcher.Result.Matched(1, Map.of()));
  }

  @Test
  void missesAreTheSharedConstants() {
    RouteMatcher matcher = TestRoutes.matcher(List.of("/blog/[slug]"));
    assertThat(matcher.match("/nope")).isSameAs(RouteMatcher.Result.NOT_FOUND);
    assertThat(matcher.match("/blog/%")).isSameAs(RouteMatcher.Result.BAD_ENCODING);
    assertThat(RouteMatcher.Result.NOT_FOUND).hasToString("NOT_FOUND");
    assertThat(RouteMatcher.Result.BAD_ENCODING).hasToString("BAD_ENCODING");
  }

  @Test
  void aStaticMatchAllocatesNoNewResult() {
    RouteMatcher matcher = TestRoutes.matcher(List.of("/about", "/[slug]"));
    assertThat(matcher.match("/about")).isSameAs(matcher.match("/about"));
  }

  @Test
  void paramsAreUnmodifiableAndPrintInPathOrder() {
    RouteMatcher matcher = TestRoutes.matcher(List.of("/[b]/[a]/[...rest]"));
    RouteMatcher.Result.Matched matched = (RouteMatcher.Result.Matched) matcher.match("/1/2/x/y");
    Map<String, Object> params = matched.params();
    assertThat(params).hasToString("{b=1, a=2, rest=[x, y]}");
    assertThat(params.get("a")).isEqualTo("2");
    assertThat(params.containsKey("rest")).isTrue();
    assertThat(params.get("missing")).isNull();
    assertThat(params).isEqualTo(Map.of("a", "2", "b", "1", "rest", List.of("x", "y")));
    assertThat(params.hashCode()).isEqualTo(Map.of("a", "2", "b", "1", "rest", List.of("x", "y")).hashCode());
    assertThatThrownBy(() -> params.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> params.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) params.get("rest")).clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aLargeTableFindsEveryStaticChildAndNothingElse() {
    List<String> patterns = new java.util.ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      patterns.add("/post-" + i);
      patterns.add("/post-" + i + "/edit");
    }
    patterns.add("/[slug]");
    RouteMatcher matcher = TestRoutes.matcher(patterns);
    for (int i = 0; i < 3_000; i++) {
      assertThat(matcher.match("/post-" + i)).isEqualTo(new RouteMatcher.Result.Matched(2 * i, Map.of()));
      assertThat(matcher.match("/post-" + i + "/edit")).isEqualTo(new RouteMatcher.Result.Matched(2 * i + 1, Map.of()));
    }
    assertThat(matcher.match("/post-3000")).isEqualTo(new RouteMatcher.Result.Matched(6_000, Map.of("slug", "post-3000")));
    assertThat(matcher.match("/post-1/view")).isSameAs(RouteMatcher.Result.NOT_FOUND);
  }

  private static Arguments c(String name, List<String> patterns, String path, Object expected) {
    return arguments(name, patterns, path, expected);
  }

  /** A match of {@code pattern} with {@code params} given as name, value pairs. */
  private static Map<String, Object> hit(String pattern, Object... params) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("route", pattern);
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      values.put((String) params[i], params[i + 1]);
    }
    expected.put("params", values);
    expected.put("order", List.copyOf(values.keySet()));
    return expected;
  }

  private static Object describe(List<String> patterns, RouteMatcher.Result result) {
    if (result instanceof RouteMatcher.Result.Matched matched) {
      Map<String, Object> actual = new LinkedHashMap<>();
      actual.put("route", patterns.get(matched.index()));
      actual.put("params", new LinkedHashMap<>(matched.params()));
      actual.put("order", List.copyOf(matched.params().keySet()));
      return actual;
    }
    return result == RouteMatcher.Result.NOT_FOUND ? NOT_FOUND : BAD_ENCODING;
  }
}
