package dev.next4j.helidon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.binding.RunningServer;
import dev.next4j.runtime.generated.TestRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the Helidon binding does of its own: starting and stopping, framing, streamed bodies, and
 * where Helidon answers before next4j does. The pipeline's behaviour is next-runtime's serving
 * tests, which this module runs on Helidon too.
 */
class HelidonEngineTest {
  /** 3 MiB written in 64 KiB pieces by a streamed page: more than any buffer Helidon keeps. */
  private static final int BIG = 3 * 1024 * 1024;

  private NextApp app;
  private RunningServer server;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  private int start(RouteTable table) throws IOException {
    app = NextApp.create(table, NextConfig.defaults(), NextOptions.builder().hostname("127.0.0.1").port(0).build());
    server = new HelidonEngine().start(app);
    return server.address().getPort();
  }

  private static RouteTable site() {
    return TestRoutes.builder(
        TestRoutes.api("/hello", r -> new None(), (request, p) -> Response.text("hello " + request.method())),
        TestRoutes.api("/cookies", r -> new None(), (request, p) -> Response.text("ok")
            .addHeader("Set-Cookie", "a=1; Path=/").addHeader("Set-Cookie", "b=2; Path=/")),
        TestRoutes.api("/big", r -> new None(), (request, p) -> Response.stream("application/octet-stream", BIG, HelidonEngineTest::writeBig)),
        TestRoutes.api("/one-piece", r -> new None(), (request, p) -> Response.stream("text/plain", 11,
            out -> out.write("...hello world...".getBytes(StandardCharsets.US_ASCII), 3, 11))),
        TestRoutes.api("/too-long", r -> new None(), (request, p) -> Response.stream("text/plain", 5, out -> {
          out.write("hello".getBytes(StandardCharsets.US_ASCII));
          out.write("!".getBytes(StandardCharsets.US_ASCII));
        })),
        TestRoutes.api("/unknown-length", r -> new None(), (request, p) -> Response.stream("text/plain", out -> {
          out.write("first ".getBytes(StandardCharsets.UTF_8));
          out.flush();
          out.write("second".getBytes(StandardCharsets.UTF_8));
        }))).build();
  }

  record None() {}

  private static void writeBig(OutputStream out) throws IOException {
    byte[] piece = new byte[64 * 1024];
    for (int written = 0; written < BIG; written += piece.length) {
      out.write(piece);
    }
  }

  @Test
  void servesOnThePortPickedAndAnswersWithNextFourJsPipeline() throws IOException {
    int port = start(site());

    String answer = exchange(port, "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nContent-Length: 9\r\n").endsWith("\r\n\r\nhello GET");
    assertThat(answer.toLowerCase()).contains("\r\nx-powered-by: next4j\r\n");
  }

  @Test
  void aPortInUseIsABindException() throws IOException {
    int port = start(site());
    NextApp second = NextApp.create(site(), NextConfig.defaults(),
        NextOptions.builder().hostname("127.0.0.1").port(port).build());

    assertThatThrownBy(() -> new HelidonEngine().start(second)).isInstanceOf(BindException.class);
  }

  @Test
  void headAnswersTheLengthGetWouldHaveWithoutABody() throws IOException {
    int port = start(site());

    String answer = exchange(port, "HEAD /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nContent-Length: 10\r\n").endsWith("\r\n\r\n");
  }

