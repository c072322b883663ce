package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.PageCache;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.StaticPage;
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.TestRoutes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static pages under i18n: prerendered per locale, keyed by locale, served and revalidated per locale. */
class LocalizedStaticPagesTest {
  private static final NextConfig I18N = NextConfig.builder()
      .i18n(NextConfig.I18n.of("en-US", "en-US", "fr", "nl-NL")).build();

  @TempDir Path work;

  /** Renders per locale, counting the renders of each key. */
  private final Map<String, AtomicInteger> renders = new ConcurrentHashMap<>();

  private Response rendered(String what, String locale) {
    renders.computeIfAbsent(locale + " " + what, k -> new AtomicInteger()).incrementAndGet();
    return Response.html(what + " in " + locale);
  }

  /** /about, which renders in its locale. */
  private StaticPage<StaticPagesTest.None> about() {
    return new StaticPage<>() {
      @Override
      public Response render(StaticPagesTest.None params) {
        throw new AssertionError("with i18n the runtime calls render(params, locale)");
      }

      @Override
      public Response render(StaticPagesTest.None params, String locale) {
        return rendered("about", locale);
      }
    };
  }

  /** /blog/[slug]: a and b, in what {@code localePaths} gives (the default: the default locale only). */
  private StaticPage<StaticPagesTest.Slug> blog(boolean everyLocale, StaticPage.Fallback fallback) {
    return new StaticPage<>() {
      @Override
      public Response render(StaticPagesTest.Slug params) {
        throw new AssertionError("with i18n the runtime calls render(params, locale)");
      }

      @Override
      public Response render(StaticPagesTest.Slug params, String locale) {
        return rendered("post " + params.slug(), locale);
      }

      @Override
      public List<StaticPagesTest.Slug> paths() {
        return List.of(new StaticPagesTest.Slug("a"), new StaticPagesTest.Slug("b"));
      }

      @Override
      public List<LocalePath<StaticPagesTest.Slug>> localePaths(List<String> locales, String defaultLocale) {
        if (!everyLocale) {
          return StaticPage.super.localePaths(locales, defaultLocale);
        }
        return locales.stream().flatMap(l -> paths().stream().map(p -> new LocalePath<>(p, l))).toList();
      }

      @Override
      public Fallback fallback() {
        return fallback;
      }
    };
  }

  private RouteTable table(boolean everyLocale, StaticPage.Fallback fallback) {
    return TestRoutes.table(
        TestRoutes.staticPage("/about", r -> new StaticPagesTest.None(), about()),
        TestRoutes.staticPage("/blog/[slug]", r -> new StaticPagesTest.Slug(r.param("slug")),
            StaticPagesTest.Slug::href, blog(everyLocale, fallback)));
  }

  private int renders(String key) {
    return renders.getOrDefault(key, new AtomicInteger()).get();
  }

  @Test
  void prerendersAPageWithoutParamsInEveryLocaleAndListedPathsInTheirLocaleKeyedByLocale() throws Exception {
    Path out = work.resolve("META-INF/next/static");
    try (NextApp app = NextApp.create(table(false, StaticPage.Fallback.NOT_FOUND), I18N,
        NextOptions.builder().dev(false).build())) {
      Prerender.Summary summary = Prerender.run(app, out, new PrintStream(new ByteArrayOutputStream()));

      assertThat(summary.pages()).containsEntry("/about", 3).containsEntry("/blog/[slug]", 2);
    }
    List<PrerenderManifest.Row> rows =
        PrerenderManifest.parse(Files.readString(out.resolve("manifest.tsv"), StandardCharsets.UTF_8));
    assertThat(rows).extracting(PrerenderManifest.Row::path)
        .containsExactly("/en-US/about", "/fr/about", "/nl-NL/about", "/en-US/blog/a", "/en-US/blog/b");
    assertThat(Files.readString(out.resolve("p/1.html"))).isEqualTo("about in fr");

    try (URLClassLoader jar = new URLClassLoader(new URL[] {work.toUri().toURL()}, null)) {
      RouteTable table = table(false, StaticPage.Fallback.NOT_FOUND);
      PageCache cache = PageCache.inMemory();
      StaticPages pages = StaticPages.load(I18N, Clock.systemUTC(), cache, Runnable::run, jar);
      Route about = table.routing().routes().get(0);
      Route blog = table.routing().routes().get(1);
      Response fr = pages.serve(about, Request.get("/about").withLocale("fr"), "/about", table).orElseThrow();

      assertThat(fr.bodyText()).isEqualTo("about in fr");
      assertThat(fr.header("x-next-cache")).hasValue("HIT");
      assertThat(cache.get("/fr/about")).isPresent();
      assertThat(pages.serve(blog, Request.get("/blog/a").withLocale("en-US"), "/blog/a", table).orElseThrow().bodyText())
          .isEqualTo("post a in en-US");
      assertThat(pages.serve(blog, Request.get("/blog/a").withLocale("fr"), "/blog/a", table))
          .as("listed without a locale: the default locale only, as Next.js; fr gets the fallback (no match)").isNull();
      assertThat(renders("fr about")).as("rendered at build only").isEqualTo(1);
    }
  }

