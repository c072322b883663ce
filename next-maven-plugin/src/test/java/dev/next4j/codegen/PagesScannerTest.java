package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.codegen.PagesScanner.PageFile;
import dev.next4j.codegen.PagesScanner.PageSource;
import dev.next4j.codegen.PagesScanner.PagesTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagesScannerTest {
  @TempDir Path dir;

  private Site site() {
    return new Site(dir);
  }

  private record Listed(Optional<PagesTree> tree, List<String> diagnostics) {}

  private Listed list(GeneratorConfig config) throws IOException {
    Diagnostics diagnostics = new Diagnostics(config.projectDir());
    Optional<PagesTree> tree = new PagesScanner(config, diagnostics).list();
    return new Listed(tree, diagnostics.all().stream().map(Diagnostic::format).toList());
  }

  private GeneratorConfig withPackages(Optional<String> pagesPackage, Optional<String> generatedPackage) {
    GeneratorConfig defaults = site().config();
    return new GeneratorConfig(dir, defaults.sourceRoots(), pagesPackage, generatedPackage, defaults.outputDir(),
        defaults.manifestFile(), defaults.settings());
  }

  @Test
  void findsTheOnePackageNamedPagesAndListsItsJavaFiles() throws IOException {
    site().page("blog/$slug.java").page("Index.java").page("About.java")
        .file(Site.PAGES + "/notes.txt", "not a page")
        .file("src/main/java/com/acme/Helper.java", "package com.acme; class Helper {}");

    PagesTree tree = list(site().config()).tree().orElseThrow();

    assertThat(tree.pagesPackage()).isEqualTo("com.acme.pages");
    assertThat(tree.generatedPackage()).isEqualTo("com.acme");
    assertThat(tree.pagesDirs()).containsExactly(dir.resolve(Site.PAGES));
    assertThat(tree.files()).extracting(PageFile::relative)
        .containsExactlyInAnyOrder("About.java", "Index.java", "blog/$slug.java");
    PageFile slug = tree.files().stream().filter(file -> file.name().equals("$slug")).findFirst().orElseThrow();
    assertThat(slug.folders()).containsExactly("blog");
    assertThat(slug.path()).isEqualTo(dir.resolve(Site.PAGES + "/blog/$slug.java"));
  }

  @Test
  void readsTheFilesInPathOrder() throws IOException {
    site().page("blog/$slug.java").page("Index.java").page("About.java").page("b/Index.java");
    PagesScanner scanner = new PagesScanner(site().config(), new Diagnostics(dir));

    List<PageSource> sources = scanner.read(scanner.list().orElseThrow());

    assertThat(sources).extracting(source -> source.file().relative())
        .containsExactly("About.java", "Index.java", "b/Index.java", "blog/$slug.java");
  }

  @Test
  void skipsHiddenFilesAndFoldersAndPackageInfo() throws IOException {
    site().page("Index.java")
        .file(Site.PAGES + "/.#Index.java", "editor lock file")
        .file(Site.PAGES + "/.cache/Old.java", "hidden")
        .file(Site.PAGES + "/package-info.java", "package com.acme.pages;");

    assertThat(list(site().config()).tree().orElseThrow().files()).extracting(PageFile::relative).containsExactly("Index.java");
  }

  @Test
  void takesAFolderNamedPagesInsideThePagesPackageForARoute() throws IOException {
    site().page("Index.java").page("docs/pages/Index.java");

    PagesTree tree = list(site().config()).tree().orElseThrow();

    assertThat(tree.pagesPackage()).isEqualTo("com.acme.pages");
    assertThat(tree.files()).extracting(PageFile::relative).containsExactlyInAnyOrder("Index.java", "docs/pages/Index.java");
  }

  @Test
  void reportsThatNoPackageIsNamedPages() throws IOException {
    site().file("src/main/java/com/acme/Main.java", "package com.acme; class Main {}");

    assertThat(list(site().config()).diagnostics()).containsExactly("pom.xml: error: [next.no-pages-package] No package named"
        + " 'pages' under src/main/java; put your page classes in one (for example com/acme/pages/Index.java), or set"
        + " <pagesPackage> in the next-maven-plugin configuration.");
  }

  @Test
  void reportsThatNoSourceRootExists() throws IOException {
    assertThat(list(site().config()).diagnostics()).containsExactly("pom.xml: error: [next.no-pages-package] No package named"
        + " 'pages' under the source roots (none of them exists); put your page classes in one (for example"
        + " com/acme/pages/Index.java), or set <pagesPackage> in the next-maven-plugin configuration.");
  }

  @Test
  void reportsSeveralPackagesNamedPages() throws IOException {
    site().page("Index.java").file("src/main/java/com/other/pages/Index.java", "package com.other.pages; class Index {}");

    Listed listed = list(site().config());

    assertThat(listed.tree()).isEmpty();
    assertThat(listed.diagnostics()).containsExactly("pom.xml: error: [next.several-pages-packages] Found 2 packages named"
        + " 'pages' (com.acme.pages, com.other.pages); set <pagesPackage> in the next-maven-plugin configuration to the one"
        + " that holds your pages.");
  }

  @Test
  void usesTheConfiguredPagesPackage() throws IOException {
    site().file("src/main/java/com/acme/web/Index.java", "package com.acme.web; class Index {}")
        .file("src/main/java/com/other/pages/Index.java", "package com.other.pages; class Index {}");

    PagesTree tree = list(withPackages(Optional.of("com.acme.web"), Optional.empty())).tree().orElseThrow();

    assertThat(tree.pagesPackage()).isEqualTo("com.acme.web");
    assertThat(tree.generatedPackage()).isEqualTo("com.acme");
    assertThat(tree.files()).extracting(PageFile::relative).containsExactly("Index.java");
  }

  @Test
  void usesTheConfiguredGeneratedPackage() throws IOException {
    site().page("Index.java");

    PagesTree tree = list(withPackages(Optional.empty(), Optional.of("com.acme.generated"))).tree().orElseThrow();

    assertThat(tree.generatedPackage()).isEqualTo("com.acme.generated");
  }

  @Test
  void reportsAConfiguredPagesPackageThatIsNotThere() throws IOException {
    site().page("Index.java");

    assertThat(list(withPackages(Optional.of("com.acme.web"), Optional.empty())).diagnostics()).containsExactly(
        "pom.xml: error: [next.pages-package-not-found] <pagesPackage> com.acme.web is not a folder under src/main/java;"
            + " check the name, or remove <pagesPackage> to use the package named 'pages'.");
  }

  @Test
  void reportsPackageParametersThatAreNotPackageNames() throws IOException {
    site().page("Index.java");

    assertThat(list(withPackages(Optional.of("com.acme.new"), Optional.empty())).diagnostics()).containsExactly(
        "pom.xml: error: [next.invalid-package-name] <pagesPackage> 'com.acme.new' is not a Java package name; use"
            + " dot-separated identifiers that are not keywords, such as com.acme.pages.");
    assertThat(list(withPackages(Optional.empty(), Optional.of("com..acme"))).diagnostics()).containsExactly(
        "pom.xml: error: [next.invalid-package-name] <generatedPackage> 'com..acme' is not a Java package name; use"
            + " dot-separated identifiers that are not keywords, such as com.acme.pages.");
  }

  @Test
  void reportsATopLevelPagesPackageWithNoParentForTheGeneratedClasses() throws IOException {
    site().file("src/main/java/pages/Index.java", "package pages; class Index {}");

    assertThat(list(site().config()).diagnostics()).containsExactly("pom.xml: error: [next.no-generated-package] The pages"
        + " package 'pages' has no parent package to put Routes and NextServer in; move the pages into a package such as"
        + " com.acme.pages, or set <generatedPackage>.");
  }

  @Test
  void doesNotLookForPagesInTheGeneratedSources() throws IOException {
    site().page("Index.java").file("target/generated-sources/next/com/old/pages/Index.java", "package com.old.pages;");
    GeneratorConfig defaults = site().config();
    GeneratorConfig config = new GeneratorConfig(dir, List.of(dir.resolve("src/main/java"), defaults.outputDir()),
        Optional.empty(), Optional.empty(), defaults.outputDir(), defaults.manifestFile(), defaults.settings());

    assertThat(list(config).tree().orElseThrow().pagesPackage()).isEqualTo("com.acme.pages");
  }

  @Test
  void readsWhetherAPageIsStatic() throws IOException {
    site().page("About.java", "implements StaticPage<Routes.About>").page("Index.java", "implements Page<Routes.Index>");
    Diagnostics diagnostics = new Diagnostics(dir);
    PagesScanner scanner = new PagesScanner(site().config(), diagnostics);

    List<PageSource> sources = scanner.read(scanner.list().orElseThrow());

    assertThat(sources).extracting(source -> source.file().relative() + " " + source.staticPage())
        .containsExactly("About.java true", "Index.java false");
    assertThat(diagnostics.all()).isEmpty();
  }

  @Test
  void reportsAPackageLineThatDoesNotMatchTheFolderAtItsLine() throws IOException {
    site().file(Site.PAGES + "/blog/Post.java", "// a page\n\npackage com.acme.pages;\n\nclass Post {}\n")
        .file(Site.PAGES + "/About.java", "class About {}\n");
    Diagnostics diagnostics = new Diagnostics(dir);
    PagesScanner scanner = new PagesScanner(site().config(), diagnostics);

    scanner.read(scanner.list().orElseThrow());

    assertThat(diagnostics.all()).extracting(Diagnostic::format).containsExactly(
        Site.PAGES + "/About.java: error: [next.package-mismatch] The file has no package line but its folder is package"
            + " com.acme.pages; add 'package com.acme.pages;' at the top.",
        Site.PAGES + "/blog/Post.java:3: error: [next.package-mismatch] The file declares package com.acme.pages but its"
            + " folder is package com.acme.pages.blog; change the line to 'package com.acme.pages.blog;' or move the file.");
  }
}
