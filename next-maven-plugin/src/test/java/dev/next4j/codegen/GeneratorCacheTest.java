package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.codegen.GenerationResult.Failed;
import dev.next4j.codegen.GenerationResult.Generated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's memory across the dev server's runs: what it reuses, and that a run with a cache
 * writes exactly what a run without one writes.
 */
class GeneratorCacheTest {
  private static final String ROUTES = "target/generated-sources/next/com/acme/Routes.java";
  private static final String SERVER = "target/generated-sources/next/com/acme/NextServer.java";

  @TempDir Path dir;
  @TempDir Path fresh;
  final GeneratorCache cache = new GeneratorCache();

  @Test
  void anEditOfWhatAPageRendersReusesTheReadingsAndTheOutput() throws IOException {
    Site site = new Site(dir);
    SampleSite.everyRouteKind(dir);
    NextGenerator.generate(site.config(), cache);
    Path about = dir.resolve(Site.PAGES + "/AboutUs.java");
    Files.writeString(about, Files.readString(about) + "\n// rendered differently now\n");

    GeneratorConfig config = site.config();
    PagesScanner scanner = new PagesScanner(config, new Diagnostics(dir));
    PagesScanner.PagesTree tree = scanner.list().orElseThrow();
    List<PagesScanner.PageSource> sources = scanner.read(tree, cache);

    assertThat(cache.output(config, tree, sources)).as("same places, kinds and declarations").isPresent();
    assertThat(cache.read(sources.get(0).file(), Files.readAllBytes(sources.get(0).file().path()))).isPresent();
    assertThat(cache.read(sources.get(0).file(), new byte[] {1, 2, 3})).as("other content").isEmpty();
    GenerationResult again = NextGenerator.generate(config, cache);
    assertThat(again).isInstanceOf(Generated.class);
    assertThat(((Generated) again).written()).as("nothing to write").isEmpty();
    assertSameAsWithoutCache(site);
  }

  @Test
  void aChangedDeclarationAnAddedPageOrAnotherBasePathIsGeneratedAgain() throws IOException {
    Site site = new Site(dir);
    site.page("Index.java", "implements Page<Routes.Index>");
    NextGenerator.generate(site.config(), cache);

    site.page("Index.java", "implements StaticPage<Routes.Index>");
    assertThat(NextGenerator.generate(site.config(), cache)).isInstanceOf(Generated.class);
    assertSameAsWithoutCache(site);

    site.page("About.java", "implements Page<Routes.About>");
    assertThat(((Generated) NextGenerator.generate(site.config(), cache)).routeCount()).isEqualTo(2);
    assertSameAsWithoutCache(site);

    GeneratorConfig docs = new GeneratorConfig(dir, site.config().sourceRoots(), java.util.Optional.empty(),
        java.util.Optional.empty(), site.config().outputDir(), site.config().manifestFile(),
        ServerSettings.defaults().withBasePath("/docs"));
    NextGenerator.generate(docs, cache);
    assertThat(Files.readString(dir.resolve(SERVER))).contains("/docs");
  }

  @Test
  void aPageThatBreaksAfterAGoodRunFailsAlthoughItsDeclarationIsTheSame() throws IOException {
    Site site = new Site(dir);
    site.page("Index.java", "implements Page<Routes.Index>");
    NextGenerator.generate(site.config(), cache);

    site.file(Site.PAGES + "/Index.java", "package com.acme.elsewhere;\n\npublic final class Index implements "
        + "Page<Routes.Index> {}\n");

    assertThat(NextGenerator.generate(site.config(), cache)).isInstanceOf(Failed.class);
    site.page("Index.java", "implements Page<Routes.Index>");
    assertThat(NextGenerator.generate(site.config(), cache)).isInstanceOf(Generated.class);
    assertSameAsWithoutCache(site);
  }

  /** The generated sources equal those a run without a cache writes for a copy of the site. */
  private void assertSameAsWithoutCache(Site site) throws IOException {
    try (var files = Files.walk(dir.resolve("src"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = fresh.resolve(dir.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    NextGenerator.generate(GeneratorConfig.defaults(fresh), new GeneratorCache());
    assertThat(dir.resolve(ROUTES)).hasSameTextualContentAs(fresh.resolve(ROUTES));
    assertThat(Files.readString(dir.resolve(SERVER))).isEqualTo(Files.readString(fresh.resolve(SERVER)));
  }
}
