package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.App;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.PageCache;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.StaticPage;
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.TestRoutes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Static pages served from the page cache: prerendered bytes, fallbacks, ISR and on-demand revalidation. */
class StaticPagesTest {
  private static final NextConfig DEFAULTS = NextConfig.defaults();

  record None() {}

  record Slug(String slug) {
    String href() {
      return "/blog/" + slug;
    }
  }

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** A static page that counts its renders and shows {@code content}, revalidating after {@code revalidate}. */
  static final class Counted implements StaticPage<None> {
    final AtomicInteger renders = new AtomicInteger();
    final AtomicReference<String> content = new AtomicReference<>("v1");
    final Optional<Duration> revalidate;

    Counted(Optional<Duration> revalidate) {
      this.revalidate = revalidate;
    }

    @Override
    public Response render(None params) {
      renders.incrementAndGet();
      String now = content.get();
      if (now.equals("throw")) {
        throw new IllegalStateException("the data source is down");
      }
      return Response.html("<p>" + now + "</p>" + " ".repeat(2000));
    }

    @Override
    public Optional<Duration> revalidate() {
      return revalidate;
    }
  }

  /** /blog/[slug] listing a and b, with {@code fallback}. */
  static StaticPage<Slug> blog(StaticPage.Fallback fallback, AtomicInteger renders) {
    return new StaticPage<>() {
      @Override
      public Response render(Slug params) {
        renders.incrementAndGet();
        return params.slug().equals("gone") ? Response.notFound() : Response.html("<h1>" + params.slug() + "</h1>");
      }

      @Override
      public List<Slug> paths() {
        return List.of(new Slug("a"), new Slug("b"));
      }

      @Override
      public Fallback fallback() {
        return fallback;
      }
    };
  }

  private static Response get(NextApp app, String target, String... headers) {
    Request.Builder request = Request.builder("GET", target);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return app.handle(request.build());
  }

  private static NextApp app(NextOptions.Builder options, Route... routes) {
    return TestSite.app(TestRoutes.table(routes), DEFAULTS, options.build());
  }

