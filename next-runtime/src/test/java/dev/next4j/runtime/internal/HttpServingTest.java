package dev.next4j.runtime.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline over real HTTP: a JDK server on a free port, asked with {@code java.net.http}. */
class HttpServingTest {
  private static Served served;

  @BeforeAll
  static void start() {
    served = Served.start(NextApp.create(TestSite.table(), NextConfig.defaults(),
        NextOptions.builder().hostname("127.0.0.1").port(0).build()));
  }

  @AfterAll
  static void stop() {
    served.close();
  }

  @Test
  void pageAnswersWithItsHtmlAndExactContentLength() {
    HttpResponse<String> response = served.get("/blog/hello?draft=1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-page")).hasValue("/blog/[slug]");
    assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(response.body()).isEqualTo(
        "<html><body><h1>/blog/[slug]</h1><p>params={slug=hello} query={draft=[1], slug=[hello]}</p></body></html>");
    assertThat(response.headers().firstValueAsLong("content-length"))
        .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void poweredByHeaderIsSent() {
    assertThat(served.get("/about").headers().firstValue("x-powered-by")).hasValue("next4j");
  }

  @Test
  void headAnswersLikeGetWithoutBodyButWithGetsContentLength() {
    HttpResponse<String> get = served.get("/about");
    HttpResponse<String> head = served.send("HEAD", "/about", null);

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("content-length")).isEqualTo(get.headers().firstValue("content-length"));
    assertThat(head.headers().firstValue("etag")).isEqualTo(get.headers().firstValue("etag"));
  }

  @Test
  void pageAskedWithPostIs405WithAllow() {
    HttpResponse<String> response = served.send("POST", "/about", "x=1");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("allow")).hasValue("GET, HEAD");
  }

  @Test
  void apiRouteAnswersAnyMethod() {
    assertThat(served.send("DELETE", "/api/echo", null).body()).isEqualTo("DELETE ");
    assertThat(served.send("PUT", "/api/echo", "payload").body()).isEqualTo("PUT payload");
  }

  @Test
  void unknownPathIs404() {
    HttpResponse<String> response = served.get("/nope");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("<h1>404</h1><p>This page could not be found.</p>");
  }

  @Test
  void malformedEscapeIs400() throws IOException {
    // %zz never reaches next4j: the JDK's URI parser refuses it first, also with 400. (No
    // well-behaved client sends it, so a raw socket does.)
    String jdk;
    try (java.net.Socket socket = served.socket()) {
      Served.write(socket, "GET /blog/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
      jdk = Served.readAll(socket);
    }
    // Escapes of bytes that are no UTF-8 pass the URI parser and reach the router: 400 too.
    HttpResponse<String> router = served.get("/blog/%C3%28");

    if (Served.onJdk()) {
      // The JDK's 400 is its own page, without next4j's headers: it answers before any handler runs.
      assertThat(jdk).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("URISyntaxException").doesNotContain("X-powered-by");
    } else {
      // Helidon passes the escape on: next4j's canonical path refuses it.
      assertThat(jdk).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("malformed escape");
    }
    assertThat(router.statusCode()).isEqualTo(400);
    assertThat(router.body()).contains("<h1>400</h1><p>Bad Request.</p>");
    assertThat(router.headers().firstValue("x-powered-by")).hasValue("next4j");
    assertThat(router.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
  }

  @Test
  void theJdkWrites308WithAnEmptyReasonPhraseWhichClientsRead() throws IOException {
    assumeTrue(Served.onJdk(), "the JDK's status line; Helidon writes \"308 Permanent Redirect\"");
    // The JDK writes the status line from its own table (Java 17 and 25 alike), which has no phrase
    // for 307, 308, 429 and 431; RFC 9112 section 4 allows an empty one, and clients read the code.
    String raw;
    try (java.net.Socket socket = served.socket()) {
      Served.write(socket, "GET /about/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      raw = Served.readAll(socket);
    }

    assertThat(raw).startsWith("HTTP/1.1 308 \r\n").containsIgnoringCase("\r\nLocation: /about\r\n");
    assertThat(served.get("/about/").statusCode()).isEqualTo(308);
  }

  @Test
  void pageExceptionIs500WithoutStackTrace() {
    HttpResponse<String> response = served.get("/boom");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .contains("<h1>500</h1><p>Internal Server Error.</p>")
        .doesNotContain("IllegalStateException")
        .doesNotContain("boom")
        .doesNotContain("at dev.next4j");
  }

  @Test
  void pageExceptionGoesToTheLogWithItsStackTrace() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("dev.next4j");
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(capture);
    try {
      served.get("/boom");
    } finally {
      logger.removeHandler(capture);
    }

    assertThat(records).hasSize(1);
    assertThat(records.get(0).getLevel()).isEqualTo(Level.SEVERE);
    assertThat(records.get(0).getMessage()).isEqualTo("GET /boom failed in /boom");
    assertThat(records.get(0).getThrown()).isInstanceOf(IllegalStateException.class).hasMessage("boom: the page failed");
    assertThat(records.get(0).getThrown().getStackTrace()[0].getClassName()).isEqualTo(TestSite.class.getName());
  }

  @Test
  void repeatedSlashesRedirectWith308KeepingTheQuery() {
    HttpResponse<String> response = served.get("/blog//a?x=1");

    assertThat(response.statusCode()).isEqualTo(308);
    assertThat(response.headers().firstValue("location")).hasValue("/blog/a?x=1");
    assertThat(response.body()).isEqualTo("/blog/a?x=1");
  }

  @Test
  void trailingSlashRedirectsWith308() {
    HttpResponse<String> response = served.get("/about/");

    assertThat(response.statusCode()).isEqualTo(308);
    assertThat(response.headers().firstValue("location")).hasValue("/about");
  }

  @Test
  void etagThenIfNoneMatchGives304WithoutBody() {
    HttpResponse<String> first = served.get("/about");
    String etag = first.headers().firstValue("etag").orElseThrow();

    HttpResponse<String> again = served.get("/about", "If-None-Match", etag);

    assertThat(etag).matches("W/\"[0-9a-z]+\"");
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.headers().firstValue("etag")).hasValue(etag);
  }

  @Test
  void largeHtmlIsGzippedForClientsThatAcceptIt() throws IOException {
    HttpResponse<byte[]> zipped = served.getBytes("/big", "Accept-Encoding", "gzip");
    HttpResponse<byte[]> plain = served.getBytes("/big", "Accept-Encoding", "identity");

    assertThat(zipped.headers().firstValue("content-encoding")).hasValue("gzip");
    assertThat(zipped.headers().firstValue("vary")).hasValue("Accept-Encoding");
    assertThat(zipped.body().length).isLessThan(plain.body().length);
    byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
    assertThat(unzipped).isEqualTo(plain.body());
    assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
  }

  @Test
  void smallBodiesAreNotGzipped() {
    HttpResponse<String> response = served.get("/about", "Accept-Encoding", "gzip");

    assertThat(response.headers().firstValue("content-encoding")).isEmpty();
  }

  @Test
  void keepAliveReusesOneConnection() throws Exception {
    // Two requests on one raw connection: the second is answered on the same socket.
    try (java.net.Socket socket = served.socket()) {
      Served.write(socket, "GET /about HTTP/1.1\r\nHost: x\r\n\r\n");
      Served.write(socket, "GET /blog/b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      String both = Served.readAll(socket);

      assertThat(both.split("HTTP/1.1 200 OK", -1)).hasSize(3);
      // The JDK writes "X-page", Helidon "x-page": header names are case-insensitive.
      assertThat(both.toLowerCase()).contains("x-page: /about").contains("x-page: /blog/[slug]");
    }
  }

  @Test
  void specialPagesOverHttp() {
    RouteTable table = TestSite.builder()
        .middleware(request -> Middleware.next().withHeader("X-Middleware", "ran"))
        .app((request, page) -> page.withBody("<div id=\"app\">" + page.bodyText() + "</div>"))
        .notFound((request, status) -> Response.html("custom 404"))
        .error((request, status) -> Response.html("custom 500")).build();
    try (Served special = Served.start(NextApp.create(table, NextConfig.defaults(),
        NextOptions.builder().hostname("127.0.0.1").port(0).build()))) {
      HttpResponse<String> page = special.get("/about");
      HttpResponse<String> missing = special.get("/missing");
      HttpResponse<String> failed = special.get("/boom");

      assertThat(page.headers().firstValue("x-middleware")).hasValue("ran");
      assertThat(page.body()).startsWith("<div id=\"app\"><html><body><h1>/about</h1>");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).isEqualTo("<div id=\"app\">custom 404</div>");
      assertThat(missing.headers().firstValue("x-middleware")).hasValue("ran");
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).isEqualTo("<div id=\"app\">custom 500</div>");
    }
  }

  @Test
  void postBodyReachesTheApiRoute() {
    HttpResponse<String> response = Served.send(HttpRequest.newBuilder(served.uri("/api/echo"))
        .POST(HttpRequest.BodyPublishers.ofString("héllo")).build());

    assertThat(response.body()).isEqualTo("POST héllo");
  }
}
