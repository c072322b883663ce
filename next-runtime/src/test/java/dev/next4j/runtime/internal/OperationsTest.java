package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The liveness and readiness probes and the access log, over HTTP. */
class OperationsTest {
  private static final NextOptions LOCAL = NextOptions.builder().hostname("127.0.0.1").port(0).build();

  @Test
  void probesAnswerBeforeBasePathMiddlewareAndRoutes() {
    NextConfig config = NextConfig.defaults().toBuilder().basePath("/docs").trailingSlash(true).build();
    Middleware refuseAll = request -> Middleware.respond(Response.text("refused by middleware").withStatus(401));
    NextApp app = TestSite.app(TestSite.builder().middleware(refuseAll).build(), config, LOCAL);
    try (Served served = Served.start(app)) {
      HttpResponse<String> live = served.get("/_next/health/live");
      HttpResponse<String> ready = served.get("/_next/health/ready");
      HttpResponse<String> page = served.get("/docs/about/");

      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.body()).isEqualTo("ok\n");
      assertThat(live.headers().firstValue("cache-control")).hasValue("no-store");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("ready\n");
      // The rest of the site is behind the middleware, which the probes never meet.
      assertThat(page.statusCode()).isEqualTo(401);
      assertThat(served.get("/docs/_next/health/live/").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void probesAnswerGetAndHeadOnly() {
    try (Served served = Served.start(TestSite.app(TestSite.table(), NextConfig.defaults(), LOCAL))) {
      // One connection per request: the HEAD answer and the refused POST body are about the
      // probes, not about reusing a connection across them.
      HttpResponse<String> head = onFreshConnection(HttpRequest.newBuilder(served.uri("/_next/health/ready"))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
      HttpResponse<String> post = onFreshConnection(HttpRequest.newBuilder(served.uri("/_next/health/live"))
          .POST(HttpRequest.BodyPublishers.ofString("x")).build());

      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.headers().firstValue("content-length")).hasValue("6");
      assertThat(head.body()).isEmpty();
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
    }
  }

  @Test
  void readinessIs503OnceTheAppDrains() throws Exception {
    // A custom server keeps its HttpServer after app.close(), so the draining answer can be seen.
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    NextApp app = TestSite.app(TestSite.table(), NextConfig.defaults(), LOCAL.toBuilder().httpServer(server).build());
    app.start();
    server.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      assertThat(get(base, "/_next/health/ready").statusCode()).isEqualTo(200);

      app.close();

      HttpResponse<String> ready = get(base, "/_next/health/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).isEqualTo("draining\n");
      assertThat(get(base, "/_next/health/live").statusCode()).isEqualTo(200);
      assertThat(app.handle(Request.get("/_next/health/ready")).status()).isEqualTo(503);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void probePathsAreConfigurableAndCanBeTurnedOff() {
    NextOptions moved = LOCAL.toBuilder().livenessPath("/healthz").readinessPath("/readyz").build();
    try (NextApp app = TestSite.app(TestSite.table(), NextConfig.defaults(), moved);
        NextApp off = TestSite.app(TestSite.table(), NextConfig.defaults(), LOCAL.toBuilder().probes(false).build())) {
      assertThat(app.handle(Request.get("/healthz")).bodyText()).isEqualTo("ok\n");
      assertThat(app.handle(Request.get("/readyz")).bodyText()).isEqualTo("ready\n");
      assertThat(app.handle(Request.get("/_next/health/live")).status()).isEqualTo(404);
      assertThat(off.handle(Request.get("/_next/health/live")).status()).isEqualTo(404);
    }
  }

  @Test
  void badProbePathsFailNamingTheOption() {
    assertThatThrownBy(() -> NextOptions.builder().livenessPath("healthz").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("livenessPath must be a path like /_next/health/live, without query, spaces or non-ASCII "
            + "characters: \"healthz\"");
    assertThatThrownBy(() -> NextOptions.builder().readinessPath("/ready?x=1").build())
        .hasMessageStartingWith("readinessPath must be a path");
    assertThatThrownBy(() -> NextOptions.builder().livenessPath("/h").readinessPath("/h").build())
        .hasMessage("livenessPath and readinessPath must differ: both are \"/h\"");
  }

  @Test
  void accessLogWritesOneLogfmtLinePerRequestWithItsRequestId() {
    List<String> lines = new CopyOnWriteArrayList<>();
    NextOptions logged = LOCAL.toBuilder().accessLog(true).build();
    try (Capture capture = new Capture(lines);
        Served served = Served.start(TestSite.app(TestSite.table(), NextConfig.defaults(), logged))) {
      HttpResponse<String> page = served.get("/blog/hello", "X-Request-Id", "req-42.a:b");
      HttpResponse<String> missing = served.get("/nowhere?token=secret");
      HttpResponse<String> forged = served.get("/about", "X-Request-Id", "bad id\"x");
      served.send("HEAD", "/about", null);
      served.get("/_next/health/live");

      assertThat(page.headers().firstValue("x-request-id")).hasValue("req-42.a:b");
      String made = missing.headers().firstValue("x-request-id").orElseThrow();
      assertThat(made).matches("[0-9a-f]{32}");
      String replaced = forged.headers().firstValue("x-request-id").orElseThrow();
      assertThat(replaced).matches("[0-9a-f]{32}");
      assertThat(lines).hasSize(4);
      assertThat(lines.get(0)).matches("method=GET path=/blog/hello status=200 bytes="
          + page.body().length() + " duration_ms=\\d+\\.\\d{3} request_id=req-42\\.a:b");
      assertThat(lines.get(1)).matches("method=GET path=/nowhere status=404 bytes=\\d+ duration_ms=\\d+\\.\\d{3} "
          + "request_id=" + made);
      assertThat(lines.get(2)).endsWith(" request_id=" + replaced);
      assertThat(lines.get(3)).matches("method=HEAD path=/about status=200 bytes=0 duration_ms=\\S+ request_id=[0-9a-f]{32}");
    }
  }

  @Test
  void thePageSeesTheRequestId() {
    NextOptions logged = LOCAL.toBuilder().accessLog(true).build();
    NextApp app = TestSite.app(TestSite.builder().middleware(request ->
        Middleware.respond(Response.text("id " + request.header("x-request-id").orElse("none")))).build(),
        NextConfig.defaults(), logged);
    try (Capture capture = new Capture(new CopyOnWriteArrayList<>()); Served served = Served.start(app)) {
      assertThat(served.get("/", "X-Request-Id", "abc").body()).isEqualTo("id abc");
      HttpResponse<String> made = served.get("/");
      assertThat(made.body()).isEqualTo("id " + made.headers().firstValue("x-request-id").orElseThrow());
    }
  }

  @Test
  void accessLogIsOffByDefault() {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (Capture capture = new Capture(lines);
        Served served = Served.start(TestSite.app(TestSite.table(), NextConfig.defaults(), LOCAL))) {
      HttpResponse<String> page = served.get("/about", "X-Request-Id", "abc");

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("x-request-id")).isEmpty();
      assertThat(lines).isEmpty();
      assertThat(LOCAL.accessLog()).isFalse();
    }
  }

  @Test
  void logfmtValuesAreQuotedSoNoClientForgesAField() {
    assertThat(AccessLog.line("GET", "/a b", 200, 3, 1_234_567, "x"))
        .isEqualTo("method=GET path=\"/a b\" status=200 bytes=3 duration_ms=1.234 request_id=x");
    assertThat(AccessLog.line("GET", "/a\"\\\n=x", 404, 0, 5_000, "y"))
        .isEqualTo("method=GET path=\"/a\\\"\\\\\\u000a=x\" status=404 bytes=0 duration_ms=0.005 request_id=y");
    assertThat(AccessLog.valid("a".repeat(128))).isTrue();
    assertThat(AccessLog.valid("a".repeat(129))).isFalse();
    assertThat(AccessLog.valid("")).isFalse();
    assertThat(AccessLog.valid("é")).isFalse();
  }

  private static HttpResponse<String> get(URI base, String path) {
    return Served.send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  /** Collects the access log's messages while open. */
  private static final class Capture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger(AccessLog.LOGGER);
    private final List<String> lines;

    Capture(List<String> lines) {
      this.lines = lines;
      logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
      if (record.getLevel() == Level.INFO) {
        lines.add(record.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }
  }

  private static HttpResponse<String> onFreshConnection(HttpRequest request) {
    try {
      return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
          .send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
