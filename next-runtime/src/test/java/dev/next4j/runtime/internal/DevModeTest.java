package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.TestRoutes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dev mode's hooks: the session's table or problem per request, the error page, live reload. */
class DevModeTest {
  private static final NextOptions DEV = NextOptions.builder().dev(true).hostname("127.0.0.1").port(0).build();

  @AfterEach
  void uninstall() {
    DevMode.uninstall();
  }

  @Test
  void eachRequestServesTheSessionsCurrentTableOrItsProblem() {
    TestSession session = new TestSession(new DevState.Ready(site("first")));
    DevMode.install(session);
    try (NextApp app = TestSite.app(TestSite.table(), NextConfig.defaults(), DEV)) {
      assertThat(app.handle(Request.get("/")).bodyText()).startsWith("<p>first</p>");

      session.swap(new DevState.Broken(new DevProblem(
          "Compile error", "src/main/java/com/acme/pages/Index.java", 7, "';' expected", "Index.java:7: error: <x>")));
      Response broken = app.handle(Request.get("/"));

      session.swap(new DevState.Ready(site("second")));
      Response fixed = app.handle(Request.get("/"));

      assertThat(broken.status()).isEqualTo(500);
      assertThat(broken.header("content-type")).hasValue("text/html; charset=utf-8");
      assertThat(broken.bodyText())
          .contains("<h1>Compile error</h1>")
          .contains("<p class=\"place\">src/main/java/com/acme/pages/Index.java:7</p>")
          .contains("<pre class=\"message\">&#39;;&#39; expected</pre>")
          .contains("<pre class=\"detail\">Index.java:7: error: &lt;x&gt;</pre>");
      assertThat(fixed.bodyText()).startsWith("<p>second</p>");
    }
  }

  @Test
  void optionsDefaultToDevModeWhenTheDevServerInstalledASession() {
    assertThat(NextOptions.builder().build().dev()).isFalse();
    DevMode.install(new TestSession(new DevState.Ready(site("x"))));

    assertThat(NextOptions.builder().build().dev()).isTrue();
    assertThat(NextOptions.builder().dev(false).build().dev()).isFalse();
  }

  @Test
  void withoutASessionTheAppServesItsOwnTable() {
    try (NextApp app = TestSite.app(site("own"), NextConfig.defaults(), DEV)) {
      assertThat(app.handle(Request.get("/")).bodyText()).startsWith("<p>own</p>");
    }
  }

  @Test
  void aRequestDuringAReloadWaitsForIt() throws Exception {
    TestSession session = new TestSession(new DevState.Ready(site("old")));
    DevMode.install(session);
    try (Served served = Served.start(NextApp.create(TestSite.table(), NextConfig.defaults(), DEV))) {
      session.hold();
      CompletableFuture<HttpResponse<String>> during = CompletableFuture.supplyAsync(() -> served.get("/"));
      Thread.sleep(200);
      assertThat(during).isNotDone();

      session.swapAndRelease(new DevState.Ready(site("new")));

      assertThat(during.get(10, TimeUnit.SECONDS).body()).startsWith("<p>new</p>");
    }
  }

