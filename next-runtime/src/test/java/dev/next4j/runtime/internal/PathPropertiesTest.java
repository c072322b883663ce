package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.Request;
import dev.next4j.runtime.generated.TestRoutes;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the path canonicaliser ({@link UrlRules#canonicalPath}), the percent-decoder and
 * the matcher over random paths made of plain characters, valid escapes in either case, malformed
 * escapes, encoded slashes and non-ASCII text. Bounded tries keep it to a few seconds.
 */
class PathPropertiesTest {
  private static final RouteMatcher MATCHER = TestRoutes.matcher(List.of(
      "/admin", "/admin/users", "/blog/[slug]", "/[a]/b/[c]", "/docs/[...path]", "/shop/[[...rest]]", "/[page]"));

  @Property(tries = 1000)
  void aPathAndItsCanonicalFormReachTheSameRouteWithTheSameParams(@ForAll("paths") String path) {
    String canonical = UrlRules.canonicalPath(path);
    if (canonical == null) {
      return; // malformed: answered with 400 before routing
    }
    assertThat(MATCHER.match(canonical)).hasToString(MATCHER.match(path).toString());
  }

  @Property(tries = 1000)
  void canonicalFormIsStableAndSpellsEachCharacterOneWay(@ForAll("paths") String path) {
    String canonical = UrlRules.canonicalPath(path);
    if (canonical == null) {
      return;
    }
    assertThat(UrlRules.canonicalPath(canonical)).isEqualTo(canonical);
    assertThat(canonical.chars().allMatch(c -> c > ' ' && c < 127)).as(canonical).isTrue();
    // Each segment decodes to what the original segment decodes to: no segment split or merged.
    String[] before = path.split("/", -1);
    String[] after = canonical.split("/", -1);
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.length; i++) {
      assertThat(PercentDecoder.decode(after[i])).isEqualTo(PercentDecoder.decode(before[i]));
    }
    assertThat(Request.get(path).path()).isEqualTo(canonical);
  }

  @Property(tries = 1000)
  void noPathThrowsOnlyNullOrAProblemSaysItIsMalformed(@ForAll("paths") String path) {
    // Each returns a value or null (the documented 400), never throws.
    PercentDecoder.decode(path);
    UrlRules.canonicalPath(path);
    MATCHER.match(path);
    String problem = UrlRules.targetProblem(path);
    if (UrlRules.canonicalPath(path) == null && path.chars().allMatch(c -> c > ' ' && c < 127)) {
      assertThat(problem).isNotNull();
    }
  }

  @Property(tries = 500)
  void aSpellingOfAdminIsSeenAsAdminByTheCheckTheMiddlewareJavadocShows(@ForAll("adminSpellings") String path) {
    String canonical = UrlRules.canonicalPath(path);

    assertThat(canonical).startsWith("/admin");
    assertThat(MATCHER.match(path)).hasToString(MATCHER.match(canonical).toString());
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> token = Arbitraries.oneOf(
        Arbitraries.of("admin", "users", "blog", "docs", "shop", "b", "a", "x", "~", "-", ".", "!", "@", ":", "+", "é", "\uD83D\uDE00",
            " ", "\"", "\\", "%", "%z", "%zz", "%2F", "%2f", "%25", "%2525", "%C3%A9", "%c3%a9", "%C3", "%ED%A0%80", "%00", "%2E"),
        Arbitraries.integers().between(0, 255).flatMap(b -> Arbitraries.of(true, false).map(upper -> {
          String hex = String.format("%02x", b);
          return "%" + (upper ? hex.toUpperCase() : hex);
        })));
    Arbitrary<String> segment = token.list().ofMinSize(0).ofMaxSize(4).map(parts -> String.join("", parts));
    return segment.list().ofMinSize(1).ofMaxSize(4).map(segments -> "/" + String.join("/", segments));
  }

  @Provide
  Arbitrary<String> adminSpellings() {
    return Arbitraries.of(true, false).list().ofSize(5).flatMap(encode -> Arbitraries.of("", "/", "/users", "/%75sers")
        .map(rest -> {
          List<String> letters = new ArrayList<>();
          String word = "admin";
          for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            letters.add(encode.get(i) ? "%" + Integer.toHexString(c) : String.valueOf(c));
          }
          return "/" + String.join("", letters) + rest;
        }));
  }
}