  @Test
  void aStaticPageIsRenderedOnceAndServedWithAStrongEtagCacheControlAndItsGzipForm() {
    Counted about = new Counted(Optional.empty());
    try (NextApp app = app(NextOptions.builder().dev(false), TestRoutes.staticPage("/about", r -> new None(), about))) {
      Response first = get(app, "/about");
      Response second = get(app, "/about", "Accept-Encoding", "gzip");
      Response third = get(app, "/about", "If-None-Match", first.header("etag").orElseThrow());

      assertThat(about.renders).hasValue(1);
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.bodyText()).startsWith("<p>v1</p>");
      assertThat(first.header("etag").orElseThrow()).startsWith("\"").doesNotStartWith("W/");
      assertThat(first.header("cache-control")).hasValue("s-maxage=31536000, stale-while-revalidate");
      assertThat(first.header("x-next-cache")).hasValue("MISS");
      assertThat(first.header("vary")).hasValue("Accept-Encoding");
      assertThat(second.header("x-next-cache")).hasValue("HIT");
      assertThat(second.header("content-encoding")).hasValue("gzip");
      assertThat(second.bodyLength()).isLessThan(first.bodyLength());
      assertThat(second.header("etag")).isEqualTo(first.header("etag"));
      assertThat(third.status()).isEqualTo(304);
    }
  }

  @Test
  void devModeRendersAStaticPageOnEveryRequest() {
    Counted about = new Counted(Optional.empty());
    try (NextApp app = app(NextOptions.builder().dev(true), TestRoutes.staticPage("/about", r -> new None(), about))) {
      get(app, "/about");
      get(app, "/about");

      assertThat(about.renders).hasValue(2);
      assertThat(get(app, "/about").header("x-next-cache")).isEmpty();
    }
  }

  @Test
  void fallbackNotFoundServesListedPathsAnd404sOthersWithoutRenderingThem() {
    AtomicInteger renders = new AtomicInteger();
    try (NextApp app = app(NextOptions.builder().dev(false), TestRoutes.staticPage("/blog/[slug]",
        r -> new Slug(r.param("slug")), Slug::href, blog(StaticPage.Fallback.NOT_FOUND, renders)))) {
      assertThat(get(app, "/blog/a").bodyText()).isEqualTo("<h1>a</h1>");
      assertThat(get(app, "/blog/b/").status()).isEqualTo(308);
      assertThat(get(app, "/blog/b").bodyText()).isEqualTo("<h1>b</h1>");
      assertThat(get(app, "/blog/zzz").status()).isEqualTo(404);
      assertThat(renders).hasValue(2);
    }
  }

  @Test
  void anUnlistedPathDoesNotMatchSoTheFallbackRewritesApplyButAPages404IsFinal() {
    // Next.js's fallback: false: the route does not match a path getStaticPaths did not list, so
    // routing goes on to the fallback rewrites; notFound from the page itself ends the request.
    AtomicInteger renders = new AtomicInteger();
    AtomicInteger onDemand = new AtomicInteger();
    NextConfig config = NextConfig.builder()
        .rules(RouteRule.rewrite(RouteRule.Kind.FALLBACK, "/:path*", "/another"))
        .build();
    RouteTable table = TestRoutes.table(
        TestRoutes.staticPage("/blog/[slug]", r -> new Slug(r.param("slug")), Slug::href,
            blog(StaticPage.Fallback.NOT_FOUND, renders)),
        TestRoutes.staticPage("/news/[slug]", r -> new Slug(r.param("slug")), s -> "/news/" + s.slug(),
            blog(StaticPage.Fallback.RENDER_ON_DEMAND, onDemand)),
        TestRoutes.page("/another", r -> new None(), (r, p) -> Response.text("another " + r.query().get("path"))));
    try (NextApp app = TestSite.app(table, config, NextOptions.builder().dev(false).build())) {
      assertThat(get(app, "/blog/a").bodyText()).isEqualTo("<h1>a</h1>");
      Response unlisted = get(app, "/blog/zzz");
      assertThat(unlisted.status()).isEqualTo(200);
      assertThat(unlisted.bodyText()).isEqualTo("another [blog, zzz]");
      assertThat(renders).as("the page is not called for an unlisted path").hasValue(1);
      assertThat(get(app, "/news/gone").status()).as("the page's own 404").isEqualTo(404);
      assertThat(onDemand).hasValue(1);
    }
    try (NextApp app = app(NextOptions.builder().dev(false), TestRoutes.staticPage("/blog/[slug]",
        r -> new Slug(r.param("slug")), Slug::href, blog(StaticPage.Fallback.NOT_FOUND, renders)))) {
      assertThat(get(app, "/blog/zzz").status()).as("no rewrite: the 404 page").isEqualTo(404);
    }
  }

  @Test
  void fallbackRenderOnDemandRendersAnUnlistedPathOnceThenServesItStored() {
    AtomicInteger renders = new AtomicInteger();
    try (NextApp app = app(NextOptions.builder().dev(false), TestRoutes.staticPage("/blog/[slug]",
        r -> new Slug(r.param("slug")), Slug::href, blog(StaticPage.Fallback.RENDER_ON_DEMAND, renders)))) {
      Response first = get(app, "/blog/new-post");
      Response second = get(app, "/blog/new-post");

      assertThat(first.bodyText()).isEqualTo("<h1>new-post</h1>");
      assertThat(first.header("x-next-cache")).hasValue("MISS");
      assertThat(second.header("x-next-cache")).hasValue("HIT");
      assertThat(renders).hasValue(1);
      assertThat(get(app, "/blog/gone").status()).isEqualTo(404);
    }
  }

  @Test
  void aStalePageIsServedWhileOneRegenerationRunsAndItsResultReplacesIt() {
    TestClock clock = new TestClock();
    Counted news = new Counted(Optional.of(Duration.ofSeconds(10)));
    Route route = TestRoutes.staticPage("/news", r -> new None(), news);
    RouteTable table = TestRoutes.table(route);
    List<Runnable> queued = new ArrayList<>();
    StaticPages pages = new StaticPages(DEFAULTS, clock, PageCache.inMemory(), queued::add, null);

    assertThat(serve(pages, route, table).bodyText()).startsWith("<p>v1</p>");
    news.content.set("v2");
    clock.advance(Duration.ofSeconds(9));
    Response fresh = serve(pages, route, table);
    clock.advance(Duration.ofSeconds(1));
    Response stale = serve(pages, route, table);
    Response staleAgain = serve(pages, route, table);

    assertThat(fresh.header("x-next-cache")).hasValue("HIT");
    assertThat(fresh.header("cache-control")).hasValue("s-maxage=10, stale-while-revalidate");
    assertThat(stale.header("x-next-cache")).hasValue("STALE");
    assertThat(stale.bodyText()).startsWith("<p>v1</p>");
    assertThat(staleAgain.bodyText()).startsWith("<p>v1</p>");
    assertThat(queued).as("one regeneration at a time per path").hasSize(1);

    queued.remove(0).run();
    Response regenerated = serve(pages, route, table);

    assertThat(regenerated.bodyText()).startsWith("<p>v2</p>");
    assertThat(regenerated.header("x-next-cache")).hasValue("HIT");
    assertThat(news.renders).hasValue(2);
  }

  @Test
  void aRegenerationThatThrowsKeepsTheOldPageServed() {
    TestClock clock = new TestClock();
    Counted news = new Counted(Optional.of(Duration.ofSeconds(1)));
    Route route = TestRoutes.staticPage("/news", r -> new None(), news);
    RouteTable table = TestRoutes.table(route);
    StaticPages pages = new StaticPages(DEFAULTS, clock, PageCache.inMemory(), Runnable::run, null);
    serve(pages, route, table);

    news.content.set("throw");
    clock.advance(Duration.ofSeconds(2));
    Response stale = serve(pages, route, table);
    Response after = serve(pages, route, table);

    assertThat(stale.bodyText()).startsWith("<p>v1</p>");
    assertThat(after.bodyText()).startsWith("<p>v1</p>");
    assertThat(after.header("x-next-cache")).as("still stale: the next request tries again").hasValue("STALE");
    assertThat(news.renders).hasValue(3);
  }

  @Test
  void onDemandRevalidationFromAnApiRouteRendersThePageAgainAtOnce() {
    Counted news = new Counted(Optional.empty());
    try (NextApp app = app(NextOptions.builder().dev(false),
        TestRoutes.staticPage("/news", r -> new None(), news),
        TestRoutes.api("/api/publish", r -> new None(), (request, p) -> {
          request.revalidate(request.queryParam("path").orElseThrow());
          return Response.json("{\"revalidated\":true}");
        }))) {
      assertThat(get(app, "/news").bodyText()).startsWith("<p>v1</p>");
      news.content.set("v2");
      assertThat(get(app, "/news").bodyText()).startsWith("<p>v1</p>");

      assertThat(get(app, "/api/publish?path=/news").status()).isEqualTo(200);

      assertThat(get(app, "/news").bodyText()).startsWith("<p>v2</p>");
      assertThat(news.renders).hasValue(2);
    }
  }

  @Test
  void onDemandRevalidationThatFailsKeepsThePageAndSaysWhy() {
    Counted news = new Counted(Optional.empty());
    try (NextApp app = app(NextOptions.builder().dev(false), TestRoutes.staticPage("/news", r -> new None(), news),
        TestRoutes.page("/server", r -> new None(), (request, p) -> Response.html("s")))) {
      get(app, "/news");
      news.content.set("throw");

      assertThatThrownBy(() -> app.revalidate("/news"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("/news failed to render; the stored page stays")
          .hasRootCauseMessage("the data source is down");
      assertThatThrownBy(() -> app.revalidate("/server"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no static page serves this path");
      assertThatThrownBy(() -> app.revalidate("news"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(get(app, "/news").bodyText()).startsWith("<p>v1</p>");
    }
  }

  @Test
  void aRevalidationThatAnswers404RemovesTheStoredPage() {
    AtomicInteger renders = new AtomicInteger();
    AtomicReference<String> slugGone = new AtomicReference<>("none");
    StaticPage<Slug> page = new StaticPage<>() {
      @Override
      public Response render(Slug params) {
        renders.incrementAndGet();
        return params.slug().equals(slugGone.get()) ? Response.notFound() : Response.html(params.slug());
      }

      @Override
      public Fallback fallback() {
        return Fallback.RENDER_ON_DEMAND;
      }
    };
    try (NextApp app = app(NextOptions.builder().dev(false),
        TestRoutes.staticPage("/blog/[slug]", r -> new Slug(r.param("slug")), Slug::href, page))) {
      assertThat(get(app, "/blog/x").status()).isEqualTo(200);
      slugGone.set("x");
      app.revalidate("/blog/x");

      assertThat(get(app, "/blog/x").status()).isEqualTo(404);
    }
  }

  /** A shared cache as another instance sees it: it refuses claims while {@code heldElsewhere}, and counts calls. */
  static final class ClaimingCache implements PageCache {
    final PageCache entries = PageCache.inMemory();
    final List<String> calls = new ArrayList<>();
    boolean heldElsewhere;

    @Override
    public Optional<Entry> get(String path) {
      return entries.get(path);
    }

    @Override
    public void put(String path, Entry entry) {
      calls.add("put " + path);
      entries.put(path, entry);
    }

    @Override
    public void invalidate(String path) {
      entries.invalidate(path);
    }

    @Override
    public boolean claimRegeneration(String path, Duration lease) {
      calls.add("claim " + path + " " + lease);
      return !heldElsewhere;
    }

    @Override
    public void releaseRegeneration(String path) {
      calls.add("release " + path);
    }
  }

  /** A page another instance rendered at {@code at}. */
  private static PageCache.Entry elsewhere(Instant at) {
    byte[] body = "<p>elsewhere</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new PageCache.Entry(body, new byte[0], "text/html; charset=utf-8", StaticPages.strongEtag(body), at);
  }

  @Test
  void aRegenerationClaimsThePathFromTheCacheAndReleasesItAfterStoring() {
    TestClock clock = new TestClock();
    Counted news = new Counted(Optional.of(Duration.ofSeconds(10)));
    Route route = TestRoutes.staticPage("/news", r -> new None(), news);
    RouteTable table = TestRoutes.table(route);
    ClaimingCache cache = new ClaimingCache();
    StaticPages pages = new StaticPages(DEFAULTS, clock, cache, Runnable::run, null);
    serve(pages, route, table);

    news.content.set("v2");
    clock.advance(Duration.ofSeconds(10));
    serve(pages, route, table);

    assertThat(cache.calls).containsExactly("put /news", "claim /news PT1M", "put /news", "release /news");
    assertThat(serve(pages, route, table).bodyText()).startsWith("<p>v2</p>");
  }

  @Test
  void aPathClaimedByAnotherInstanceIsNotRegeneratedHereAndItsResultIsServed() {
    TestClock clock = new TestClock();
    Counted news = new Counted(Optional.of(Duration.ofSeconds(10)));
    Route route = TestRoutes.staticPage("/news", r -> new None(), news);
    RouteTable table = TestRoutes.table(route);
    ClaimingCache cache = new ClaimingCache();
    StaticPages pages = new StaticPages(DEFAULTS, clock, cache, Runnable::run, null);
    serve(pages, route, table);
    clock.advance(Duration.ofSeconds(10));

    cache.heldElsewhere = true;
    Response stale = serve(pages, route, table);

    assertThat(stale.header("x-next-cache")).hasValue("STALE");
    assertThat(news.renders).as("the other instance renders it").hasValue(1);
    assertThat(cache.calls).containsExactly("put /news", "claim /news PT1M");

    // The other instance stores its render; this one serves it and, granted a claim now, finds it fresh.
    cache.entries.put("/news", elsewhere(clock.instant()));
    Response served = serve(pages, route, table);

    assertThat(served.bodyText()).isEqualTo("<p>elsewhere</p>");
    assertThat(served.header("x-next-cache")).hasValue("HIT");
    assertThat(news.renders).hasValue(1);
  }

  @Test
  void aRegenerationClaimedAfterAnotherInstanceStoredAFreshPageRendersNothing() {
    TestClock clock = new TestClock();
    Counted news = new Counted(Optional.of(Duration.ofSeconds(10)));
    Route route = TestRoutes.staticPage("/news", r -> new None(), news);
    RouteTable table = TestRoutes.table(route);
    ClaimingCache cache = new ClaimingCache();
    List<Runnable> queued = new ArrayList<>();
    StaticPages pages = new StaticPages(DEFAULTS, clock, cache, queued::add, null);
    serve(pages, route, table);
    clock.advance(Duration.ofSeconds(10));
    serve(pages, route, table);

    // Between the stale read and the claim, another instance stored a fresh render.
    cache.entries.put("/news", elsewhere(clock.instant()));
    queued.remove(0).run();

    assertThat(news.renders).hasValue(1);
    assertThat(cache.calls).containsExactly("put /news", "claim /news PT1M", "release /news");
    assertThat(serve(pages, route, table).bodyText()).isEqualTo("<p>elsewhere</p>");
  }

  @Test
  void theAppNamesItsPageCacheAndTheOptionsWin() {
    ClaimingCache named = new ClaimingCache();
    Counted about = new Counted(Optional.empty());
    App site = new App() {
      @Override
      public Response wrap(Request request, Response page) {
        return page;
      }

      @Override
      public Optional<PageCache> pageCache() {
        return Optional.of(named);
      }
    };
    RouteTable table = TestRoutes.builder(TestRoutes.staticPage("/about", r -> new None(), about)).app(site).build();
    PageCache given = PageCache.inMemory();
    try (NextApp fromApp = TestSite.app(table, DEFAULTS, NextOptions.builder().dev(false).build());
        NextApp fromOptions = TestSite.app(table, DEFAULTS, NextOptions.builder().dev(false).pageCache(given).build())) {
      get(fromApp, "/about");
      assertThat(named.calls).containsExactly("put /about");
      get(fromOptions, "/about");
      assertThat(named.calls).as("the options' cache wins").containsExactly("put /about");
      assertThat(given.get("/about")).isPresent();
    }
  }

  @Test
  void aSharedCacheIsUsedAndAPageItHoldsIsNotRenderedAgain() {
    PageCache shared = PageCache.inMemory();
    Counted about = new Counted(Optional.empty());
    try (NextApp one = app(NextOptions.builder().dev(false).pageCache(shared),
            TestRoutes.staticPage("/about", r -> new None(), about));
        NextApp two = app(NextOptions.builder().dev(false).pageCache(shared),
            TestRoutes.staticPage("/about", r -> new None(), about))) {
      get(one, "/about");
      assertThat(get(two, "/about").header("x-next-cache")).hasValue("HIT");
      assertThat(about.renders).hasValue(1);
      assertThat(shared.get("/about")).isPresent();
    }
  }

  @Test
  void cacheControlFollowsNextJs() {
    assertThat(StaticPages.cacheControl(Optional.empty())).isEqualTo("s-maxage=31536000, stale-while-revalidate");
    assertThat(StaticPages.cacheControl(Optional.of(Duration.ofMinutes(1)))).isEqualTo("s-maxage=60, stale-while-revalidate");
  }

  @Test
  void theManifestRoundTripsAndRejectsAnotherFormat() {
    List<PrerenderManifest.Row> rows = List.of(
        new PrerenderManifest.Row("/about", "/about", "p/0.html", "p/0.html.gz", "text/html; charset=utf-8", "\"e\"", 2048, -1),
        new PrerenderManifest.Row("/blog/a", "/blog/[slug]", "p/1.html", "", "text/html", "\"f\"", 12, 60));

    assertThat(PrerenderManifest.parse(PrerenderManifest.format(rows))).isEqualTo(rows);
    assertThatThrownBy(() -> PrerenderManifest.parse("path\tpattern\n"))
        .hasMessageContaining("does not start with");
  }

  private static Response serve(StaticPages pages, Route route, RouteTable table) {
    try {
      return pages.serve(route, Request.get(route.pattern()), route.pattern(), table).orElseThrow();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

}
