package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.codegen.GenerationResult.Generated;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.Match;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated sources compile with the pages against next-runtime, and what they do at run time:
 * the table holds every route in order, and each {@code href()} gives a URL that the table matches
 * back to the same params. Reflection loads the compiled classes here; generated code has none.
 */
class GeneratedSourcesCompileTest {
  private static final Path GENERATED = Path.of("target/generated-sources/next");

  @TempDir Path dir;

  private Path compiled(Site site) throws IOException {
    List<Javac.Report> reports = Javac.compile(dir.resolve("classes"), site.path("src/main/java"), site.path(GENERATED.toString()));
    assertThat(reports).isEmpty();
    return dir.resolve("classes");
  }

  @Test
  void generatedSourcesCompileWithoutWarningsAgainstTheRuntime() throws IOException {
    Site site = SampleSite.everyRouteKind(dir);

    assertThat(site.generate()).isInstanceOf(Generated.class);
    assertThat(Javac.compile(dir.resolve("classes"), site.path("src/main/java"), site.path(GENERATED.toString()))).isEmpty();
  }

  @Test
  void theGoldenRoutesCompileWithTheirPages() throws IOException {
    Site site = SampleSite.everyRouteKind(dir);
    site.generate();
    Path golden = Path.of("src/test/resources/goldens/RoutesWriterTest/writesEveryRouteKind/com/acme/Routes.java");
    Files.copy(golden, site.path(GENERATED + "/com/acme/Routes.java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThat(Javac.compile(dir.resolve("classes"), site.path("src/main/java"), site.path(GENERATED.toString()))).isEmpty();
  }

  @Test
  void theTableHoldsEveryRouteInMatchingOrderWithTheSpecialPages() throws Exception {
    Site site = SampleSite.everyRouteKind(dir);
    site.generate();

    try (Loaded loaded = new Loaded(compiled(site))) {
      RouteTable table = loaded.table();

      assertThat(table.routes()).extracting(e -> e.kind() + " " + e.pattern()).containsExactly("PAGE /", "STATIC_PAGE /about-us",
          "API /api/hello", "API /api/post/[pid]", "PAGE /blog/[slug]", "PAGE /docs/[...path]", "PAGE /getting-started",
          "PAGE /list", "PAGE /shop/[[...path]]", "PAGE /string");
      assertThat(table.routing().routes().get(4).handler().getClass().getName()).isEqualTo("com.acme.pages.blog.$slug");
      assertThat(table.routing().app()).isPresent();
      assertThat(table.routing().middleware()).isPresent();
      assertThat(table.routing().notFound().orElseThrow().getClass().getName()).isEqualTo("com.acme.pages._404");
      assertThat(table.routing().error().orElseThrow().getClass().getName()).isEqualTo("com.acme.pages._500");
    }
  }

  @Test
  void hrefsAreMatchedBackToTheSameParams() throws Exception {
    Site site = SampleSite.everyRouteKind(dir);
    site.generate();

    try (Loaded loaded = new Loaded(compiled(site))) {
      RouteTable table = loaded.table();
      String slug = "a b/c%d?e#f+g~h.i_j-k€ü";
      Object post = loaded.record("BlogSlug", slug);
      String href = loaded.href(post);

      assertThat(href).isEqualTo("/blog/a%20b%2Fc%25d%3Fe%23f%2Bg~h.i_j-k%E2%82%AC%C3%BC");
      assertThat(table.routing().match("GET", href)).isEqualTo(
          new Match.Found(table.routing().routes().get(4), Map.of("slug", slug)));

      Object docs = loaded.record("DocsPath", List.of("a b", "c/d", "é"));
      assertThat(loaded.href(docs)).isEqualTo("/docs/a%20b/c%2Fd/%C3%A9");
      assertThat(table.routing().match("GET", loaded.href(docs))).isEqualTo(
          new Match.Found(table.routing().routes().get(5), Map.of("path", List.of("a b", "c/d", "é"))));

      assertThat(loaded.href(loaded.record("ShopPath", List.of()))).isEqualTo("/shop");
      assertThat(loaded.href(loaded.record("ShopPath", List.of("x", "y")))).isEqualTo("/shop/x/y");
      assertThat(loaded.href(loaded.record("Index"))).isEqualTo("/");
      assertThat(loaded.href(loaded.record("GettingStarted"))).isEqualTo("/getting-started");
      assertThat(loaded.href(loaded.record("ApiPostPid", "42"))).isEqualTo("/api/post/42");
    }
  }

  @Test
  void recordsRejectParamsThatNoUrlCouldCarry() throws Exception {
    Site site = SampleSite.everyRouteKind(dir);
    site.generate();

    try (Loaded loaded = new Loaded(compiled(site))) {
      assertThatThrownBy(() -> loaded.record("BlogSlug", ""))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("slug must not be empty");
      assertThatThrownBy(() -> loaded.record("BlogSlug", (Object) null))
          .isInstanceOf(NullPointerException.class).hasMessage("slug");
      assertThatThrownBy(() -> loaded.record("DocsPath", List.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("path must have at least one segment");
      assertThatThrownBy(() -> loaded.record("ShopPath", List.of("a", "")))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("path must not have an empty segment: [a, ]");
    }
  }

  @Test
  void aPageThatDoesNotImplementItsRecordFailsAtTheTableLineThatNamesItsFile() throws IOException {
    // The generator reports a wrong record it can see (PageKinds); one that comes through the page's
    // own interface only javac sees, at the table line, which names the page file.
    Site site = SampleSite.everyRouteKind(dir);
    site.file(Site.PAGES + "/blog/_Wrong.java",
        "package com.acme.pages.blog;\n\npublic interface _Wrong extends dev.next4j.runtime.Page<com.acme.Routes.Index> {}\n");
    SampleSite.page(site, "blog/$slug.java", "_Wrong",
        "public Response render(Request request, Routes.Index params) {\n    return Response.html(\"\");\n  }");
    site.generate();

    List<Javac.Report> reports = Javac.compile(dir.resolve("classes"), site.path("src/main/java"), site.path(GENERATED.toString()));

    List<String> lines = Files.readAllLines(site.path(GENERATED + "/com/acme/Routes.java"), StandardCharsets.UTF_8);
    int line = 1 + lines.indexOf(lines.stream().filter(l -> l.contains("new com.acme.pages.blog.$slug()")).findFirst().orElseThrow());
    assertThat(reports).filteredOn(report -> report.kind() == javax.tools.Diagnostic.Kind.ERROR)
        .extracting(Javac.Report::toString).containsExactly(
            "ERROR Routes.java:" + line + ": incompatible types: com.acme.pages.blog.$slug cannot be converted to"
                + " dev.next4j.runtime.Page<com.acme.Routes.BlogSlug>");
    assertThat(lines.get(line - 1)).endsWith("// src/main/java/com/acme/pages/blog/$slug.java implements Page<Routes.BlogSlug>");
  }

  @Test
  void recordsNamedLikeTheTypesRoutesUsesStillCompile() throws Exception {
    Site site = new Site(dir);
    List<String> names = List.of("String", "List", "Objects", "Route", "RouteTable", "TableBuilder", "Segment", "ParamsFactory", "StringBuilder", "Collectors",
        "StandardCharsets", "Generated", "IllegalArgumentException", "Override", "Record");
    for (String name : names) {
      SampleSite.page(site, name + ".java", "Page<Routes." + name + ">",
          "public Response render(Request request, Routes." + name + " params) {\n    return Response.html(\"\");\n  }");
    }
    SampleSite.page(site, "docs/$$path.java", "Page<Routes.DocsPath>",
        "public Response render(Request request, Routes.DocsPath params) {\n    return Response.html(\"\");\n  }");
    SampleSite.page(site, "blog/$slug.java", "Page<Routes.BlogSlug>",
        "public Response render(Request request, Routes.BlogSlug params) {\n    return Response.html(\"\");\n  }");
    GeneratorConfig defaults = site.config();
    assertThat(NextGenerator.generate(new GeneratorConfig(dir, defaults.sourceRoots(), defaults.pagesPackage(),
        defaults.generatedPackage(), defaults.outputDir(), defaults.manifestFile(),
        ServerSettings.defaults().withTrailingSlash(true)))).isInstanceOf(Generated.class);

    try (Loaded loaded = new Loaded(compiled(site))) {
      assertThat(loaded.table().routes()).hasSize(names.size() + 2);
      assertThat(loaded.href(loaded.record("DocsPath", List.of("a.txt")))).isEqualTo("/docs/a.txt");
      assertThat(loaded.href(loaded.record("BlogSlug", "b"))).isEqualTo("/blog/b/");
      assertThat(loaded.href(loaded.record("String"))).isEqualTo("/string/");
    }
  }

  @Test
  void theServerCompilesEverySettingIntoItsConfig() throws Exception {
    Site site = SampleSite.everyRouteKind(dir);
    GeneratorConfig defaults = site.config();
    NextGenerator.generate(new GeneratorConfig(dir, defaults.sourceRoots(), defaults.pagesPackage(),
        defaults.generatedPackage(), defaults.outputDir(), defaults.manifestFile(),
        new ServerSettings("/docs", true, false, false, false, 5000, List.of(), true, null, true)));

    try (Loaded loaded = new Loaded(compiled(site))) {
      Object config = loaded.loader.loadClass("com.acme.NextServer").getField("CONFIG").get(null);

      assertThat(config).isEqualTo(NextConfig.builder().basePath("/docs").trailingSlash(true).poweredByHeader(false)
          .generateEtags(false).compress(false).bodySizeLimit(5000).caseSensitiveRoutes(true)
          .skipTrailingSlashRedirect(true).build());
    }
  }

  @Test
  void theServerCompilesThePomsRulesIntoItsConfig() throws Exception {
    Site site = SampleSite.everyRouteKind(dir);
    GeneratorConfig defaults = site.config();
    List<RuleSpec> rules = List.of(
        new RuleSpec(RouteRule.Kind.REDIRECT, 0, "/old/:slug", "/blog/:slug", true, null, null,
            List.of(new RuleSpec.ConditionSpec("header", "x-a", "(?<a>.*)")), List.of(), null),
        new RuleSpec(RouteRule.Kind.BEFORE_FILES, 0, "/docs/:path*", "/manual/:path*", null, null, null, List.of(),
            List.of(new RuleSpec.ConditionSpec("cookie", "beta", null)), null),
        new RuleSpec(RouteRule.Kind.FALLBACK, 0, "/:path*", "/", null, null, null, List.of(), List.of(), null,
            " false "),
        new RuleSpec(RouteRule.Kind.HEADERS, 0, "/api/:path*", null, null, null, Map.of("Cache-Control", "no-store"),
            List.of(new RuleSpec.ConditionSpec("host", null, "example\\.com")), List.of(), false));
    NextGenerator.generate(new GeneratorConfig(dir, defaults.sourceRoots(), defaults.pagesPackage(),
        defaults.generatedPackage(), defaults.outputDir(), defaults.manifestFile(),
        ServerSettings.defaults().withRules(rules)));

    try (Loaded loaded = new Loaded(compiled(site))) {
      Object config = loaded.loader.loadClass("com.acme.NextServer").getField("CONFIG").get(null);

      assertThat(config).isEqualTo(NextConfig.builder().rules(
          RouteRule.redirect("/old/:slug", "/blog/:slug", 308).has(RouteRule.Condition.header("x-a", "(?<a>.*)")),
          RouteRule.rewrite(RouteRule.Kind.BEFORE_FILES, "/docs/:path*", "/manual/:path*")
              .missing(RouteRule.Condition.cookie("beta")),
          RouteRule.rewrite(RouteRule.Kind.FALLBACK, "/:path*", "/").locale(false),
          RouteRule.headers("/api/:path*", Map.of("Cache-Control", "no-store"))
              .has(RouteRule.Condition.host("example\\.com")).basePath(false)).build());
    }
  }

  @Test
  void theServerCompilesThePomsI18nIntoItsConfig() throws Exception {
    Site site = SampleSite.everyRouteKind(dir);
    GeneratorConfig defaults = site.config();
    NextConfig.I18n i18n = new NextConfig.I18n(List.of("en-US", "fr", "nl-NL"), "en-US", false, List.of(
        new NextConfig.I18n.Domain("example.fr", "fr", List.of("nl-NL"), true),
        new NextConfig.I18n.Domain("example.com", "en-US", List.of(), false)));
    NextGenerator.generate(new GeneratorConfig(dir, defaults.sourceRoots(), defaults.pagesPackage(),
        defaults.generatedPackage(), defaults.outputDir(), defaults.manifestFile(),
        ServerSettings.defaults().withI18n(i18n)));

    try (Loaded loaded = new Loaded(compiled(site))) {
      Object config = loaded.loader.loadClass("com.acme.NextServer").getField("CONFIG").get(null);

      assertThat(config).isEqualTo(NextConfig.builder().i18n(i18n).build());
    }
  }

  @Test
  void eachPageGivesItsUrlInALocaleOfTheGeneratedLocales() throws Exception {
    Site site = SampleSite.everyRouteKind(dir);
    site.file(Site.PAGES + "/_Links.java", "package com.acme.pages;\n\nimport com.acme.Routes;\n\n"
        + "public final class _Links {\n  public static java.lang.String french() {\n"
        + "    return new Routes.BlogSlug(\"x\").href(Routes.Locales.FR);\n  }\n}\n");
    GeneratorConfig defaults = site.config();
    NextConfig.I18n i18n = NextConfig.I18n.of("en-US", "en-US", "fr", "nl-NL");
    NextGenerator.generate(new GeneratorConfig(dir, defaults.sourceRoots(), defaults.pagesPackage(),
        defaults.generatedPackage(), defaults.outputDir(), defaults.manifestFile(),
        ServerSettings.defaults().withBasePath("/docs").withI18n(i18n)));

    try (Loaded loaded = new Loaded(compiled(site))) {
      Class<?> locales = loaded.loader.loadClass("com.acme.Routes$Locales");
      Object fr = locales.getMethod("of", String.class).invoke(null, "FR");
      Object enUs = locales.getMethod("valueOf", String.class).invoke(null, "EN_US");
      Object post = loaded.record("BlogSlug", "a b");

      assertThat(loaded.href(post, fr)).isEqualTo("/docs/fr/blog/a%20b");
      assertThat(loaded.href(post, enUs)).isEqualTo("/docs/blog/a%20b");
      assertThat(loaded.href(loaded.record("Index"), fr)).isEqualTo("/docs/fr");
      assertThat(loaded.loader.loadClass("com.acme.pages._Links").getDeclaredMethod("french").invoke(null))
          .isEqualTo("/docs/fr/blog/x");
      assertThat(loaded.record("ApiPostPid", "1").getClass().getMethods()).as("API routes are not localized")
          .noneMatch(m -> m.getName().equals("href") && m.getParameterCount() > 0);
      assertThatThrownBy(() -> {
        try {
          locales.getMethod("of", String.class).invoke(null, "de");
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("not a locale of this site: \"de\" (its i18n locales are [en-US, fr, nl-NL])");
    }
  }

  @Test
  void aLinkToALocaleTheSiteDoesNotDeclareDoesNotCompile() throws IOException {
    Site site = SampleSite.everyRouteKind(dir);
    site.file(Site.PAGES + "/_Links.java", "package com.acme.pages;\n\nimport com.acme.Routes;\n\n"
        + "final class _Links {\n  static java.lang.String german() {\n"
        + "    return new Routes.Index().href(Routes.Locales.DE);\n  }\n}\n");
    GeneratorConfig defaults = site.config();
    NextGenerator.generate(new GeneratorConfig(dir, defaults.sourceRoots(), defaults.pagesPackage(),
        defaults.generatedPackage(), defaults.outputDir(), defaults.manifestFile(),
        ServerSettings.defaults().withI18n(NextConfig.I18n.of("en-US", "en-US", "fr"))));

    List<Javac.Report> reports = Javac.compile(dir.resolve("classes"), site.path("src/main/java"), site.path(GENERATED.toString()));

    assertThat(reports).filteredOn(report -> report.kind() == javax.tools.Diagnostic.Kind.ERROR)
        .extracting(Javac.Report::toString).singleElement().asString()
        .startsWith("ERROR _Links.java:7: cannot find symbol").contains("variable DE", "class com.acme.Routes.Locales");
  }

  @Test
  void theServerWithTheDefaultSettingsUsesTheDefaultConfig() throws Exception {
    Site site = SampleSite.everyRouteKind(dir);
    site.generate();

    try (Loaded loaded = new Loaded(compiled(site))) {
      assertThat(loaded.loader.loadClass("com.acme.NextServer").getField("CONFIG").get(null)).isSameAs(NextConfig.defaults());
    }
  }

  @Test
  void aTableSplitAcrossMethodsCompilesAndKeepsItsOrder() throws Exception {
    Site site = new Site(dir);
    for (String name : List.of("A", "B", "C", "D", "E", "F", "G")) {
      SampleSite.page(site, name + ".java", "Page<Routes." + name + ">",
          "public Response render(Request request, Routes." + name + " params) {\n    return Response.html(\"\");\n  }");
    }
    Generation generation = Generation.of(site);
    String routes = RoutesWriter.write(generation.model(), generation.routes(),
        GeneratedNames.of("com.acme", generation.routes(), 3), ServerSettings.defaults()).toString();
    site.file(GENERATED + "/com/acme/Routes.java", routes);
    assertThat(routes).contains("Table3.addTo(routes);");

    try (Loaded loaded = new Loaded(compiled(site))) {
      assertThat(loaded.table().routes()).extracting(e -> e.kind() + " " + e.pattern())
          .containsExactly("PAGE /a", "PAGE /b", "PAGE /c", "PAGE /d", "PAGE /e", "PAGE /f", "PAGE /g");
    }
  }

  /** The compiled site, loaded beside the runtime (whose classes come from the test class path). */
  private static final class Loaded implements AutoCloseable {
    private final URLClassLoader loader;

    Loaded(Path classes) throws IOException {
      loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedSourcesCompileTest.class.getClassLoader());
    }

    RouteTable table() throws ReflectiveOperationException {
      return (RouteTable) loader.loadClass("com.acme.Routes").getMethod("table").invoke(null);
    }

    Object record(String name, Object... components) throws Exception {
      Class<?> type = loader.loadClass("com.acme.Routes$" + name);
      try {
        return type.getDeclaredConstructors()[0].newInstance(components);
      } catch (InvocationTargetException e) {
        throw (Exception) e.getCause();
      }
    }

    String href(Object record) throws ReflectiveOperationException {
      return (String) record.getClass().getMethod("href").invoke(record);
    }

    String href(Object record, Object locale) throws ReflectiveOperationException {
      return (String) record.getClass().getMethod("href", locale.getClass()).invoke(record, locale);
    }

    @Override
    public void close() throws IOException {
      loader.close();
    }
  }
}
