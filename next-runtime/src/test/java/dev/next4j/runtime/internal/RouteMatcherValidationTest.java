package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link RouteMatcher#of} refuses, and the exact message it gives. */
class RouteMatcherValidationTest {
  static Stream<Arguments> rejected() {
    return Stream.of(
        c("no leading slash", "route pattern 'blog' must start with '/'", "blog"),
        c("the empty pattern", "route pattern '' must start with '/'", ""),
        c("an empty segment",
            "route pattern '/blog//x': empty segment (a '//' or a trailing '/')", "/blog//x"),
        c("a trailing slash",
            "route pattern '/blog/': empty segment (a '//' or a trailing '/')", "/blog/"),
        c("an empty param name", "route pattern '/[]': segment '[]' has an empty parameter name", "/[]"),
        c("an empty catch-all name", "route pattern '/a/[...]': segment '[...]' has an empty parameter name", "/a/[...]"),
        c("an optional non-catch-all param",
            "route pattern '/blog/[[slug]]': optional parameters are not supported ('[[slug]]'); "
                + "write '[[...slug]]' for an optional catch-all or '[slug]' for one segment",
            "/blog/[[slug]]"),
        c("a missing closing bracket",
            "route pattern '/blog/[[...id]': segment names may not start or end with extra brackets ('[...id')",
            "/blog/[[...id]"),
        c("an extra closing bracket",
            "route pattern '/blog/[...id]]': segment names may not start or end with extra brackets ('id]')",
            "/blog/[...id]]"),
        c("triple brackets",
            "route pattern '/blog/[[[...id]]]': segment names may not start or end with extra brackets ('[...id]')",
            "/blog/[[[...id]]]"),
        c("four dots",
            "route pattern '/blog/[....id]/abc': segment names may not start with erroneous periods ('.id')",
            "/blog/[....id]/abc"),
        c("a three-dot character",
            "route pattern '/blog/[…slug]': '[…slug]' has a three-dot character ('…'); did you mean '...'?",
            "/blog/[…slug]"),
        c("text mixed with brackets",
            "route pattern '/re[view]': segment 're[view]' mixes text and brackets; "
                + "a parameter must be the whole segment, as in '[id]'",
            "/re[view]"),
        c("a catch-all before the end",
            "route pattern '/docs/[...path]/edit': catch-all '[...path]' must be the last segment",
            "/docs/[...path]/edit"),
        c("an optional catch-all before the end",
            "route pattern '/[[...all]]/x': catch-all '[[...all]]' must be the last segment", "/[[...all]]/x"),
        c("one name twice along a path",
            "route pattern '/blog/[id]/[...id]': parameter name 'id' is used twice; give each its own name",
            "/blog/[id]", "/blog/[id]/[...id]"),
        c("a duplicate page", "route pattern '/about' is listed twice", "/about", "/about"),
        c("a duplicate dynamic route", "route pattern '/blog/[slug]' is listed twice", "/blog/[slug]", "/blog/[slug]"),
        c("a duplicate catch-all", "route pattern '/docs/[...p]' is listed twice", "/docs/[...p]", "/docs/[...p]"),
        c("two [x] names at one level",
            "route pattern '/[id]/comments' and '/[post]' give one level two parameter names ('post' and 'id'); use one name",
            "/[post]", "/[id]/comments"),
        c("two catch-all names at one level",
            "route pattern '/docs/[...b]' and '/docs/[...a]' give one level two parameter names ('a' and 'b'); use one name",
            "/docs/[...a]", "/docs/[...b]"),
        c("two optional catch-all names at one level",
            "route pattern '/s/[[...b]]' and '/s/[[...a]]' give one level two parameter names ('a' and 'b'); use one name",
            "/s/[[...a]]", "/s/[[...b]]"),
        c("an optional catch-all where a required one is",
            "route pattern '/x/[[...one]]' and '/x/[...one]' put a required and an optional catch-all at one level; keep one",
            "/x/[...one]", "/x/[[...one]]"),
        c("a required catch-all where an optional one is",
            "route pattern '/x/[...one]' and '/x/[[...one]]' put a required and an optional catch-all at one level; keep one",
            "/x/[[...one]]", "/x/[...one]"),
        c("a page beside an optional catch-all, page last",
            "route pattern '/sub' has the same specificity as the optional catch-all '/sub/[[...all]]', "
                + "which already matches it; remove one",
            "/sub/[[...all]]", "/sub"),
        c("a page beside an optional catch-all, page first",
            "route pattern '/sub' has the same specificity as the optional catch-all '/sub/[[...all]]', "
                + "which already matches it; remove one",
            "/sub", "/sub/[[...all]]"),
        c("the root beside a root optional catch-all",
            "route pattern '/' has the same specificity as the optional catch-all '/[[...all]]', "
                + "which already matches it; remove one",
            "/[[...all]]", "/"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejects(String name, String message, List<String> patterns) {
    assertThatThrownBy(() -> RouteMatcher.of(patterns))
        .as(name)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        c("[x] and [...y] at one level may differ in name", "", "/p2/[id]", "/p2/[...rest]"),
        c("[x] and [...x] at one level may share a name", "", "/blog/[slug]", "/blog/[...slug]"),
        c("one name in sibling branches", "", "/a/[id]", "/b/[id]"),
        c("the same [x] name down two branches", "", "/[id]/edit", "/[id]/view"),
        c("a route below an optional catch-all's parent", "", "/sub/[[...all]]", "/sub/x"),
        c("non-ASCII, dots and dashes in literals", "", "/café/v1.2/a-b", "/[x]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void accepts(String name, String unused, List<String> patterns) {
    assertThat(RouteMatcher.of(patterns).order()).as(name).hasSize(patterns.size());
  }

  @Test
  void reportsEveryProblemAtOnceOnePerLine() {
    assertThatThrownBy(() -> RouteMatcher.of(List.of("/ok", "nope", "/ok", "/[[x]]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(String.join("\n",
            "route pattern 'nope' must start with '/'",
            "route pattern '/ok' is listed twice",
            "route pattern '/[[x]]': optional parameters are not supported ('[[x]]'); "
                + "write '[[...x]]' for an optional catch-all or '[x]' for one segment"));
  }

  @Test
  void reportsEveryProblemOfOnePattern() {
    assertThatThrownBy(() -> RouteMatcher.of(List.of("/[...a]/b[c]/[a]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("route pattern '/[...a]/b[c]/[a]': catch-all '[...a]' must be the last segment; "
            + "segment 'b[c]' mixes text and brackets; a parameter must be the whole segment, as in '[id]'; "
            + "parameter name 'a' is used twice; give each its own name");
  }

  @Test
  void refusesARouteAtAReservedPath() {
    assertThatThrownBy(() -> RouteMatcher.of(List.of("/[slug]", "/404"), Set.of("/404", "/_app")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("route pattern '/404' is a reserved path: Next.js answers it with 404 and never routes it; "
            + "leave it out of the table");
  }

  @Test
  void refusesANullPattern() {
    assertThatThrownBy(() -> RouteMatcher.of(Arrays.asList("/a", null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("patterns[1]");
  }

  private static Arguments c(String name, String message, String... patterns) {
    return arguments(name, message, List.of(patterns));
  }
}
