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
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.TestRoutes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prerendering into a folder, and serving what it wrote without calling the pages. */
class PrerenderTest {
  @TempDir Path work;

  private static final NextConfig DEFAULTS = NextConfig.defaults();
  private final AtomicInteger renders = new AtomicInteger();

  private RouteTable table() {
    return TestRoutes.table(
        TestRoutes.staticPage("/about", r -> new StaticPagesTest.None(), params -> {
          renders.incrementAndGet();
          return Response.html("<h1>about</h1>" + "x".repeat(3000));
        }),
        TestRoutes.staticPage("/blog/[slug]", r -> new StaticPagesTest.Slug(r.param("slug")),
            StaticPagesTest.Slug::href, StaticPagesTest.blog(dev.next4j.runtime.StaticPage.Fallback.NOT_FOUND, renders)),
        TestRoutes.page("/server", r -> new StaticPagesTest.None(), (request, p) -> Response.html("server")));
  }

  @Test
  void writesEveryStaticPathWithTheManifestAndTheAppServesThemWithoutRendering() throws Exception {
    Path out = work.resolve("META-INF/next/static");
    try (NextApp app = NextApp.create(table(), DEFAULTS, NextOptions.builder().dev(false).build())) {
      Prerender.Summary summary = Prerender.run(app, out, new PrintStream(new ByteArrayOutputStream()));

      assertThat(summary.pages()).containsEntry("/about", 1).containsEntry("/blog/[slug]", 2);
    }
    List<PrerenderManifest.Row> rows =
        PrerenderManifest.parse(Files.readString(out.resolve("manifest.tsv"), StandardCharsets.UTF_8));
    assertThat(rows).extracting(PrerenderManifest.Row::path).containsExactly("/about", "/blog/a", "/blog/b");
    assertThat(rows.get(0).gzipFile()).isEqualTo("p/0.html.gz");
    assertThat(rows.get(1).gzipFile()).as("under 1 KiB: no gzip form").isEmpty();
    assertThat(Files.readString(out.resolve("p/1.html"))).isEqualTo("<h1>a</h1>");
    assertThat(renders).hasValue(3);

    try (URLClassLoader jar = new URLClassLoader(new URL[] {work.toUri().toURL()}, null)) {
      RouteTable table = table();
      StaticPages pages = StaticPages.load(DEFAULTS, Clock.systemUTC(), PageCache.inMemory(), Runnable::run, jar);
      Route about = table.routing().routes().get(0);
      Route blog = table.routing().routes().get(1);
      Response served = pages.serve(about, Request.get("/about"), "/about", table).orElseThrow();

      assertThat(served.bodyText()).startsWith("<h1>about</h1>");
      assertThat(served.header("etag")).hasValue(rows.get(0).etag());
      assertThat(served.header("x-next-cache")).hasValue("HIT");
      assertThat(pages.serve(blog, Request.get("/blog/b"), "/blog/b", table).orElseThrow().bodyText()).isEqualTo("<h1>b</h1>");
      assertThat(pages.serve(blog, Request.get("/blog/c"), "/blog/c", table)).as("not listed: the route does not match").isNull();
      assertThat(renders).as("nothing rendered at run time").hasValue(3);
    }
  }

  @Test
  void startupReadsTheManifestOnlyAndAPageIsReadFromTheJarOnItsFirstRequest() throws Exception {
    Path out = work.resolve("META-INF/next/static");
    try (NextApp app = NextApp.create(table(), DEFAULTS, NextOptions.builder().dev(false).build())) {
      Prerender.run(app, out, new PrintStream(new ByteArrayOutputStream()));
    }
    try (URLClassLoader jar = new URLClassLoader(new URL[] {work.toUri().toURL()}, null)) {
      RouteTable table = table();
      PageCache cache = PageCache.inMemory();
      StaticPages pages = StaticPages.load(DEFAULTS, Clock.systemUTC(), cache, Runnable::run, jar);
      Route about = table.routing().routes().get(0);
      Route blog = table.routing().routes().get(1);

      assertThat(cache.get("/about")).as("nothing read at startup").isEmpty();
      assertThat(pages.serve(about, Request.get("/about"), "/about", table)).isPresent();
      assertThat(cache.get("/about")).as("filled by the first request").isPresent();
      assertThat(cache.get("/blog/a")).isEmpty();

      // A revalidation replaces the prerendered page for good: the jar's copy does not come back.
      Files.writeString(out.resolve("p/1.html"), "<h1>changed in the jar</h1>");
      pages.revalidate("/blog/a", table);
      assertThat(pages.serve(blog, Request.get("/blog/a"), "/blog/a", table).orElseThrow().bodyText()).isEqualTo("<h1>a</h1>");
      assertThat(renders).as("three at build, one revalidation").hasValue(4);
    }
  }

  @Test
  void aPageThatThrowsStopsPrerenderingNamingItsPatternAndPath() {
    RouteTable table = TestRoutes.table(TestRoutes.staticPage("/broken", r -> new StaticPagesTest.None(), params -> {
      throw new IllegalStateException("no database at build time");
    }));
    try (NextApp app = NextApp.create(table, DEFAULTS, NextOptions.builder().dev(false).build())) {
      assertThatThrownBy(() -> Prerender.run(app, work.resolve("out"), new PrintStream(new ByteArrayOutputStream())))
          .isInstanceOfSatisfying(Prerender.Failure.class, failure -> {
            assertThat(failure.pattern()).isEqualTo("/broken");
            assertThat(failure.path()).isEqualTo("/broken");
          })
          .hasRootCauseMessage("no database at build time");
    }
  }

  @Test
  void aListedPathThatAnswers404StopsPrerendering() throws IOException {
    RouteTable table = TestRoutes.table(TestRoutes.staticPage("/blog/[slug]",
        r -> new StaticPagesTest.Slug(r.param("slug")), StaticPagesTest.Slug::href,
        new dev.next4j.runtime.StaticPage<StaticPagesTest.Slug>() {
          @Override
          public Response render(StaticPagesTest.Slug params) {
            return Response.notFound();
          }

          @Override
          public List<StaticPagesTest.Slug> paths() {
            return List.of(new StaticPagesTest.Slug("missing"));
          }
        }));
    try (NextApp app = NextApp.create(table, DEFAULTS, NextOptions.builder().dev(false).build())) {
      assertThatThrownBy(() -> Prerender.run(app, work.resolve("out"), new PrintStream(new ByteArrayOutputStream())))
          .isInstanceOf(Prerender.Failure.class)
          .hasMessageContaining("/blog/[slug] at /blog/missing")
          .hasMessageContaining("answered 404");
    }
  }
}
