package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URL-shape rules, case by case; {@code null} means "stays as it is". */
class UrlRulesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "null", value = {
    "/about, null",
    "/, null",
    "//, /",
    "/blog//a, /blog/a",
    "/blog\\a, /blog/a",
    "\\\\evil.com, /evil.com",
    "/a///b//, /a/b/",
    "/a%5Cb, null",
  })
  void cleanSlashes(String path, String expected) {
    assertThat(UrlRules.cleanSlashes(path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} under \"{1}\" -> {2}")
  @CsvSource(nullValues = "null", value = {
    "/about, '', /about",
    "/docs, /docs, /",
    "/docs/, /docs, /",
    "/docs/about, /docs, /about",
    "/docsx, /docs, null",
    "/about, /docs, null",
    "/, /docs, null",
  })
  void stripBasePath(String path, String basePath, String expected) {
    assertThat(UrlRules.stripBasePath(path, basePath)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} (app {1}) trailingSlash={2} -> {3}")
  @CsvSource(nullValues = "null", value = {
    "/, /, false, null",
    "/, /, true, null",
    "/about/, /about/, false, /about",
    "/about, /about, false, null",
    "/docs/, /, false, /docs",
    "/about, /about, true, /about/",
    "/about/, /about/, true, null",
    "/docs, /, true, /docs/",
    "/docs/, /, true, null",
    "/catch-all/hello.world/, /catch-all/hello.world/, true, /catch-all/hello.world",
    "/catch-all/hello.world, /catch-all/hello.world, true, null",
    "/v1.x-beta/, /v1.x-beta/, true, null",
    "/.well-known/openid, /.well-known/openid, true, null",
    "/.well-known/x.json/, /.well-known/x.json/, true, null",
    "/.well-known, /.well-known, true, null",
  })
  void trailingSlashTarget(String path, String appPath, boolean trailingSlash, String expected) {
    assertThat(UrlRules.trailingSlashTarget(path, appPath, trailingSlash)).isEqualTo(expected);
  }

  @Test
  void aPlainTargetIsCheckedWithoutCopiesAndDotSegmentsAreStillFound() {
    assertThat(UrlRules.targetProblem("/blog/hello-world")).isNull();
    assertThat(UrlRules.targetProblem("/blog/hello-world?x=/../")).isNull();
    assertThat(UrlRules.targetProblem("/a/./b")).isEqualTo("the request path has a \".\" segment");
    assertThat(UrlRules.targetProblem("/a/..")).isEqualTo("the request path has a \"..\" segment");
    assertThat(UrlRules.targetProblem("/a/..?q")).isEqualTo("the request path has a \"..\" segment");
    assertThat(UrlRules.targetProblem("/a/%2E%2e/b")).isEqualTo("the request path has a \"..\" segment");
    assertThat(UrlRules.targetProblem("/a/...")).isNull();
    assertThat(UrlRules.targetProblem("/.well-known/x")).isNull();
    assertThat(UrlRules.targetProblem("/a%zz")).contains("malformed escape");
  }
}
