package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteValidatorTest {
  private static final String P = Site.PAGES + "/";

  @TempDir Path dir;

  private Site site(String... pages) {
    Site site = new Site(dir);
    for (String page : pages) {
      site.page(page);
    }
    return site;
  }

  private List<String> settingsProblems(ServerSettings settings) {
    Diagnostics diagnostics = new Diagnostics(dir);
    RouteValidator.validate(List.of(), settings, dir.resolve("pom.xml"), diagnostics);
    return diagnostics.all().stream().map(Diagnostic::format).toList();
  }

  @Test
  void acceptsEveryKindOfRouteTogether() throws IOException {
    assertThat(site("Index.java", "About.java", "blog/Index.java", "blog/$slug.java", "blog/$slug/Edit.java",
        "blog/$$rest.java", "docs/$$path.java", "shop/$$$path.java", "api/Hello.java", "api/post/$pid.java").validate())
        .isEmpty();
  }

  @Test
  void acceptsDifferentNamesForDifferentKindsOfParameterAtOneLevel() throws IOException {
    assertThat(site("p2/$id.java", "p2/$$rest.java", "blog/$slug.java", "blog/$$slug.java").validate()).isEmpty();
  }

  @Test
  void reportsTwoFilesForOneRoute() throws IOException {
    assertThat(site("About.java", "about/Index.java").validate()).containsExactly(
        P + "about/Index.java: error: [next.duplicate-route] Pages About.java and about/Index.java are both /about; remove"
            + " or rename one.");
  }

  @Test
  void reportsTwoFilesThatOnlyDifferInCaseForOneRoute() throws IOException {
    assertThat(site("About.java", "about.java", "blog/$slug.java", "blog/$slug/Index.java").validate()).containsExactly(
        P + "about.java: error: [next.duplicate-route] Pages About.java and about.java are both /about; remove or rename one.",
        P + "blog/$slug/Index.java: error: [next.duplicate-route] Pages blog/$slug.java and blog/$slug/Index.java are both"
            + " /blog/[slug]; remove or rename one.");
  }

  @Test
  void reportsTwoParameterNamesAtOneLevel() throws IOException {
    assertThat(site("blog/$id.java", "blog/$slug.java").validate()).containsExactly(
        P + "blog/$slug.java: error: [next.param-name-conflict] Pages blog/$id.java and blog/$slug.java give one level two"
            + " parameter names ('id' and 'slug'); rename one.");
  }

  @Test
  void reportsTwoParameterNamesAtOneLevelOnceForAFolder() throws IOException {
    assertThat(site("$post.java", "$id/Comments.java", "$id/Likes.java").validate()).containsExactly(
        P + "$post.java: error: [next.param-name-conflict] Pages $id/Comments.java and $post.java give one level two"
            + " parameter names ('id' and 'post'); rename one.");
  }

  @Test
  void reportsTwoCatchAllNamesAtOneLevel() throws IOException {
    assertThat(site("docs/$$path.java", "docs/$$rest/Index.java").validate()).containsExactly(
        P + "docs/$$rest/Index.java: error: [next.param-name-conflict] Pages docs/$$path.java and docs/$$rest/Index.java"
            + " give one level two parameter names ('path' and 'rest'); rename one.");
  }

  @Test
  void reportsAParameterNameRepeatedAlongAPath() throws IOException {
    assertThat(site("blog/$id/$$id.java").validate()).containsExactly(
        P + "blog/$id/$$id.java: error: [next.param-name-repeated] Page blog/$id/$$id.java uses the parameter name 'id'"
            + " twice in /blog/[id]/[...id]; rename one.");
  }

  @Test
  void reportsACatchAllThatIsNotLast() throws IOException {
    assertThat(site("docs/$$path/Edit.java", "docs/$$path/Index.java", "shop/$$$all/$id.java").validate()).containsExactly(
        P + "docs/$$path/Edit.java: error: [next.catch-all-not-last] Page docs/$$path/Edit.java goes on after the catch-all"
            + " docs/$$path (/docs/[...path]/edit), but a catch-all must be the last part of a URL; move the page out of"
            + " docs/$$path.",
        P + "shop/$$$all/$id.java: error: [next.catch-all-not-last] Page shop/$$$all/$id.java goes on after the catch-all"
            + " shop/$$$all (/shop/[[...all]]/[id]), but a catch-all must be the last part of a URL; move the page out of"
            + " shop/$$$all.");
  }

  @Test
  void reportsACatchAllAndAnOptionalCatchAllAtOneLevel() throws IOException {
    assertThat(site("docs/$$path.java", "docs/$$$rest.java").validate()).containsExactly(
        P + "docs/$$path.java: error: [next.catch-all-and-optional] Pages docs/$$path.java (/docs/[...path]) and"
            + " docs/$$$rest.java (/docs/[[...rest]]) put a catch-all and an optional catch-all at one level; keep one: the"
            + " optional one matches everything the other does, and /docs too.");
  }

  @Test
  void reportsAPageBesideAnOptionalCatchAll() throws IOException {
    assertThat(site("shop/Index.java", "shop/$$$path.java").validate()).containsExactly(
        P + "shop/Index.java: error: [next.optional-catch-all-conflict] Pages shop/Index.java and shop/$$$path.java both"
            + " match /shop, because an optional catch-all also matches its folder's own path; remove shop/Index.java, or"
            + " make the catch-all required ($$ instead of $$$).");
  }

  @Test
  void reportsTheRootPageBesideARootOptionalCatchAll() throws IOException {
    assertThat(site("Index.java", "$$$all.java").validate()).containsExactly(
        P + "Index.java: error: [next.optional-catch-all-conflict] Pages Index.java and $$$all.java both match /, because"
            + " an optional catch-all also matches its folder's own path; remove Index.java, or make the catch-all required"
            + " ($$ instead of $$$).");
  }

  @Test
  void reportsEveryProblemAtOnce() throws IOException {
    assertThat(site("About.java", "about/Index.java", "blog/$id.java", "blog/$slug.java", "docs/$$path/Edit.java",
        "my-page.java").validate()).extracting(line -> line.substring(0, line.indexOf(']') + 1)).containsExactly(
        P + "about/Index.java: error: [next.duplicate-route]",
        P + "blog/$slug.java: error: [next.param-name-conflict]",
        P + "docs/$$path/Edit.java: error: [next.catch-all-not-last]",
        P + "my-page.java: error: [next.invalid-page-name]");
  }

  @Test
  void acceptsNextJsBasePaths() {
    assertThat(settingsProblems(ServerSettings.defaults())).isEmpty();
    assertThat(settingsProblems(ServerSettings.defaults().withBasePath("/docs"))).isEmpty();
    assertThat(settingsProblems(ServerSettings.defaults().withBasePath("/docs/v1.2_x~y-z"))).isEmpty();
  }

  @Test
  void reportsABasePathWithoutALeadingSlash() {
    assertThat(settingsProblems(ServerSettings.defaults().withBasePath("docs"))).containsExactly(
        "pom.xml: error: [next.invalid-base-path] <basePath> \"docs\" must start with '/', as in \"/docs\".");
  }

  @Test
  void reportsABasePathWithATrailingSlash() {
    assertThat(settingsProblems(ServerSettings.defaults().withBasePath("/docs/"))).containsExactly(
        "pom.xml: error: [next.invalid-base-path] <basePath> \"/docs/\" must not end with '/', as in \"/docs\".");
    assertThat(settingsProblems(ServerSettings.defaults().withBasePath("/"))).containsExactly(
        "pom.xml: error: [next.invalid-base-path] <basePath> \"/\" must not end with '/'; leave it empty for no base path.");
  }

  @Test
  void reportsABasePathThatIsNotAPlainPrefix() {
    for (String basePath : List.of("/docs?x", "/a//b", "/a/../b", "/a b", "/caf%C3%A9", "/café")) {
      assertThat(settingsProblems(ServerSettings.defaults().withBasePath(basePath))).as(basePath).containsExactly(
          "pom.xml: error: [next.invalid-base-path] <basePath> \"" + basePath + "\" must be a plain path prefix such as"
              + " \"/docs\": segments of ASCII letters, digits, '-', '.', '_' and '~', other than '.' and '..', each after"
              + " one '/'.");
    }
  }

  @Test
  void reportsANegativeBodySizeLimit() {
    assertThat(settingsProblems(ServerSettings.defaults().withBodySizeLimit(-1))).containsExactly(
        "pom.xml: error: [next.invalid-body-size-limit] <bodySizeLimit> -1 must be 0 or more bytes; the default is"
            + " 1048576 (1 MiB).");
    assertThat(settingsProblems(ServerSettings.defaults().withBodySizeLimit(0))).isEmpty();
  }
}