  @Test
  void everyCookieIsItsOwnSetCookieLine() throws IOException {
    int port = start(site());

    String answer = exchange(port, "GET /cookies HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer.toLowerCase()).contains("\r\nset-cookie: a=1; path=/\r\n", "\r\nset-cookie: b=2; path=/\r\n");
  }

  /** A page's bytes go out with Helidon's send(byte[]); the connection then serves the next request. */
  @Test
  void aBodyWrittenWholeGoesOutWithItsLengthAndTheConnectionServesTheNext() throws IOException {
    int port = start(site());

    String answers = exchange(port, "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
        + "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    String one = "HTTP/1.1 200 OK\r\n";
    assertThat(answers).startsWith(one).endsWith("\r\n\r\nhello GET");
    String second = answers.substring(answers.indexOf(one, one.length()));
    String first = answers.substring(0, answers.length() - second.length());
    for (String answer : List.of(first, second)) {
      assertThat(answer).contains("\r\nContent-Length: 9\r\n", "\r\nContent-Type: text/plain; charset=utf-8\r\n")
          .endsWith("\r\n\r\nhello GET");
    }
  }

  @Test
  void aStreamedBodyWrittenInOnePieceGoesOutWithItsLength() throws IOException {
    int port = start(site());

    String answer = exchange(port, "GET /one-piece HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nContent-Length: 11\r\n").endsWith("\r\n\r\nhello world");
  }

  /** A writer that writes more than the length it gave: the client reads that length, never more. */
  @Test
  void aStreamedBodyLongerThanItsLengthEndsAtItsLength() throws IOException {
    int port = start(site());

    String answer = exchange(port, "GET /too-long HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nContent-Length: 5\r\n").endsWith("\r\n\r\nhello");
  }

  @Test
  void aStreamedBodyGoesOutWithItsLengthAndInFull() throws IOException {
    int port = start(site());

    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      long body = in.transferTo(OutputStream.nullOutputStream());

      assertThat(head).contains("\r\nContent-Length: " + BIG + "\r\n");
      assertThat(body).isEqualTo(BIG);
    }
  }

  /**
   * Chunked, and complete. Where Helidon 4.2 differs: after a chunked answer to {@code Connection:
   * close} the connection stays open (helidon-io/helidon#12324); the JDK's server closes it. The
   * client that asked to close does so after the last chunk.
   */
  @Test
  void aStreamOfUnknownLengthIsChunkedAndHelidonLeavesTheConnectionOpen() throws IOException {
    int port = start(site());

    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(
          "GET /unknown-length HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      StringBuilder answer = new StringBuilder();
      while (!answer.toString().endsWith("\r\n0\r\n\r\n")) {
        int c = in.read();
        assertThat(c).as("the answer so far: %s", answer).isNotNegative();
        answer.append((char) c);
      }

      assertThat(answer.toString().toLowerCase()).contains("\r\ntransfer-encoding: chunked\r\n")
          .contains("\r\nconnection: close\r\n").doesNotContain("content-length");
      assertThat(answer.toString()).contains("\r\n6\r\nfirst \r\n6\r\nsecond\r\n0\r\n\r\n");
      socket.setSoTimeout(500);
      assertThatThrownBy(in::read).isInstanceOf(java.net.SocketTimeoutException.class);
    }
  }

  /** Where Helidon differs: past its own limit it answers 414 itself, with an empty body and no X-Powered-By. */
  @Test
  void aRequestLineBeyondHelidonsLimitIsHelidonsOwn414() throws IOException {
    int port = start(site());
    String target = "/hello?q=" + "a".repeat(HelidonEngine.MAX_PROLOGUE);

    String answer = exchange(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 414 Request-URI Too Long\r\n").contains("\r\nContent-Length: 0\r\n")
        .doesNotContainIgnoringCase("x-powered-by");
  }

  @Test
  void aTargetOverNextFourJsLimitButWithinHelidonsIsNextFourJs414() throws IOException {
    int port = start(site());
    String target = "/hello?q=" + "a".repeat(8 * 1024);

    String answer = exchange(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 414 ").contains("longer than 8192 characters");
  }

  private static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      head.append((char) c);
    }
    return head.toString();
  }

  /** Where Helidon differs: it reads the method case-insensitively, so "get" is served as GET (the JDK's server: 501). */
  @Test
  void aLowerCaseMethodIsServedAsItsUpperCase() throws IOException {
    int port = start(site());

    String answer = exchange(port, "get /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("hello GET");
  }

  @Test
  void a431HasItsReasonPhrase() {
    assertThat(HelidonExchange.status(431).reasonPhrase()).isEqualTo("Request Header Fields Too Large");
    assertThat(HelidonExchange.status(404).reasonPhrase()).isEqualTo("Not Found");
  }

  /** Where Helidon differs: Helidon 4.2 takes HTTP/1.1 only; an HTTP/1.0 request gets no answer, the connection closes. */
  @Test
  void anHttp10RequestGetsNoAnswer() throws IOException {
    int port = start(site());

    assertThat(exchange(port, "GET /hello HTTP/1.0\r\nHost: x\r\n\r\n")).isEmpty();
  }
}
