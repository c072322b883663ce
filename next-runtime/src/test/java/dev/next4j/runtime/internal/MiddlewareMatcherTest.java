package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.Cookie;
import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteRule.Condition;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.TestRoutes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code _Middleware}'s matcher (Next.js's {@code config.matcher}), the request headers it forwards
 * to the page, headers with several values, and its cookies beside the page's own.
 */
class MiddlewareMatcherTest {
  private final List<String> seen = new CopyOnWriteArrayList<>();

  /** A middleware that records the paths it sees and marks the response, with {@code matcher}. */
  private Middleware recording(List<Middleware.Matcher> matcher) {
    return new Middleware() {
      @Override
      public List<Middleware.Matcher> matcher() {
        return matcher;
      }

      @Override
      public Middleware.Result handle(Request request) {
        seen.add(request.path());
        return Middleware.next().withHeader("X-Middleware", "ran");
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

  private static NextApp app(RouteTable table, NextConfig config) {
    return TestSite.app(table, config, NextOptions.builder().build());
  }

  @Test
  void middlewareRunsOnlyForPathsItsMatcherTakes() {
    RouteTable table = TestSite.builder().middleware(recording(List.of(
        Middleware.Matcher.of("/about"),
        Middleware.Matcher.of("/docs/:path*"),
        Middleware.Matcher.of("/((?!api|blog).*)x")))).build();
    try (NextApp app = app(table, NextConfig.defaults())) {
      assertThat(get(app, "/about").header("x-middleware")).hasValue("ran");
      assertThat(get(app, "/docs/a/b").header("x-middleware")).hasValue("ran");
      assertThat(get(app, "/docs").header("x-middleware")).as(":path* takes zero segments").hasValue("ran");
      assertThat(get(app, "/blog/hello").header("x-middleware")).isEmpty();
      assertThat(get(app, "/About").header("x-middleware")).as("sources are case-sensitive, as in Next.js").isEmpty();
      assertThat(get(app, "/big").header("x-middleware")).isEmpty();
      assertThat(get(app, "/boxx").header("x-middleware")).as("a regex source with a lookahead").hasValue("ran");
      assertThat(get(app, "/blogx").header("x-middleware")).isEmpty();
      assertThat(seen).containsExactly("/about", "/docs/a/b", "/docs", "/boxx");
    }
  }

  @Test
  void matcherHasAndMissingDecideWhetherMiddlewareRuns() {
    RouteTable table = TestSite.builder().middleware(recording(List.of(
        Middleware.Matcher.of("/blog/:slug")
            .has(Condition.header("x-preview"))
            .missing(Condition.cookie("skip", "yes"))))).build();
    try (NextApp app = app(table, NextConfig.defaults())) {
      assertThat(get(app, "/blog/a").header("x-middleware")).isEmpty();
      assertThat(get(app, "/blog/a", "X-Preview", "1").header("x-middleware")).hasValue("ran");
      assertThat(get(app, "/blog/a", "X-Preview", "1", "Cookie", "skip=yes").header("x-middleware")).isEmpty();
      assertThat(get(app, "/blog/a", "X-Preview", "1", "Cookie", "skip=no").header("x-middleware")).hasValue("ran");
    }
  }

  @Test
  void matcherSourcesAreInsideTheBasePath() {
    RouteTable table = TestSite.builder().middleware(recording(List.of(Middleware.Matcher.of("/about")))).build();
    try (NextApp app = app(table, NextConfig.defaults().toBuilder().basePath("/site").build())) {
      assertThat(get(app, "/site/about").header("x-middleware")).hasValue("ran");
      assertThat(get(app, "/site/big").header("x-middleware")).isEmpty();
    }
  }

  @Test
  void underI18nAMatcherIsMatchedBehindTheLocalePrefixUnlessLocaleFalse() {
    RouteTable table = TestSite.builder().middleware(recording(List.of(
        Middleware.Matcher.of("/about"),
        Middleware.Matcher.of("/fr/blog/:slug").locale(false)))).build();
    NextConfig config = NextConfig.builder().i18n(NextConfig.I18n.of("en", "en", "fr")).build();
    try (NextApp app = app(table, config)) {
      assertThat(get(app, "/about").header("x-middleware")).hasValue("ran");
      assertThat(get(app, "/fr/about").header("x-middleware")).hasValue("ran");
      assertThat(get(app, "/fr/blog/a").header("x-middleware")).hasValue("ran");
      assertThat(get(app, "/blog/a").header("x-middleware")).as("counts as /en/blog/a").isEmpty();
      assertThat(get(app, "/en/blog/a").header("x-middleware")).isEmpty();
    }
    try (NextApp app = app(table, NextConfig.defaults())) {
      assertThat(get(app, "/fr/blog/a").header("x-middleware")).as("without i18n: the source as written").hasValue("ran");
    }
    assertThat(Middleware.Matcher.of("/a").locale(false).has(Condition.header("x")).locale()).isFalse();
  }

  @Test
  void anInvalidMatcherFailsWhenTheTableIsBuiltListingEveryItem() {
    Middleware middleware = recording(List.of(
        Middleware.Matcher.of("/ok/:slug"),
        Middleware.Matcher.of("/bad/:"),
        Middleware.Matcher.of("no-slash"),
        Middleware.Matcher.of("/q").has(Condition.query("", "x"))));

    assertThatThrownBy(() -> TestSite.builder().middleware(middleware).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("matcher[1] source: Error parsing `/bad/:`")
        .hasMessageContaining("matcher[2] source: `source` does not start with /")
        .hasMessageContaining("matcher[3] has: invalid `has` item: invalid key \"\"")
        .hasMessageNotContaining("matcher[0]");
    assertThat(Middleware.Matcher.check(List.of(Middleware.Matcher.of("/fine/:path*")))).isEmpty();
  }

  @Test
  void modifiedRequestHeadersReachThePageAndNotTheClient() {
    RouteTable table = TestRoutes.builder(
            TestRoutes.page("/who", r -> new TestSite.None(), (request, p) ->
                Response.text("user=" + request.header("x-user").orElse("-") + " lang=" + request.header("accept-language").orElse("-"))),
            TestRoutes.page("/elsewhere", r -> new TestSite.None(), (request, p) ->
                Response.text("rewritten user=" + request.header("x-user").orElse("-"))))
        .middleware(request -> request.path().equals("/old")
            ? Middleware.rewrite("/elsewhere").withRequestHeader("X-User", "ada")
            : Middleware.next().withRequestHeader("X-User", "grace").withRequestHeader("Accept-Language", "fr"))
        .build();
    try (NextApp app = app(table, NextConfig.defaults())) {
      Response who = get(app, "/who", "X-User", "forged", "Accept-Language", "en");

      assertThat(who.bodyText()).isEqualTo("user=grace lang=fr");
      assertThat(who.header("x-user")).isEmpty();
      assertThat(get(app, "/old").bodyText()).isEqualTo("rewritten user=ada");
    }
  }

  @Test
  void middlewareCanRemoveARequestHeaderThePageWouldSee() {
    RouteTable table = TestRoutes.builder(
            TestRoutes.page("/who", r -> new TestSite.None(), (request, p) ->
                Response.text("auth=" + request.header("authorization").orElse("-")
                    + " user=" + request.header("x-user").orElse("-") + " lang=" + request.header("accept-language").orElse("-"))))
        .middleware(request -> switch (request.path()) {
          case "/old" -> Middleware.rewrite("/who").withoutRequestHeader("Authorization");
          case "/again" -> Middleware.rewrite("/who").withoutRequestHeader("x-user").withRequestHeader("X-User", "ada");
          default -> Middleware.next().withRequestHeader("X-User", "grace").withoutRequestHeader("X-USER")
              .withoutRequestHeader("Authorization");
        })
        .build();
    try (NextApp app = app(table, NextConfig.defaults())) {
      assertThat(get(app, "/who", "Authorization", "Bearer x", "X-User", "forged", "Accept-Language", "en").bodyText())
          .as("removed whatever was set before, in any case; other headers untouched").isEqualTo("auth=- user=- lang=en");
      assertThat(get(app, "/old", "Authorization", "Bearer x", "X-User", "bob").bodyText())
          .isEqualTo("auth=- user=bob lang=-");
      assertThat(get(app, "/again", "X-User", "forged").bodyText()).as("set again after removal")
          .isEqualTo("auth=- user=ada lang=-");
    }
    Middleware.Result.Next removing = Middleware.next().withoutRequestHeader("X-A");
    assertThat(removing.removedRequestHeaders()).containsExactly("x-a");
    assertThat(removing.withRequestHeader("x-a", "1").removedRequestHeaders()).isEmpty();
    assertThatThrownBy(() -> new Middleware.Result.Next(Map.of(), Map.of("x-a", "1"), Set.of("X-A")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both set and removed");
    assertThatThrownBy(() -> Middleware.next().withoutRequestHeader("bad name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid header name");
  }

  @Test
  void headersKeepSeveralValuesAndCookiesSurviveThePagesOwn() {
    RouteTable table = TestRoutes.builder(
            TestRoutes.page("/cart", r -> new TestSite.None(), (request, p) ->
                Response.text("cart").withCookie(Cookie.of("cart", "3")).withHeader("Link", "</page.css>; rel=preload")),
            TestRoutes.page("/plain", r -> new TestSite.None(), (request, p) -> Response.text("plain")))
        .middleware(request -> Middleware.next()
            .addHeader("Link", "</a.css>; rel=preload")
            .addHeader("Link", "</b.js>; rel=preload")
            .withCookie(Cookie.of("session", "abc"))
            .withCookie(Cookie.of("theme", "dark"))
            .withHeader("X-Once", "first")
            .withHeader("X-Once", "second"))
        .build();
    try (NextApp app = app(table, NextConfig.defaults())) {
      Response cart = get(app, "/cart");
      Response plain = get(app, "/plain");

      assertThat(cart.headers().get("set-cookie")).containsExactly("cart=3", "session=abc", "theme=dark");
      assertThat(cart.headers().get("link")).as("the page's own header wins").containsExactly("</page.css>; rel=preload");
      assertThat(plain.headers().get("link")).containsExactly("</a.css>; rel=preload", "</b.js>; rel=preload");
      assertThat(plain.headers().get("set-cookie")).containsExactly("session=abc", "theme=dark");
      assertThat(plain.headers().get("x-once")).containsExactly("second");
    }
  }

  @Test
  void anAnsweringMiddlewareAddsHeaderValuesToItsResponse() {
    Middleware.Result result = Middleware.respond(Response.text("no").withHeader("Vary", "Cookie"))
        .addHeader("Vary", "Accept-Language")
        .withCookie(Cookie.of("seen", "1"));
    Response response = ((Middleware.Result.Respond) result).response();

    assertThat(response.headers().get("vary")).containsExactly("Cookie", "Accept-Language");
    assertThat(response.headers().get("set-cookie")).containsExactly("seen=1");
  }

  @Test
  void aResultRefusesHeadersTheServerSetsItself() {
    assertThatThrownBy(() -> Middleware.next().addHeader("Transfer-Encoding", "chunked"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Transfer-Encoding");
    assertThatThrownBy(() -> Middleware.next().withRequestHeader("X-Bad", "a\nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Bad");
  }
}
