package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.TestRoutes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every option and method of the custom-server API ({@code NextApp}), each by what it does. */
class CustomServerTest {
  private static final NextOptions LOCAL = NextOptions.builder().hostname("127.0.0.1").port(0).build();

  @Test
  void devOptionShowsErrorDetailsOnlyInDevMode() {
    try (NextApp dev = TestSite.app(TestSite.table(), NextConfig.defaults(), LOCAL.toBuilder().dev(true).build());
        NextApp prod = TestSite.app(TestSite.table(), NextConfig.defaults(), LOCAL)) {
      assertThat(dev.options().dev()).isTrue();
      assertThat(dev.handle(Request.get("/boom")).bodyText()).contains("boom: the page failed");
      assertThat(prod.handle(Request.get("/boom")).bodyText()).doesNotContain("boom");
    }
  }

  @Test
  void dirIsTheProjectRootMadeAbsolute() {
    NextOptions options = NextOptions.builder().dir(Path.of("site", "..", "site")).build();
    try (NextApp app = NextApp.create(TestSite.table(), NextConfig.defaults(), options)) {
      assertThat(app.options().dir()).isEqualTo(Path.of("site").toAbsolutePath().normalize()).isAbsolute();
      assertThat(NextOptions.builder().build().dir()).isEqualTo(Path.of("").toAbsolutePath());
    }
  }

  @Test
  void confReplacesTheBuildConfigurationAndIsHonoured() {
    NextConfig fromPom = NextConfig.defaults().toBuilder().basePath("/docs").build();
    NextConfig conf = NextConfig.defaults().toBuilder().trailingSlash(true).poweredByHeader(false).build();
    try (NextApp app = TestSite.app(TestSite.table(), fromPom, LOCAL.toBuilder().conf(conf).build());
        NextApp pomOnly = TestSite.app(TestSite.table(), fromPom, LOCAL)) {
      Response redirect = app.handle(Request.get("/about"));
      Response page = app.handle(Request.get("/about/"));

      assertThat(app.config()).isEqualTo(conf);
      assertThat(redirect.status()).isEqualTo(308);
      assertThat(redirect.header("location")).hasValue("/about/");
      assertThat(page.header("x-page")).hasValue("/about");
      assertThat(page.header("x-powered-by")).isEmpty();
      // The pom's basePath is not in force: /docs/about/ is the catch-all page, found after the 308.
      assertThat(app.handle(Request.get("/docs/about/")).header("x-page")).hasValue("/docs/[...path]");
      assertThat(pomOnly.config()).isEqualTo(fromPom);
      assertThat(pomOnly.handle(Request.get("/docs/about")).header("x-page")).hasValue("/about");
    }
  }

