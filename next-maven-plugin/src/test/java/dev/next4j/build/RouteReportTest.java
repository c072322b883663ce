package dev.next4j.build;

import dev.next4j.codegen.RouteManifest;
import dev.next4j.codegen.RuleManifest;
import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteRule.Condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteReportTest {
  @TempDir Path work;

  private static final String MANIFEST = """
      pattern\tkind\tclass\tsource
      /\tpage\tcom.acme.pages.Index\tsrc/main/java/com/acme/pages/Index.java
      /blog/[slug]\tstatic\tcom.acme.pages.blog.$slug\tsrc/main/java/com/acme/pages/blog/$slug.java
      /docs/[...path]\tpage\tcom.acme.pages.docs.$$path\tsrc/main/java/com/acme/pages/docs/$$path.java
      /api/hello\tapi\tcom.acme.pages.api.Hello\tsrc/main/java/com/acme/pages/api/Hello.java
      \tapp\tcom.acme.pages._App\tsrc/main/java/com/acme/pages/_App.java
      \t404\tcom.acme.pages._404\tsrc/main/java/com/acme/pages/_404.java
      """;

  @Test
  void printsOneLinePerRouteThenSpecialsTotalsAndTheJar() throws IOException {
    Path classes = work.resolve("classes");
    classFile(classes, "com/acme/pages/Index.class", 1210);
    classFile(classes, "com/acme/pages/blog/$slug.class", 1500);
    classFile(classes, "com/acme/pages/blog/$slug$1.class", 550); // a lambda or anonymous class of the page
    classFile(classes, "com/acme/pages/docs/$$path.class", 12_345);
    classFile(classes, "com/acme/pages/api/Hello.class", 986);
    classFile(classes, "com/acme/pages/_App.class", 640);
    classFile(classes, "com/acme/pages/_404.class", 702);
    Path jar = Files.write(work.resolve("site-1.0.jar"), new byte[61_234]);

    Path prerendered = work.resolve("static");
    Files.createDirectories(prerendered);
    Files.writeString(prerendered.resolve("manifest.tsv"), """
        # next4j prerendered pages v1
        # path\tpattern\tfile\tgzip file\tcontent type\tetag\tbytes\trevalidate seconds
        /blog/a\t/blog/[slug]\tp/0.html\t-\ttext/html\t"x"\t1500\t60
        /blog/b\t/blog/[slug]\tp/1.html\tp/1.html.gz\ttext/html\t"y"\t2100\t60
        """);

    RouteReport report = RouteReport.of(
        manifest(MANIFEST), PrerenderedPages.read(prerendered), new RuleManifest(List.of()), classes, jar,
        "target/site-1.0.jar",
        RouteReport.Marks.UNICODE);

    assertThat(report.lines()).containsExactly(
        "  Route (pages)    Kind                       Size     HTML",
        "\u03bb /                server page                1.21 kB  -",
        "\u25cf /blog/[slug]     static, 2 paths, ISR 60 s  2.05 kB  3.60 kB",
        "\u03bb /docs/[...path]  server page                12.3 kB  -",
        "\u03bb /api/hello       API                        986 B    -",
        "  /_app            app                        640 B    -",
        "  /404             404 page                   702 B    -",
        "",
        "4 routes: 1 static page (2 prerendered, 3.60 kB), 2 server pages, 1 API route; page classes 16.6 kB",
        RouteReport.Marks.UNICODE.legend(),
        "Runnable jar: target/site-1.0.jar (61.2 kB)");
  }

  @Test
  void theRulesFollowThePagesInTheOrderARequestMeetsThem() throws IOException {
    Path jar = Files.write(work.resolve("site.jar"), new byte[10]);
    List<RouteRule> rules = List.of(
        RouteRule.rewrite(RouteRule.Kind.FALLBACK, "/:path+", "/legacy"),
        RouteRule.redirect("/old-blog/:slug", "/blog/:slug", true),
        RouteRule.rewrite(RouteRule.Kind.AFTER_FILES, "/about", "/about-us?from=:ref").has(Condition.query("ref")),
        RouteRule.redirect("/beta", "/about", 307).has(Condition.cookie("beta", "on")).missing(Condition.header("x-no")),
        RouteRule.headers("/api/:path*", Map.of("Cache-Control", "no-store")),
        RouteRule.redirect("/outside", "https://example.com/", 301).basePath(false));
    Path rulesFile = Files.writeString(RuleManifest.file(work.resolve("routes.tsv")), RuleManifest.of(rules).text());

    RouteReport report = RouteReport.of(
        manifest("pattern\tkind\tclass\tsource\n/\tpage\tcom.acme.pages.Index\tsrc/Index.java\n"),
        new PrerenderedPages(work, List.of()), RuleManifest.read(rulesFile), work, jar, "site.jar",
        RouteReport.Marks.UNICODE);

    assertThat(report.lines()).containsExactly(
        "  Route (pages)  Kind         Size     HTML",
        "\u03bb /              server page  -        -",
        "",
        "Headers",
        "  /api/:path*  Cache-Control: no-store",
        "",
        "Redirects",
        "  /old-blog/:slug -> /blog/:slug (308)",
        "  /beta           -> /about (307)   [has cookie beta=on; missing header x-no]",
        "  /outside        -> https://example.com/ (301)   [basePath false]",
        "",
        "Rewrites (afterFiles)",
        "  /about -> /about-us?from=:ref   [has query ref]",
        "",
        "Rewrites (fallback)",
        "  /:path+ -> /legacy",
        "",
        "1 route: 0 static pages, 1 server page, 0 API routes; page classes 0 B",
        RouteReport.Marks.UNICODE.legend(),
        "Runnable jar: site.jar (10 B)");
    assertThat(RuleManifest.read(work.resolve("none.tsv")).rows()).as("a site generated before rules were listed").isEmpty();
  }

  @Test
  void aConsoleThatCannotWriteNextJsMarksGetsAsciiOnes() throws IOException {
    Path jar = Files.write(work.resolve("site.jar"), new byte[10]);

    RouteReport report = RouteReport.of(
        manifest("pattern\tkind\tclass\tsource\n/\tpage\tcom.acme.pages.Index\tsrc/Index.java\n"),
        new PrerenderedPages(work, java.util.List.of()), new RuleManifest(List.of()), work, jar, "site.jar",
        RouteReport.Marks.forCharset(java.nio.charset.StandardCharsets.US_ASCII));

    assertThat(report.lines().get(1)).startsWith("L /");
    assertThat(RouteReport.Marks.forCharset(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(RouteReport.Marks.UNICODE);
  }

  @Test
  void aSiteWithNoPagesHasAnEmptyTable() throws IOException {
    Path jar = Files.write(work.resolve("site.jar"), new byte[900]);

    RouteReport report = RouteReport.of(manifest("pattern\tkind\tclass\tsource\n"), work, jar, "target/site.jar");

    assertThat(report.lines()).containsExactly(
        "  Route (pages)  Kind         Size     HTML",
        "",
        "0 routes: 0 static pages, 0 server pages, 0 API routes; page classes 0 B",
        RouteReport.Marks.UNICODE.legend(),
        "Runnable jar: target/site.jar (900 B)");
  }

  @Test
  void aMissingClassIsShownAsADash() throws IOException {
    Path jar = Files.write(work.resolve("site.jar"), new byte[10]);

    RouteReport report = RouteReport.of(
        manifest("pattern\tkind\tclass\tsource\n/\tpage\tcom.acme.pages.Index\tsrc/Index.java\n"), work, jar, "site.jar");

    assertThat(report.lines().get(1)).isEqualTo("\u03bb /              server page  -        -");
  }

  @Test
  void sizesAreWrittenAsNextJsWritesThem() {
    assertThat(RouteReport.bytes(0)).isEqualTo("0 B");
    assertThat(RouteReport.bytes(999)).isEqualTo("999 B");
    assertThat(RouteReport.bytes(1000)).isEqualTo("1.00 kB");
    assertThat(RouteReport.bytes(9_994)).isEqualTo("9.99 kB");
    assertThat(RouteReport.bytes(9_996)).isEqualTo("10.0 kB");
    assertThat(RouteReport.bytes(123_456)).isEqualTo("123 kB");
    assertThat(RouteReport.bytes(999_600)).isEqualTo("1.00 MB");
    assertThat(RouteReport.bytes(48_700_000)).isEqualTo("48.7 MB");
  }

  @Test
  void aMalformedManifestNamesTheFileAndLine() throws IOException {
    Path bad = Files.writeString(work.resolve("routes.tsv"), "pattern\tkind\tclass\tsource\n/\tpage\tcom.A\n");
    Path badKind = Files.writeString(work.resolve("kind.tsv"), "pattern\tkind\tclass\tsource\n/\tpages\tcom.A\tA.java\n");
    Path noHeader = Files.writeString(work.resolve("header.tsv"), "/\tpage\tcom.A\tA.java\n");

    assertThatThrownBy(() -> RouteManifest.read(bad))
        .hasMessage(bad + ":2: expected 4 tab-separated cells, found 3");
    assertThatThrownBy(() -> RouteManifest.read(badKind))
        .hasMessage(badKind + ":2: unknown kind 'pages' (expected one of [page, static, api, app, middleware, 404, 500])");
    assertThatThrownBy(() -> RouteManifest.read(noHeader))
        .hasMessage(noHeader + ":1: expected the header \"pattern\\tkind\\tclass\\tsource\"");
  }

  private RouteManifest manifest(String text) throws IOException {
    return RouteManifest.read(Files.writeString(work.resolve("routes.tsv"), text));
  }

  private static void classFile(Path classes, String path, int size) throws IOException {
    Path file = classes.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[size]);
  }
}
