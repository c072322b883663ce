package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.Segment;
import dev.next4j.runtime.generated.TableBuilder;
import dev.next4j.runtime.host.HostSlot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server as the runtime's host: each request serves the session's table or the error page
 * of its problem, HTML gets the live-reload script, and the stream tells every tab of each swap.
 */
class DevHostTest {
  private static final NextOptions DEV = NextOptions.builder().dev(true).hostname("127.0.0.1").port(0).build();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final Session session = new Session();
  private final List<NextApp> apps = new ArrayList<>();

  @BeforeEach
  void install() {
    HostSlot.install(new DevHost(session, DevHost.PING_INTERVAL, List.of()));
  }

  @AfterEach
  void uninstall() {
    apps.forEach(NextApp::close);
    HostSlot.uninstall();
  }

  @Test
  void eachRequestServesTheSessionsCurrentTableOrTheErrorPageOfItsProblem() {
    session.publish(new DevState.Ready(site("first")));
    NextApp app = app(NextConfig.defaults());
    assertThat(app.handle(Request.get("/")).bodyText()).startsWith("<p>first</p>");

    session.publish(new DevState.Broken(new DevProblem(
        "Compile error", "src/main/java/com/acme/pages/Index.java", 7, "';' expected", "Index.java:7: error: <x>")));
    Response broken = app.handle(Request.get("/"));
    session.publish(new DevState.Ready(site("second")));
    Response fixed = app.handle(Request.get("/"));

    assertThat(broken.status()).isEqualTo(500);
    assertThat(broken.header("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(broken.bodyText())
        .contains("<h1>Compile error</h1>")
        .contains("<p class=\"place\">src/main/java/com/acme/pages/Index.java:7</p>")
        .contains("<pre class=\"message\">&#39;;&#39; expected</pre>")
        .contains("<pre class=\"detail\">Index.java:7: error: &lt;x&gt;</pre>")
        .as("the error page reloads itself once the build is fixed")
        .contains("<script data-next4j-live-reload>");
    assertThat(fixed.bodyText()).startsWith("<p>second</p>");
  }

  @Test
  void eachRequestRunsWithTheServedBuildsContextClassLoader() throws Exception {
    RouteTable table = TableBuilder.of(Route.page("/", r -> new None(),
        (r, p) -> Response.text(String.valueOf(System.identityHashCode(Thread.currentThread().getContextClassLoader())))))
        .build();
    NextApp app = app(NextConfig.defaults());
    try (URLClassLoader first = new URLClassLoader(new URL[0]); URLClassLoader second = new URLClassLoader(new URL[0])) {
      session.publish(new DevState.Ready(table, first));
      String servedFirst = onThreadWithSystemLoader(() -> app.handle(Request.get("/")).bodyText());
      session.publish(new DevState.Ready(table, second));
      String servedSecond = onThreadWithSystemLoader(() -> app.handle(Request.get("/")).bodyText());

      assertThat(servedFirst).isEqualTo(String.valueOf(System.identityHashCode(first)));
      assertThat(servedSecond).isEqualTo(String.valueOf(System.identityHashCode(second)));
    }
  }

  /** Runs {@code action} on a new thread whose context class loader is the system one, as the JDK server's are on 21+. */
  private static String onThreadWithSystemLoader(Supplier<String> action) throws Exception {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> result.complete(action.get()));
    thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
    thread.start();
    return result.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aQuietAppHidesTheProblem() {
    session.publish(new DevState.Broken(new DevProblem("Compile error", "A.java", 1, "secret", "")));
    NextApp app = app(NextConfig.defaults(), DEV.toBuilder().quiet(true).build());

    Response response = app.handle(Request.get("/"));

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodyText()).contains("<h1>500</h1>").doesNotContain("secret");
  }

  @Test
  void aRequestDuringAReloadWaitsForIt() throws Exception {
    session.publish(new DevState.Ready(site("old")));
    NextApp app = app(NextConfig.defaults());
    session.reloading();
    CompletableFuture<Response> during = CompletableFuture.supplyAsync(() -> app.handle(Request.get("/")));
    Thread.sleep(200);
    assertThat(during).isNotDone();

    session.publish(new DevState.Ready(site("new")));

    assertThat(during.get(10, TimeUnit.SECONDS).bodyText()).startsWith("<p>new</p>");
  }

  @Test
  void htmlGetsTheLiveReloadScriptBeforeBodyEnd() {
    session.publish(new DevState.Ready(TableBuilder.of(
        Route.page("/", r -> new None(), (r, p) -> Response.html("<html><body><p>hi</p></body></html>"))).build()));
    String html = app(NextConfig.defaults()).handle(Request.get("/")).bodyText();

    assertThat(html).isEqualTo("<html><body><p>hi</p><script data-next4j-live-reload>(function(){var v=\"0\";"
        + "var s=new EventSource(\"/_next/live-reload\");"
        + "s.addEventListener(\"version\",function(e){if(e.data!==v){location.reload()}});"
        + "s.addEventListener(\"reload\",function(){s.close();location.reload()});})();</script></body></html>");
  }

  @Test
  void htmlWithoutBodyTagGetsTheScriptAppendedWithTheBasePath() {
    session.publish(new DevState.Ready(site("bare")));
    String html = app(NextConfig.defaults().toBuilder().basePath("/docs").build()).handle(Request.get("/docs")).bodyText();

    assertThat(html).startsWith("<p>bare</p><script data-next4j-live-reload>")
        .contains("new EventSource(\"/docs/_next/live-reload\")")
        .endsWith("</script>");
  }

  @Test
  void nonHtmlGetsNoScript() {
    session.publish(new DevState.Ready(TableBuilder.of(
        Route.api("/api", r -> new None(), (r, p) -> Response.text("plain"), Segment.literal("api"))).build()));

    assertThat(app(NextConfig.defaults()).handle(Request.get("/api")).bodyText()).isEqualTo("plain");
  }

  @Test
  void theStreamPathWithoutAStreamingServerIs400() {
    session.publish(new DevState.Ready(site("x")));
    Response answer = app(NextConfig.defaults()).handle(Request.get("/_next/live-reload"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.bodyText()).isEqualTo("The live-reload stream needs a streaming server: "
        + "route /_next/live-reload through app.requestHandler().\n");
  }

  @Test
  void streamSendsVersionThenReloadOnEachChangeAndEndsOnClose() throws Exception {
    session.publish(new DevState.Ready(site("v1")));
    NextApp app = app(NextConfig.defaults());
    int port = app.start().getAddress().getPort();
    HttpResponse<InputStream> stream = CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_next/live-reload")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));

    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
    assertThat(readEvent(events)).containsExactly("retry: 1000", "event: version", "data: 0");

    session.publish(new DevState.Ready(site("v2")));
    assertThat(readEvent(events)).containsExactly("event: reload", "data: 1");
    session.publish(new DevState.Broken(new DevProblem("Route error", "", 0, "two pages for /a", "")));
    assertThat(readEvent(events)).containsExactly("event: reload", "data: 2");
    // A page rendered now carries the new version, so its own stream will not reload it again.
    assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).contains("var v=\"2\"");
    HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/_next/live-reload")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).hasValue("GET");

    app.close();
    assertThat(events.readLine()).isNull();
  }

  @Test
  void openStreamsHoldNoHandlerThread() throws Exception {
    session.publish(new DevState.Ready(site("x")));
    NextApp app = app(NextConfig.defaults());
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", app.requestHandler());
    server.start();
    List<Socket> tabs = new ArrayList<>();
    try {
      // More open streams than the pool has threads would starve it if each held one.
      for (int i = 0; i < 14; i++) {
        Socket tab = new Socket("127.0.0.1", server.getAddress().getPort());
        tab.setSoTimeout(5000);
        write(tab, "GET /_next/live-reload HTTP/1.1\r\nHost: localhost\r\n\r\n");
        tabs.add(tab);
      }
      for (Socket tab : tabs) {
        assertThat(new String(tab.getInputStream().readNBytes(15), StandardCharsets.ISO_8859_1))
            .isEqualTo("HTTP/1.1 200 OK");
      }
      HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
    } finally {
      for (Socket tab : tabs) {
        tab.close();
      }
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  @Test
  void aDnsRebindingHostOrAForeignOriginGets403AndLocalNamesAreServed() throws Exception {
    session.publish(new DevState.Ready(site("x")));
    NextApp app = app(NextConfig.defaults());
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", app.requestHandler());
    server.start();
    int port = server.getAddress().getPort();
    try {
      String rebinding = rawGet(port, "Host: attacker.example:" + port);
      String foreignOrigin = rawGet(port, "Host: localhost:" + port + "\r\nOrigin: http://attacker.example");

      assertThat(rebinding).startsWith("HTTP/1.1 403 ").contains("not Host \"attacker.example:" + port + "\"")
          .contains("DNS").doesNotContain("<p>x</p>");
      assertThat(foreignOrigin).startsWith("HTTP/1.1 403 ").contains("Origin \"http://attacker.example\"");
      for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "app.localhost")) {
        assertThat(rawGet(port, "Host: " + host + "\r\nOrigin: http://" + host)).as(host).startsWith("HTTP/1.1 200 ");
      }
    } finally {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  @Test
  void refusalNamesTheBoundHostAsAllowed() {
    assertThat(DevHost.refusal("devbox.lan:3000", null, "devbox.lan")).isNull();
    assertThat(DevHost.refusal("DEVBOX.LAN", "http://devbox.lan:3000", "devbox.lan")).isNull();
    assertThat(DevHost.refusal("192.168.1.7:3000", null, "0.0.0.0")).isNull();
    assertThat(DevHost.refusal(null, null, "localhost")).contains("not Host \"null\"");
    assertThat(DevHost.refusal("evil.localhost.attacker.example", null, "localhost")).isNotNull();
  }

  @Test
  void liveReloadStreamsPastTheCapGet503() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    LiveReload hub = new LiveReload("", null, Duration.ofSeconds(30));
    server.createContext("/", hub::open);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    List<Socket> tabs = new ArrayList<>();
    try {
      for (int i = 0; i < LiveReload.MAX_STREAMS; i++) {
        Socket tab = new Socket("127.0.0.1", server.getAddress().getPort());
        tab.setSoTimeout(5000);
        write(tab, "GET /_next/live-reload HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(new String(tab.getInputStream().readNBytes(15), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200 OK");
        tabs.add(tab);
      }
      try (Socket extra = new Socket("127.0.0.1", server.getAddress().getPort())) {
        extra.setSoTimeout(5000);
        write(extra, "GET /_next/live-reload HTTP/1.1\r\nHost: localhost\r\n\r\n");
        String answer = new String(extra.getInputStream().readNBytes(200), StandardCharsets.ISO_8859_1);

        assertThat(answer).startsWith("HTTP/1.1 503 ").contains("at most " + LiveReload.MAX_STREAMS + " live-reload streams");
      }
      assertThat(hub.openStreams()).isEqualTo(LiveReload.MAX_STREAMS);
    } finally {
      for (Socket tab : tabs) {
        tab.close();
      }
      hub.close();
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  /** The whole answer to {@code GET /} with {@code headers} on a fresh connection. */
  private static String rawGet(int port, String headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      write(socket, "GET / HTTP/1.1\r\n" + headers + "\r\nConnection: close\r\n\r\n");
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void pingsFindDeadClientsAndDropThem() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    LiveReload hub = new LiveReload("", null, Duration.ofMillis(50));
    server.createContext("/", hub::open);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    try (Socket client = new Socket("127.0.0.1", server.getAddress().getPort())) {
      client.setSoTimeout(5000);
      write(client, "GET /_next/live-reload HTTP/1.1\r\nHost: localhost\r\n\r\n");
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
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  @Test
  void publicFilesAreReadFromDiskOnEveryRequestAndNothingOutsideTheFolderIs(@TempDir Path project) throws IOException {
    Path resources = project.resolve("src/main/resources");
    Path folder = resources.resolve("public");
    Files.createDirectories(folder.resolve("css"));
    Files.writeString(folder.resolve("css/site.css"), "body { color: red }");
    Files.writeString(resources.resolve("secret.properties"), "password=hunter2");
    Files.createSymbolicLink(folder.resolve("linked.properties"), resources.resolve("secret.properties"));
    HostSlot.install(new DevHost(session, DevHost.PING_INTERVAL, DevServer.publicFolders(List.of(resources))));
    session.publish(new DevState.Ready(site("page")));
    NextApp app = app(NextConfig.defaults());

    Response first = app.handle(Request.get("/css/site.css"));
    String firstText = first.bodyText();   // a public file's body is streamed: read it before the edit
    Files.writeString(folder.resolve("css/site.css"), "body { color: blue; margin: 0 }");
    Response edited = app.handle(Request.get("/css/site.css"));
    Response missing = app.handle(Request.get("/new.txt"));
    Files.writeString(folder.resolve("new.txt"), "new");
    Response added = app.handle(Request.get("/new.txt"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("content-type")).hasValue("text/css; charset=utf-8");
    assertThat(firstText).isEqualTo("body { color: red }");
    assertThat(edited.bodyText()).isEqualTo("body { color: blue; margin: 0 }");
    assertThat(edited.header("etag")).isPresent().isNotEqualTo(first.header("etag"));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.bodyText()).isEqualTo("new");
    for (String path : List.of("/../secret.properties", "/%2e%2e/secret.properties", "/css/..%2f..%2fsecret.properties",
        "/css%2f..%2f..%2fsecret.properties", "/..%5csecret.properties", "/linked.properties", "/secret.properties")) {
      Response r = app.handle(Request.get(path));
      assertThat(r.bodyText()).as(path).doesNotContain("hunter2");
      assertThat(r.status()).as(path).isIn(400, 404, 308);
    }
  }

  private NextApp app(NextConfig config) {
    return app(config, DEV);
  }

  private NextApp app(NextConfig config, NextOptions options) {
    NextApp app = NextApp.create(TableBuilder.of().build(), config, options);
    apps.add(app);
    return app;
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
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

  record None() {}

  /** A one-page table whose page says {@code text}, as a reload would bring. */
  private static RouteTable site(String text) {
    return TableBuilder.of(Route.page("/", r -> new None(), (r, p) -> Response.html("<p>" + text + "</p>"))).build();
  }
}