  @Test
  void quietHidesErrorDetailsEvenInDevMode() throws Exception {
    NextApp app = NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL.toBuilder().dev(true).quiet(true).build());
    app.prepare();
    try (CustomServer custom = new CustomServer(app, exchange -> app.renderError(exchange, new IOException("disk /var/x full")))) {
      HttpResponse<String> response = custom.get("/anything");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).contains("<h1>500</h1>").doesNotContain("disk").doesNotContain("IOException");
    }
  }

  @Test
  void hostnameAndPortBindTheAppsOwnServer() throws Exception {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      free = probe.getLocalPort();
    }
    try (NextApp app = NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL.toBuilder().port(free).build())) {
      app.prepare();
      HttpServer server = app.start();

      assertThat(server.getAddress().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
      assertThat(server.getAddress().getPort()).isEqualTo(free);
      assertThat(Served.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + free + "/about")).build()).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void portZeroPicksAFreePort() throws Exception {
    try (Served served = Served.start(NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL))) {
      assertThat(served.port).isPositive();
      assertThat(served.get("/about").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void httpServerOptionRunsTheAppBehindTheUsersServerWhichItNeverStops() throws Exception {
    HttpServer users = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    users.createContext("/health", exchange -> reply(exchange, 200, "ok"));
    NextApp app = NextApp.create(TestSite.table(), NextConfig.defaults(), NextOptions.builder().httpServer(users).build());
    try {
      app.prepare();
      HttpServer returned = app.start();
      users.start();
      String base = "http://127.0.0.1:" + users.getAddress().getPort();

      assertThat(returned).isSameAs(users);
      assertThat(users.getExecutor()).isNotNull();
      assertThat(Served.send(HttpRequest.newBuilder(URI.create(base + "/about")).build()).headers().firstValue("x-page"))
          .hasValue("/about");
      app.close();
      assertThat(Served.send(HttpRequest.newBuilder(URI.create(base + "/health")).build()).body()).isEqualTo("ok");
    } finally {
      users.stop(0);
    }
  }

  @Test
  void httpServerWithARootContextAlreadyIsAClearError() throws Exception {
    // JDK 17 takes a second context at the same path silently (the first one keeps answering);
    // newer JDKs refuse it, and next4j says what to do.
    assumeTrue(Runtime.version().feature() >= 18, "JDK 17 cannot tell that \"/\" is taken");
    HttpServer users = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    users.createContext("/", exchange -> reply(exchange, 200, "mine"));
    try (NextApp app = NextApp.create(TestSite.table(), NextConfig.defaults(), NextOptions.builder().httpServer(users).build())) {
      app.prepare();

      assertThatThrownBy(app::start).isInstanceOf(IllegalStateException.class)
          .hasMessage("the HttpServer given to next4j already has a context at \"/\"; remove it, "
              + "or register app.requestHandler() yourself on the paths you choose");
    }
  }

  @Test
  void everyServingMethodWorksWithoutPrepare() throws Exception {
    try (NextApp handled = NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL)) {
      assertThat(handled.handle(Request.get("/about")).status()).isEqualTo(200);
    }
    try (NextApp started = NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL)) {
      HttpServer server = started.start();
      assertThat(server.getAddress().getPort()).isPositive();
    }
    NextApp app = NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL);
    try (CustomServer custom = new CustomServer(app, exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/render")) {
        app.render(exchange, "/about", Map.of());
      } else if (path.equals("/render404")) {
        app.render404(exchange);
      } else if (path.equals("/renderError")) {
        app.renderError(exchange, new RuntimeException("x"));
      } else {
        app.requestHandler().handle(exchange);
      }
    })) {
      assertThat(custom.get("/render").statusCode()).isEqualTo(200);
      assertThat(custom.get("/render").headers().firstValue("x-page")).hasValue("/about");
      assertThat(custom.get("/render404").statusCode()).isEqualTo(404);
      assertThat(custom.get("/renderError").statusCode()).isEqualTo(500);
      assertThat(custom.get("/about").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void prepareIsIdempotent() {
    try (NextApp app = NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL)) {
      app.prepare();
      app.prepare();
      assertThat(app.handle(Request.get("/about")).status()).isEqualTo(200);
    }
  }

  @Test
  void renderServesAnotherPageForThisRequestLikeNextJsExample() throws Exception {
    // Next.js's custom-server example: /a is rendered with page /b, everything else goes to the handler.
    NextApp app = NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL);
    app.prepare();
    try (CustomServer custom = new CustomServer(app, exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/a")) {
        app.render(exchange, "/blog/b", Map.of("draft", List.of("yes & no")));
      } else if (path.equals("/home")) {
        app.render(exchange, "/index", Map.of());
      } else {
        app.requestHandler().handle(exchange);
      }
    })) {
      HttpResponse<String> a = custom.get("/a");
      HttpResponse<String> home = custom.get("/home");
      HttpResponse<String> other = custom.get("/about");

      assertThat(a.headers().firstValue("x-page")).hasValue("/blog/[slug]");
      assertThat(a.body()).contains("params={slug=b} query={draft=[yes & no], slug=[b]}");
      assertThat(home.headers().firstValue("x-page")).hasValue("/");
      assertThat(other.headers().firstValue("x-page")).hasValue("/about");
    }
  }

  @Test
  void renderAndHandleGoThroughTheI18nStepAsARequestFromTheServer() throws Exception {
    RouteTable table = TestRoutes.table(
        TestRoutes.page("/", r -> new TestSite.None(), (request, p) -> Response.text("home " + request.locale())),
        TestRoutes.page("/about", r -> new TestSite.None(),
            (request, p) -> Response.text(request.locale() + " " + request.route() + " " + request.path())));
    NextConfig config = NextConfig.builder().i18n(NextConfig.I18n.of("en-US", "en-US", "fr")).build();
    NextApp app = NextApp.create(table, config, LOCAL);
    app.prepare();
    try (CustomServer custom = new CustomServer(app, exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (path.startsWith("/render")) {
        app.render(exchange, path.substring("/render".length()), Map.of());
      } else {
        app.requestHandler().handle(exchange);
      }
    })) {
      assertThat(custom.get("/render/fr/about").body()).isEqualTo("fr /about /about");
      assertThat(custom.get("/render/about").body()).isEqualTo("en-US /about /about");
      assertThat(custom.get("/render/FR").body()).isEqualTo("home fr");
      HttpResponse<String> detected = Served.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + custom.server.getAddress().getPort() + "/render/"))
          .header("Accept-Language", "fr-CH, fr;q=0.9").build());
      assertThat(detected.statusCode()).as("detection on /").isEqualTo(307);
      assertThat(detected.headers().firstValue("location")).hasValue("/fr");
      assertThat(custom.get("/fr/about").body()).as("the handler, as before").isEqualTo("fr /about /about");
      assertThat(app.handle(Request.get("/fr/about")).bodyText()).isEqualTo("fr /about /about");
    }
  }

  @Test
  void renderPathWithoutLeadingSlashIsAClearError() throws Exception {
    NextApp app = NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL);
    app.prepare();
    try (CustomServer custom = new CustomServer(app, exchange -> {
      try {
        app.render(exchange, "dashboard", Map.of());
      } catch (IllegalArgumentException e) {
        reply(exchange, 500, e.getMessage());
      }
    })) {
      assertThat(custom.get("/x").body())
          .isEqualTo("render path must start with '/': \"dashboard\" (did you mean \"/dashboard\"?)");
    }
  }

  @Test
  void render404AnswersTheNotFoundPage() throws Exception {
    RouteTable table = TestSite.builder().notFound((request, status) -> Response.html("<p>custom 404</p>")).build();
    NextApp app = NextApp.create(table, NextConfig.defaults(), LOCAL);
    app.prepare();
    try (CustomServer custom = new CustomServer(app, app::render404)) {
      HttpResponse<String> response = custom.get("/about");

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).isEqualTo("<p>custom 404</p>");
    }
  }

  @Test
  void renderErrorAnswersThe500PageWithDetailsOnlyInDev() throws Exception {
    RuntimeException error = new RuntimeException("database password rejected");
    NextApp prod = NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL);
    NextApp dev = NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL.toBuilder().dev(true).build());
    prod.prepare();
    dev.prepare();
    try (CustomServer prodServer = new CustomServer(prod, exchange -> prod.renderError(exchange, error));
        CustomServer devServer = new CustomServer(dev, exchange -> dev.renderError(exchange, error))) {
      HttpResponse<String> hidden = prodServer.get("/x");
      HttpResponse<String> shown = devServer.get("/x");

      assertThat(hidden.statusCode()).isEqualTo(500);
      assertThat(hidden.body()).contains("<h1>500</h1>").doesNotContain("database");
      assertThat(shown.statusCode()).isEqualTo(500);
      assertThat(shown.body()).contains("java.lang.RuntimeException: database password rejected");
    }
  }

  @Test
  void closeFreesThePortAndIsIdempotent() throws Exception {
    Served served = Served.start(NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL));
    int port = served.port;

    served.app.close();
    served.app.close();

    try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
    assertThatThrownBy(() -> served.app.start()).isInstanceOf(IllegalStateException.class)
        .hasMessage("start() after close(): make a new app");
  }

  @Test
  void startTwiceIsAnError() throws Exception {
    try (Served served = Served.start(NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL))) {
      assertThatThrownBy(() -> served.app.start()).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("start() was already called; the app serves on /127.0.0.1:");
    }
  }

  @Test
  void headersSetBeforeDelegatingAreKeptAndAfterAreLost() throws Exception {
    NextApp app = NextApp.create(TestSite.table(), NextConfig.defaults(), LOCAL);
    app.prepare();
    try (CustomServer custom = new CustomServer(app, exchange -> {
      exchange.getResponseHeaders().set("X-Custom", "before");
      exchange.getResponseHeaders().set("X-Page", "the page overrides this");
      exchange.getResponseHeaders().add("Set-Cookie", "server=1");
      app.requestHandler().handle(exchange);
      exchange.getResponseHeaders().set("X-Late", "after");
    })) {
      HttpResponse<String> response = custom.get("/about");

      assertThat(response.headers().firstValue("x-custom")).hasValue("before");
      assertThat(response.headers().firstValue("x-page")).hasValue("/about");
      assertThat(response.headers().allValues("set-cookie")).containsExactly("server=1");
      assertThat(response.headers().firstValue("x-late")).isEmpty();
    }
  }

  @Test
  void setCookieFromServerAndPageAddUp() throws Exception {
    RouteTable table = TestRoutes.table(TestRoutes.page("/", r -> new TestSite.None(),
        (r, p) -> Response.html("<p>hi</p>").addHeader("Set-Cookie", "page=2")));
    NextApp app = NextApp.create(table, NextConfig.defaults(), LOCAL);
    app.prepare();
    try (CustomServer custom = new CustomServer(app, exchange -> {
      exchange.getResponseHeaders().add("Set-Cookie", "server=1");
      app.requestHandler().handle(exchange);
    })) {
      assertThat(custom.get("/").headers().allValues("set-cookie")).containsExactly("server=1", "page=2");
    }
  }

  private static void reply(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** A user's own server: one context at {@code /} running {@code handler}, on a free port. */
  private static final class CustomServer implements AutoCloseable {
    private final HttpServer server;
    private final NextApp app;

    CustomServer(NextApp app, HttpHandler handler) throws IOException {
      this.app = app;
      this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", handler);
      server.setExecutor(ServerExecutors.create());
      server.start();
    }

    HttpResponse<String> get(String path) {
      return Served.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
          .build());
    }

    @Override
    public void close() {
      server.stop(0);
      app.close();
    }
  }
}
