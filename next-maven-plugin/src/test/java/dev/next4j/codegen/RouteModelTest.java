package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.codegen.RouteModel.Special;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteModelTest {
  @TempDir Path dir;

  private Site site() {
    return new Site(dir);
  }

  private static String describe(PageRoute route) {
    return route.pattern() + " " + route.kind().manifestName + " " + route.pageClass() + " " + route.source();
  }

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource(delimiter = '|', textBlock = """
      Index.java                      | /                        | page
      About.java                      | /about                   | page
      about.java                      | /about                   | page
      AboutUs.java                    | /about-us                | page
      HTMLParser.java                 | /html-parser             | page
      V2Api.java                      | /v2-api                  | page
      getURL.java                     | /get-url                 | page
      getting_started/Index.java      | /getting-started         | page
      gettingStarted/Index.java       | /getting-started         | page
      index/Index.java                | /index                   | page
      blog/Index.java                 | /blog                    | page
      blog/FirstPost.java             | /blog/first-post         | page
      blog/$slug.java                 | /blog/[slug]             | page
      blog/$slug/Index.java           | /blog/[slug]             | page
      blog/$post_id/Comments.java     | /blog/[post_id]/comments | page
      docs/$$path.java                | /docs/[...path]          | page
      shop/$$$path.java               | /shop/[[...path]]        | page
      shop/$$$path/Index.java         | /shop/[[...path]]        | page
      api/Hello.java                  | /api/hello               | api
      api/Index.java                  | /api                     | api
      Api.java                        | /api                     | api
      api/post/$pid.java              | /api/post/[pid]          | api
      Apis.java                       | /apis                    | page
      New/Index.java                  | /new                     | page
      """)
  void mapsAFileToItsRoute(String file, String pattern, String kind) throws IOException {
    site().page(file);

    RouteModel model = site().model().get();

    assertThat(model.routes()).extracting(RouteModel.PageRoute::pattern).containsExactly(pattern);
    assertThat(model.routes().get(0).kind().manifestName).isEqualTo(kind);
    assertThat(site().model().diagnostics()).isEmpty();
  }

  @Test
  void namesThePageClassAndTheFilesOfARoute() throws IOException {
    site().page("blog/$slug.java");

    PageRoute route = site().model().get().routes().get(0);

    assertThat(describe(route)).isEqualTo("/blog/[slug] page com.acme.pages.blog.$slug src/main/java/com/acme/pages/blog/$slug.java");
    assertThat(route.page()).isEqualTo("blog/$slug.java");
  }

  @Test
  void takesAPageThatImplementsStaticPageForAStaticRoute() throws IOException {
    site().page("About.java", "implements StaticPage<Routes.About>").page("api/Data.java", "implements StaticPage<Routes.ApiData>");

    assertThat(site().model().get().routes()).extracting(RouteModelTest::describe).containsExactly(
        "/about static com.acme.pages.About src/main/java/com/acme/pages/About.java",
        "/api/data api com.acme.pages.api.Data src/main/java/com/acme/pages/api/Data.java");
  }

  @Test
  void takesTheSpecialPagesOnlyAtThePagesRoot() throws IOException {
    site().page("_Middleware.java").page("_500.java").page("_404.java").page("_App.java").page("blog/_App.java").page("Index.java");

    RouteModel model = site().model().get();

    assertThat(model.specials()).extracting(special -> special.kind() + " " + special.pageClass() + " " + special.source())
        .containsExactly(
            "APP com.acme.pages._App src/main/java/com/acme/pages/_App.java",
            "MIDDLEWARE com.acme.pages._Middleware src/main/java/com/acme/pages/_Middleware.java",
            "NOT_FOUND com.acme.pages._404 src/main/java/com/acme/pages/_404.java",
            "ERROR com.acme.pages._500 src/main/java/com/acme/pages/_500.java");
    assertThat(model.routes()).extracting(PageRoute::pattern).containsExactly("/");
  }

  @Test
  void leavesPrivateFilesAndFoldersOutOfTheRoutes() throws IOException {
    site().page("_Layout.java").page("_components/Nav.java").page("blog/_Shared.java").page("blog/$slug.java");

    RouteModel model = site().model().get();

    assertThat(model.routes()).extracting(PageRoute::pattern).containsExactly("/blog/[slug]");
    assertThat(model.specials()).extracting(Special::pageClass).isEmpty();
    assertThat(site().model().diagnostics()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      my-page.java    | src/main/java/com/acme/pages/my-page.java    | The file name 'my-page' is not a Java identifier, so it cannot name a page class; name it 'MyPage' instead (route segment 'my-page').
      my-docs/A.java  | src/main/java/com/acme/pages/my-docs         | The folder name 'my-docs' is not a Java identifier, so it cannot name a package; name it 'my_docs' instead (route segment 'my-docs').
      2024/A.java     | src/main/java/com/acme/pages/2024            | The folder name '2024' is not a Java identifier, so it cannot name a package; names start with a letter; for a number in the URL use a parameter such as $id.
      new/A.java      | src/main/java/com/acme/pages/new             | The folder name 'new' is a Java keyword, so it cannot name a package; name it 'New' instead: it gives the same route segment ('new').
      a$b.java        | src/main/java/com/acme/pages/a$b.java        | The file name 'a$b' has a '$' after its start; '$' may only start a name: $id is a parameter, $$path a catch-all, $$$path an optional catch-all.
      $$$$path.java   | src/main/java/com/acme/pages/$$$$path.java   | The file name '$$$$path' starts with 4 '$'; use $id for a parameter, $$path for a catch-all or $$$path for an optional catch-all.
      $$.java         | src/main/java/com/acme/pages/$$.java         | The file name '$$' has no parameter name after its '$'; write for example '$$slug'.
      café.java       | src/main/java/com/acme/pages/café.java       | The file name 'café' has the character 'é', which a URL path cannot carry as it is; use ASCII letters, digits and '_'.
      """)
  void reportsANameThatCannotBeMapped(String file, String where, String message) throws IOException {
    site().page(file);

    Site.Modelled modelled = site().model();

    assertThat(modelled.get().routes()).isEmpty();
    assertThat(modelled.diagnostics()).extracting(Diagnostic::format)
        .containsExactly(where + ": error: [next.invalid-page-name] " + message);
  }

  @Test
  void reportsABadFolderOnceForAllItsPages() throws IOException {
    site().page("my-docs/A.java").page("my-docs/B.java").page("Index.java");

    Site.Modelled modelled = site().model();

    assertThat(modelled.diagnostics()).extracting(Diagnostic::file).containsExactly("src/main/java/com/acme/pages/my-docs");
    assertThat(modelled.get().routes()).extracting(PageRoute::pattern).containsExactly("/");
  }

  @Test
  void keepsRoutesInFileOrder() throws IOException {
    site().page("b/Index.java").page("a/Index.java").page("Index.java");

    assertThat(site().model().get().routes()).extracting(PageRoute::page)
        .containsExactly("Index.java", "a/Index.java", "b/Index.java");
  }

  @Test
  void kebabCasesCamelCaseAndUnderscores() {
    assertThat(List.of("about", "AboutUs", "HTMLParser", "getURL", "V2Api", "page2", "getting_started", "OAuth", "ABC"))
        .extracting(RouteModel::kebab)
        .containsExactly("about", "about-us", "html-parser", "get-url", "v2-api", "page2", "getting-started", "o-auth", "abc");
  }
}
