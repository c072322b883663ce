package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.TestRoutes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request pipeline through {@link NextApp#handle}, without HTTP. */
class PipelineTest {
  private static final NextConfig DEFAULTS = NextConfig.defaults();

  private static Response get(NextApp app, String target, String... headers) {
    Request.Builder request = Request.builder("GET", target);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return app.handle(request.build());
  }

  private static NextApp app(RouteTable table) {
    return TestSite.app(table, DEFAULTS, NextOptions.builder().build());
  }

  @Test
  void backslashRedirectsToSlashesAndEncodedBackslashIsData() {
    try (NextApp app = TestSite.app(DEFAULTS)) {
      Response backslash = get(app, "/blog\\a?q=1");
      Response encoded = get(app, "/blog/a%5Cb");

      assertThat(backslash.status()).isEqualTo(308);
      assertThat(backslash.header("location")).hasValue("/blog/a?q=1");
      assertThat(encoded.bodyText()).contains("params={slug=a\\b}");
    }
  }

  @Test
  void basePathServesInsideAnd404sOutside() {
    try (NextApp app = TestSite.app(DEFAULTS.toBuilder().basePath("/docs").build())) {
      assertThat(get(app, "/docs").header("x-page")).hasValue("/");
      assertThat(get(app, "/docs/blog/x?y=1").bodyText()).contains("params={slug=x} query={slug=[x], y=[1]}");
      assertThat(get(app, "/about").status()).isEqualTo(404);
      assertThat(get(app, "/docsx").status()).isEqualTo(404);
      assertThat(get(app, "/docs/").header("location")).hasValue("/docs");
    }
  }

  @Test
  void trailingSlashTrueAddsSlashesExceptToFilesAndWellKnown() {
    try (NextApp app = TestSite.app(DEFAULTS.toBuilder().trailingSlash(true).build())) {
      assertThat(get(app, "/about?x=1").header("location")).hasValue("/about/?x=1");
      assertThat(get(app, "/about/").header("x-page")).hasValue("/about");
      assertThat(get(app, "/").header("x-page")).hasValue("/");
      assertThat(get(app, "/docs/report.pdf/").header("location")).hasValue("/docs/report.pdf");
      assertThat(get(app, "/docs/report.pdf").header("x-page")).hasValue("/docs/[...path]");
      assertThat(get(app, "/.well-known/security.txt/").status()).isEqualTo(404);
      assertThat(get(app, "/.well-known/x").status()).isEqualTo(404);
    }
  }

  @Test
  void routeParamsWinOverQueryParams() {
    try (NextApp app = TestSite.app(DEFAULTS)) {
      assertThat(get(app, "/blog/abc?slug=123&foo=bar").bodyText())
          .contains("params={slug=abc} query={foo=[bar], slug=[abc]}");
    }
  }

  @Test
  void middlewareAddsHeadersRewritesAndAnswers() {
    RouteTable table = TestSite.builder().middleware(request -> {
      if (request.path().equals("/old")) {
        return Middleware.rewrite("/blog/rewritten?from=old").withHeader("X-Rewritten", "yes");
      }
      if (request.path().startsWith("/admin")) {
        return Middleware.respond(Response.redirect("/login"));
      }
      return Middleware.next().withHeader("X-Frame-Options", "DENY").withHeader("X-Page", "middleware");
    }).build();
    try (NextApp app = app(table)) {
      Response page = get(app, "/about");
      Response missing = get(app, "/missing");
      Response rewritten = get(app, "/old");
      Response answered = get(app, "/admin/users");

      assertThat(page.header("x-frame-options")).hasValue("DENY");
      assertThat(page.header("x-page")).as("the page's own header wins").hasValue("/about");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.header("x-frame-options")).hasValue("DENY");
      assertThat(rewritten.header("x-page")).hasValue("/blog/[slug]");
      assertThat(rewritten.bodyText()).contains("query={from=[old], slug=[rewritten]}");
      assertThat(rewritten.header("x-rewritten")).hasValue("yes");
      assertThat(answered.status()).isEqualTo(307);
      assertThat(answered.header("location")).hasValue("/login");
    }
  }

  @Test
  void middlewareExceptionIs500() {
    RouteTable table = TestSite.builder().middleware(request -> {
      throw new IllegalStateException("middleware broke");
    }).build();
    try (NextApp app = app(table)) {
      Response response = get(app, "/about");

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.bodyText()).doesNotContain("middleware broke");
    }
  }

  @Test
  void appWrapsPagesAndErrorPagesButNotApiRoutes() {
    RouteTable table = TestSite.builder()
        .app((request, page) -> page.withBody("<main>" + page.bodyText() + "</main>"))
        .notFound((request, status) -> Response.html("missing")).build();
    try (NextApp app = app(table)) {
      assertThat(get(app, "/about").bodyText()).startsWith("<main><html><body><h1>/about</h1>").endsWith("</main>");
      assertThat(get(app, "/missing").bodyText()).isEqualTo("<main>missing</main>");
      assertThat(get(app, "/api/echo").bodyText()).isEqualTo("GET ");
    }
  }

  @Test
  void custom404PageAnswersWithStatus404WhateverItReturns() {
    RouteTable table = TestSite.builder().notFound((request, status) -> Response.html("<p>no " + request.path() + " here</p>")).build();
    try (NextApp app = app(table)) {
      Response missing = get(app, "/nope");
      Response direct = get(app, "/404");

      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.bodyText()).isEqualTo("<p>no /nope here</p>");
      assertThat(direct.status()).isEqualTo(404);
      assertThat(direct.bodyText()).isEqualTo("<p>no /404 here</p>");
    }
  }

  @Test
  void specialPagesAreNeverRoutableEvenUnderACatchAll() {
    RouteTable table = TestRoutes.table(TestRoutes.page("/[...all]", r -> new TestSite.Path(r.params("all")), (r, p) -> TestSite.page(r)));
    try (NextApp app = app(table)) {
      for (String blocked : new String[] {"/_app", "/_error", "/_document", "/_middleware", "/_app/"}) {
        assertThat(get(app, blocked).status()).as(blocked).isIn(404, 308);
      }
      assertThat(get(app, "/_app").status()).isEqualTo(404);
      assertThat(get(app, "/_other").header("x-page")).hasValue("/[...all]");
    }
  }

  @Test
  void custom500PageAnswersPageExceptionsAndFallsBackWhenItFails() {
    try (NextApp custom = app(TestSite.builder().error((request, status) -> Response.html("<p>sorry</p>")).build());
        NextApp failing = app(TestSite.builder().error((request, status) -> {
          throw new IllegalStateException("the 500 page broke too");
        }).build())) {
      Response page = get(custom, "/boom");
      Response fallback = get(failing, "/boom");

      assertThat(page.status()).isEqualTo(500);
      assertThat(page.bodyText()).isEqualTo("<p>sorry</p>");
      assertThat(get(custom, "/500").status()).isEqualTo(500);
      assertThat(fallback.status()).isEqualTo(500);
      assertThat(fallback.bodyText()).contains("<h1>500</h1><p>Internal Server Error.</p>");
    }
  }

  @Test
  void pageReturningNullIs500() {
    RouteTable table = TestRoutes.table(TestRoutes.page("/", r -> new TestSite.None(), (r, p) -> null));
    try (NextApp app = app(table)) {
      assertThat(get(app, "/").status()).isEqualTo(500);
    }
  }

  @Test
  void etagsOnPagesOnlyAndIfNoneMatchComparesWeakly() {
    try (NextApp app = TestSite.app(DEFAULTS)) {
      String etag = get(app, "/about").header("etag").orElseThrow();
      String opaque = etag.substring(2);

      assertThat(get(app, "/about", "If-None-Match", "\"other\", " + opaque).status()).isEqualTo(304);
      assertThat(get(app, "/about", "If-None-Match", "*").status()).isEqualTo(304);
      assertThat(get(app, "/about", "If-None-Match", "\"other\"").status()).isEqualTo(200);
      assertThat(get(app, "/api/echo").header("etag")).isEmpty();
      assertThat(get(app, "/nope").header("etag")).isEmpty();
      Response notModified = get(app, "/about", "If-None-Match", etag);
      assertThat(notModified.bodyLength()).isZero();
      assertThat(notModified.header("content-type")).isEmpty();
      assertThat(notModified.header("x-page")).hasValue("/about");
    }
  }

  @Test
  void generateEtagsFalseSendsNone() {
    try (NextApp app = TestSite.app(DEFAULTS.toBuilder().generateEtags(false).build())) {
      assertThat(get(app, "/about").header("etag")).isEmpty();
    }
  }

  @Test
  void poweredByHeaderFalseSendsNone() {
    try (NextApp app = TestSite.app(DEFAULTS.toBuilder().poweredByHeader(false).build())) {
      assertThat(get(app, "/about").header("x-powered-by")).isEmpty();
    }
  }

  @Test
  void gzipFollowsAcceptEncodingTypeAndConfig() {
    try (NextApp app = TestSite.app(DEFAULTS);
        NextApp off = TestSite.app(DEFAULTS.toBuilder().compress(false).build())) {
      assertThat(get(app, "/api/json", "Accept-Encoding", "br, gzip;q=0.5").header("content-encoding")).hasValue("gzip");
      assertThat(get(app, "/api/json", "Accept-Encoding", "gzip;q=0").header("content-encoding")).isEmpty();
      assertThat(get(app, "/api/json", "Accept-Encoding", "*").header("content-encoding")).hasValue("gzip");
      assertThat(get(app, "/api/json").header("content-encoding")).isEmpty();
      assertThat(get(app, "/api/json").header("vary")).hasValue("Accept-Encoding");
      assertThat(get(off, "/api/json", "Accept-Encoding", "gzip").header("content-encoding")).isEmpty();
    }
    RouteTable image = TestRoutes.table(TestRoutes.page("/logo", r -> new TestSite.None(),
        (r, p) -> Response.bytes(new byte[4096], "image/png")));
    try (NextApp app = app(image)) {
      assertThat(get(app, "/logo", "Accept-Encoding", "gzip").header("content-encoding")).isEmpty();
    }
  }

  @Test
  void headHasNoBodyAndTheLengthGetWouldHave() {
    try (NextApp app = TestSite.app(DEFAULTS)) {
      Response get = get(app, "/big", "Accept-Encoding", "gzip");
      Response head = app.handle(Request.builder("HEAD", "/big").header("Accept-Encoding", "gzip").build());

      assertThat(head.status()).isEqualTo(200);
      assertThat(head.bodyLength()).isZero();
      assertThat(head.header("content-length")).hasValue(Integer.toString(get.bodyLength()));
      assertThat(head.header("content-encoding")).hasValue("gzip");
    }
  }

  @Test
  void publicFilesAreAskedAfterMiddlewareAndBeforeRoutes() {
    PublicFiles files = (request, path) ->
        path.equals("/blog/robots.txt") ? Optional.of(Response.text("User-agent: *")) : Optional.empty();
    RouteTable table = TestSite.builder().middleware(request -> Middleware.next().withHeader("X-Seen", "middleware")).build();
    try (NextApp app = new DefaultNextApp(table, DEFAULTS, NextOptions.builder().build(), files)) {
      app.prepare();
      Response file = get(app, "/blog/robots.txt");

      assertThat(file.bodyText()).isEqualTo("User-agent: *");
      assertThat(file.header("x-seen")).hasValue("middleware");
      assertThat(file.header("etag")).isPresent();
      assertThat(get(app, "/blog/robots").header("x-page")).hasValue("/blog/[slug]");
    }
  }

  @Test
  void methodNotAllowedNamesTheAllowedMethods() {
    try (NextApp app = TestSite.app(DEFAULTS)) {
      Response response = app.handle(Request.builder("DELETE", "/blog/a").build());

      assertThat(response.status()).isEqualTo(405);
      assertThat(response.header("allow")).hasValue("GET, HEAD");
    }
  }
}