  @Test
  void pageExceptionShowsTheDevErrorPageWithStackTrace() {
    try (NextApp app = TestSite.app(TestSite.table(), NextConfig.defaults(), DEV)) {
      Response response = app.handle(Request.get("/boom"));

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.bodyText())
          .contains("<h1>Unhandled exception</h1>")
          .contains("<p class=\"place\">GET /boom (page /boom)</p>")
          .contains("java.lang.IllegalStateException: boom: the page failed")
          .contains("at dev.next4j.runtime.internal.TestSite.");
    }
  }

  @Test
  void quietDevModeHidesTheDetails() {
    NextOptions quiet = DEV.toBuilder().quiet(true).build();
    try (NextApp app = TestSite.app(TestSite.table(), NextConfig.defaults(), quiet)) {
      Response response = app.handle(Request.get("/boom"));

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.bodyText()).contains("<h1>500</h1>").doesNotContain("IllegalStateException");
    }
  }

  @Test
  void htmlGetsTheLiveReloadScriptBeforeBodyEnd() {
    try (NextApp app = TestSite.app(TestSite.table(), NextConfig.defaults(), DEV)) {
      String html = app.handle(Request.get("/about")).bodyText();

      assertThat(html).endsWith("</p><script data-next4j-live-reload>(function(){var v=\"0\";"
          + "var s=new EventSource(\"/_next/live-reload\");"
          + "s.addEventListener(\"version\",function(e){if(e.data!==v){location.reload()}});"
          + "s.addEventListener(\"reload\",function(){s.close();location.reload()});})();</script></body></html>");
    }
  }

  @Test
  void htmlWithoutBodyTagGetsTheScriptAppended() {
    RouteTable table = TestRoutes.table(TestRoutes.page("/", r -> new TestSite.None(), (r, p) -> Response.html("<p>bare</p>")));
    try (NextApp app = TestSite.app(table, NextConfig.defaults().toBuilder().basePath("/docs").build(), DEV)) {
      String html = app.handle(Request.get("/docs")).bodyText();

      assertThat(html).startsWith("<p>bare</p><script data-next4j-live-reload>")
          .contains("new EventSource(\"/docs/_next/live-reload\")")
          .endsWith("</script>");
    }
  }

  @Test
  void nonHtmlAndProductionResponsesGetNoScript() {
    try (NextApp dev = TestSite.app(TestSite.table(), NextConfig.defaults(), DEV);
        NextApp prod = TestSite.app(NextConfig.defaults())) {
      assertThat(dev.handle(Request.get("/api/echo")).bodyText()).isEqualTo("GET ");
      assertThat(prod.handle(Request.get("/about")).bodyText()).doesNotContain("<script");
    }
  }

  @Test
  void liveReloadPathWithoutStreamingServerIs400InDevAnd404Otherwise() {
    try (NextApp dev = TestSite.app(TestSite.table(), NextConfig.defaults(), DEV);
        NextApp prod = TestSite.app(NextConfig.defaults())) {
      Response devAnswer = dev.handle(Request.get("/_next/live-reload"));

      assertThat(devAnswer.status()).isEqualTo(400);
      assertThat(devAnswer.bodyText()).isEqualTo("The live-reload stream needs a streaming server: "
          + "route /_next/live-reload through app.requestHandler().\n");
      assertThat(prod.handle(Request.get("/_next/live-reload")).status()).isEqualTo(404);
    }
  }

  @Test
  void streamSendsVersionThenReloadOnEachChangeAndEndsOnClose() throws Exception {
    TestSession session = new TestSession(new DevState.Ready(site("v1")));
    DevMode.install(session);
    Served served = Served.start(NextApp.create(TestSite.table(), NextConfig.defaults(), DEV));
    try {
      HttpResponse<InputStream> stream = Served.CLIENT.send(
          HttpRequest.newBuilder(served.uri("/_next/live-reload")).build(), HttpResponse.BodyHandlers.ofInputStream());
      BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));

      assertThat(stream.statusCode()).isEqualTo(200);
      assertThat(stream.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
      assertThat(readEvent(events)).containsExactly("retry: 1000", "event: version", "data: 0");

      session.swap(new DevState.Ready(site("v2")));
      assertThat(readEvent(events)).containsExactly("event: reload", "data: 1");
      session.swap(new DevState.Broken(new DevProblem("Route error", "", 0, "two pages for /a", "")));
      assertThat(readEvent(events)).containsExactly("event: reload", "data: 2");
      // A page rendered now carries the new version, so its own stream will not reload it again.
      assertThat(served.get("/").body()).contains("var v=\"2\"");

      served.close();
      assertThat(events.readLine()).isNull();
    } finally {
      served.close();
    }
  }

  @Test
  void openStreamsHoldNoHandlerThread() throws Exception {
    // More open streams than a JDK 17 pool has threads would starve it if each held one.
    try (Served served = Served.start(NextApp.create(TestSite.table(), NextConfig.defaults(), DEV))) {
      List<Socket> tabs = new ArrayList<>();
      try {
        for (int i = 0; i < ServerExecutors.POOL_THREADS + 10; i++) {
          Socket tab = served.socket();
          Served.write(tab, "GET /_next/live-reload HTTP/1.1\r\nHost: x\r\n\r\n");
          tabs.add(tab);
        }
        for (Socket tab : tabs) {
          assertThat(new String(tab.getInputStream().readNBytes(15), StandardCharsets.ISO_8859_1))
              .isEqualTo("HTTP/1.1 200 OK");
        }

        assertThat(served.get("/about").statusCode()).isEqualTo(200);
      } finally {
        for (Socket tab : tabs) {
          tab.close();
        }
      }
    }
  }

  @Test
  void pingsFindDeadClientsAndDropThem() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    LiveReload hub = new LiveReload("", Duration.ofMillis(50));
    server.createContext("/", hub::open);
    server.setExecutor(ServerExecutors.create());
    server.start();
    try (Socket client = new Socket("127.0.0.1", server.getAddress().getPort())) {
      client.setSoTimeout(5000);
      Served.write(client, "GET /_next/live-reload HTTP/1.1\r\nHost: x\r\n\r\n");
      BufferedReader lines = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = lines.readLine();
      } while (line != null && !line.endsWith(": ping"));
      assertThat(line).endsWith(": ping");
      assertThat(hub.openStreams()).isEqualTo(1);

      client.close();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (hub.openStreams() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(hub.openStreams()).isZero();
    } finally {
      hub.close();
      server.stop(0);
    }
  }

  /** The lines of the next event on {@code events}, up to its blank line; comment pings skipped. */
  private static List<String> readEvent(BufferedReader events) throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = events.readLine()) != null) {
      if (line.isEmpty()) {
        if (!lines.isEmpty()) {
          return lines;
        }
      } else if (!line.startsWith(":")) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** A one-page table whose page says {@code text}, as a reload would bring. */
  private static RouteTable site(String text) {
    return TestRoutes.table(TestRoutes.page("/", r -> new TestSite.None(), (r, p) -> Response.html("<p>" + text + "</p>")));
  }

  /** The dev server's side of the contract, driven by the test. */
  private static final class TestSession implements DevSession {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile DevState state;
    private volatile CountDownLatch reloading = new CountDownLatch(0);

    TestSession(DevState state) {
      this.state = state;
    }

    @Override
    public DevState current() throws InterruptedException {
      reloading.await();
      return state;
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
      listeners.add(listener);
      return () -> listeners.remove(listener);
    }

    void swap(DevState next) {
      state = next;
      listeners.forEach(Runnable::run);
    }

    void hold() {
      reloading = new CountDownLatch(1);
    }

    void swapAndRelease(DevState next) {
      CountDownLatch held = reloading;
      swap(next);
      held.countDown();
    }
  }
}
