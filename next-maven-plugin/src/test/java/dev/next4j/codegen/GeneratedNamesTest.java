package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.codegen.RouteModel.PageRoute;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratedNamesTest {
  private static PageRoute route(String pattern) {
    return new PageRoute(NextJsPatterns.segments(pattern), RouteModel.Kind.PAGE, "com.acme.pages.X", Path.of("X.java"),
        "X.java", "X.java");
  }

  private static List<String> names(String... patterns) {
    List<PageRoute> routes = RouteOrder.sort(List.of(patterns).stream().map(GeneratedNamesTest::route).toList());
    GeneratedNames names = GeneratedNames.of("com.acme", routes);
    return routes.stream().map(r -> r.pattern() + " " + names.record(r).simpleName()).toList();
  }

  @Test
  void theGeneratedClassesAreRoutesAndNextServerInTheGeneratedPackage() {
    assertThat(GeneratedNames.routesClass("com.acme")).isEqualTo("com.acme.Routes");
    assertThat(GeneratedNames.serverClass("com.acme")).isEqualTo("com.acme.NextServer");
  }

  @Test
  void namesRecordsFromTheirPathInPascalCase() {
    assertThat(names("/", "/about-us", "/blog/[slug]", "/docs/[...path]", "/shop/[[...path]]", "/users/[user_id]",
        "/api/hello", "/v2-api/[postId]"))
        .containsExactly("/ Index", "/about-us AboutUs", "/api/hello ApiHello", "/blog/[slug] BlogSlug",
            "/docs/[...path] DocsPath", "/shop/[[...path]] ShopPath", "/users/[user_id] UsersUserId",
            "/v2-api/[postId] V2ApiPostId");
  }

  @Test
  void givesACollidingNameANumberInMatchingOrder() {
    assertThat(names("/blog/[slug]", "/blog/slug", "/index", "/", "/docs/[...path]", "/docs/[path]"))
        .containsExactly("/ Index", "/blog/slug BlogSlug", "/blog/[slug] BlogSlug2", "/docs/[path] DocsPath",
            "/docs/[...path] DocsPath2", "/index Index2");
  }

  @Test
  void neverNamesARecordRoutes() {
    assertThat(names("/routes", "/[routes]")).containsExactly("/routes Routes2", "/[routes] Routes3");
  }

  @Test
  void splitsABigTableIntoPartsThatNoRecordIsNamedAfter() {
    List<PageRoute> routes = RouteOrder.sort(List.of("/a", "/b", "/table1", "/table2", "/c").stream()
        .map(GeneratedNamesTest::route).toList());

    GeneratedNames names = GeneratedNames.of("com.acme", routes, 2);

    assertThat(names.tableParts()).containsExactly("Table1", "Table2", "Table3");
    assertThat(routes).extracting(r -> names.record(r).simpleName()).containsExactly("A", "B", "C", "Table12", "Table22");
    assertThat(GeneratedNames.of("com.acme", routes, 5).tableParts()).isEmpty();
  }

  @Test
  void leavesTheNameLocalesToTheEnumOfTheLocalesOnlyWithI18n() {
    List<PageRoute> routes = RouteOrder.sort(List.of(route("/locales")));

    assertThat(GeneratedNames.of("com.acme", routes, true).record(routes.get(0)).simpleName()).isEqualTo("Locales2");
    assertThat(GeneratedNames.of("com.acme", routes, false).record(routes.get(0)).simpleName()).isEqualTo("Locales");
  }

  @Test
  void namesEachLocaleConstantInUpperCase() {
    assertThat(GeneratedNames.localeConstants(List.of("en-US", "fr", "zh-Hant-TW", "1a", "-1a")))
        .containsExactly("EN_US", "FR", "ZH_HANT_TW", "_1A", "_1A_");
  }

  @Test
  void prefixesANameThatWouldStartWithADigit() {
    assertThat(names("/[1]")).containsExactly("/[1] _1");
  }

  @Test
  void namesTheGeneratedClasses() {
    GeneratedNames names = GeneratedNames.of("com.acme", List.of());

    assertThat(names.routes().canonicalName()).isEqualTo("com.acme.Routes");
    assertThat(names.server().canonicalName()).isEqualTo("com.acme.NextServer");
  }

  @Test
  void namesComponentsAfterTheirParameters() {
    assertThat(GeneratedNames.components(route("/blog/[slug]/[...rest]"))).containsExactly("slug", "rest");
  }

  @Test
  void escapesComponentNamesThatJavaOrTheRecordTakes() {
    assertThat(GeneratedNames.components(route("/[class]/[href]/[hashCode]/[1]/[class_]/[...toString]")))
        .containsExactly("class_", "href_", "hashCode_", "_1", "class__", "toString_");
  }

  @Test
  void makesTextSafeInsideAComment() {
    assertThat(GeneratedNames.comment("src/a*/b\\u000a\nc")).isEqualTo("src/a*?b?u000a?c");
  }
}