  @Test
  void theLocalePrefixServesThatLocalesPageAndEachLocaleIsStoredApart() {
    try (NextApp app = TestSite.app(table(true, StaticPage.Fallback.NOT_FOUND), I18N,
        NextOptions.builder().dev(false).build())) {
      Response first = app.handle(Request.get("/fr/blog/a"));
      Response again = app.handle(Request.get("/FR/blog/a"));

      assertThat(first.bodyText()).isEqualTo("post a in fr");
      assertThat(first.header("x-next-cache")).hasValue("MISS");
      assertThat(again.header("x-next-cache")).hasValue("HIT");
      assertThat(app.handle(Request.get("/blog/a")).bodyText()).isEqualTo("post a in en-US");
      assertThat(app.handle(Request.get("/nl-NL/about")).bodyText()).isEqualTo("about in nl-NL");
      assertThat(app.handle(Request.get("/about")).bodyText()).isEqualTo("about in en-US");
      assertThat(app.handle(Request.get("/fr/blog/zzz")).status()).isEqualTo(404);
      assertThat(renders("fr post a")).isEqualTo(1);
      assertThat(renders("en-US post a")).isEqualTo(1);
    }
  }

  @Test
  void aPathListedInTheDefaultLocaleOnlyGetsTheFallbackInTheOthers() {
    try (NextApp app = TestSite.app(table(false, StaticPage.Fallback.RENDER_ON_DEMAND), I18N,
        NextOptions.builder().dev(false).build())) {
      Response fr = app.handle(Request.get("/fr/blog/b"));

      assertThat(fr.bodyText()).isEqualTo("post b in fr");
      assertThat(fr.header("x-next-cache")).hasValue("MISS");
      assertThat(app.handle(Request.get("/fr/blog/b")).header("x-next-cache")).hasValue("HIT");
    }
  }

  @Test
  void revalidateRendersTheLocaleItsPathNamesAndTheDefaultLocaleWithoutPrefix() {
    try (NextApp app = TestSite.app(table(true, StaticPage.Fallback.NOT_FOUND), I18N,
        NextOptions.builder().dev(false).build())) {
      app.handle(Request.get("/fr/about"));
      app.handle(Request.get("/about"));

      app.revalidate("/fr/about");
      assertThat(renders("fr about")).isEqualTo(2);
      assertThat(renders("en-US about")).isEqualTo(1);

      app.revalidate("/about");
      assertThat(renders("en-US about")).isEqualTo(2);
      app.revalidate("/nl-nl/blog/b");
      assertThat(renders("nl-NL post b")).isEqualTo(1);
      assertThat(app.handle(Request.get("/nl-NL/blog/b")).header("x-next-cache")).hasValue("HIT");
    }
  }

  @Test
  void aLocaleTheSiteDoesNotListFailsPrerenderingAtThePage() {
    StaticPage<StaticPagesTest.Slug> german = new StaticPage<>() {
      @Override
      public Response render(StaticPagesTest.Slug params) {
        return Response.html("x");
      }

      @Override
      public List<LocalePath<StaticPagesTest.Slug>> localePaths(List<String> locales, String defaultLocale) {
        return List.of(new LocalePath<>(new StaticPagesTest.Slug("a"), "de"));
      }
    };
    RouteTable table = TestRoutes.table(TestRoutes.staticPage("/blog/[slug]",
        r -> new StaticPagesTest.Slug(r.param("slug")), StaticPagesTest.Slug::href, german));

    try (NextApp app = NextApp.create(table, I18N, NextOptions.builder().dev(false).build())) {
      assertThatThrownBy(() -> Prerender.run(app, work.resolve("out"), new PrintStream(new ByteArrayOutputStream())))
          .isInstanceOf(Prerender.Failure.class)
          .hasMessage("/blog/[slug] at paths(): java.lang.IllegalStateException: /blog/[slug]: localePaths() lists"
              + " /blog/a in locale \"de\", which is not one of i18n.locales [en-US, fr, nl-NL]");
    }
  }

  @Test
  void devModeRendersAStaticPageInTheRequestsLocale() {
    try (NextApp app = TestSite.app(table(false, StaticPage.Fallback.NOT_FOUND), I18N,
        NextOptions.builder().dev(true).build())) {
      assertThat(app.handle(Request.get("/fr/blog/zzz")).bodyText()).isEqualTo("post zzz in fr");
      assertThat(app.handle(Request.get("/about")).bodyText()).isEqualTo("about in en-US");
    }
  }
}
