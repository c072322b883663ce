package dev.next4j.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.codegen.RouteManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticExportTest {
  @TempDir Path work;

  private static final String STATIC_ONLY = """
      pattern\tkind\tclass\tsource
      /\tstatic\tcom.acme.pages.Index\tsrc/main/java/com/acme/pages/Index.java
      /blog/[slug]\tstatic\tcom.acme.pages.blog.$slug\tsrc/main/java/com/acme/pages/blog/$slug.java
      """;

  private PrerenderedPages pages() throws IOException {
    Path folder = work.resolve("static");
    Files.createDirectories(folder.resolve("p"));
    Files.writeString(folder.resolve("p/0.html"), "<h1>home</h1>");
    Files.writeString(folder.resolve("p/1.html"), "<h1>hello world</h1>");
    return new PrerenderedPages(folder, List.of(
        new PrerenderedPages.Page("/", "/", "p/0.html", 13, -1),
        new PrerenderedPages.Page("/blog/hello%20world", "/blog/[slug]", "p/1.html", 20, -1)));
  }

  private RouteManifest manifest(String text) throws IOException {
    return RouteManifest.read(Files.writeString(work.resolve("routes.tsv"), text));
  }

  @Test
  void writesPagesAsHtmlFilesAndCopiesPublicFiles() throws Exception {
    Path publicFolder = Files.createDirectories(work.resolve("public/css"));
    Files.writeString(publicFolder.resolve("site.css"), "body{}");
    Path out = work.resolve("export");

    StaticExport.Result result = StaticExport.run(manifest(STATIC_ONLY), pages(), work.resolve("public"), out, false, false);

    assertThat(result.pages()).isEqualTo(2);
    assertThat(result.publicFiles()).isEqualTo(1);
    assertThat(out.resolve("index.html")).hasContent("<h1>home</h1>");
    assertThat(out.resolve("blog/hello world.html")).hasContent("<h1>hello world</h1>");
    assertThat(out.resolve("css/site.css")).hasContent("body{}");
  }

  @Test
  void aLocalesPagesGoIntoTheLocalesFolder() {
    assertThat(StaticExport.fileName("/fr/about", false)).isEqualTo("fr/about.html");
    assertThat(StaticExport.fileName("/en-US", false)).as("the default locale's root").isEqualTo("en-US.html");
    assertThat(StaticExport.fileName("/en-US", true)).isEqualTo("en-US/index.html");
  }

  @Test
  void trailingSlashWritesFoldersWithAnIndex() {
    assertThat(StaticExport.fileName("/about", true)).isEqualTo("about/index.html");
    assertThat(StaticExport.fileName("/about", false)).isEqualTo("about.html");
    assertThat(StaticExport.fileName("/", true)).isEqualTo("index.html");
    assertThatThrownBy(() -> StaticExport.fileName("/a/%2E%2E", false)).hasMessageContaining("cannot be a file name");
  }

  @Test
  void serverRoutesFailTheExportListedUnlessSkipped() throws Exception {
    RouteManifest routes = manifest(STATIC_ONLY
        + "/api/hello\tapi\tcom.acme.pages.api.Hello\tsrc/main/java/com/acme/pages/api/Hello.java\n"
        + "/account\tpage\tcom.acme.pages.Account\tsrc/main/java/com/acme/pages/Account.java\n");

    assertThatThrownBy(() -> StaticExport.run(routes, pages(), work.resolve("none"), work.resolve("out"), false, false))
        .isInstanceOf(BuildException.class)
        .hasMessageContaining("[next.export-dynamic-routes]")
        .hasMessageContaining("/api/hello (src/main/java/com/acme/pages/api/Hello.java)")
        .hasMessageContaining("/account (src/main/java/com/acme/pages/Account.java)");

    StaticExport.Result skipped = StaticExport.run(routes, pages(), work.resolve("none"), work.resolve("out"), false, true);
    assertThat(skipped.skipped()).hasSize(2);
    assertThat(work.resolve("out/index.html")).exists();
  }

  @Test
  void aPageAndAPublicFileOfTheSameNameConflict() throws Exception {
    Path publicFolder = Files.createDirectories(work.resolve("public"));
    Files.writeString(publicFolder.resolve("index.html"), "mine");

    assertThatThrownBy(() -> StaticExport.run(manifest(STATIC_ONLY), pages(), publicFolder, work.resolve("out"), false, false))
        .hasMessageContaining("[next.export-conflict]");
  }
}
