package dev.next4j.runtime.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDK server's own parsing lets through, and how next4j guards it, tried with raw
 * sockets: requests no well-behaved client sends.
 */
class HardeningTest {
  /** The JDK's table has no reason phrase for 431 (an empty one, which RFC 9112 allows); next-helidon gives one. */
  private static final String STATUS_431 =
      Served.onJdk() ? "HTTP/1.1 431 " : "HTTP/1.1 431 Request Header Fields Too Large";

  private static final long BODY_LIMIT = 4096;
  private static Served served;

  @BeforeAll
  static void start() {
    served = Served.start(NextApp.create(TestSite.table(), NextConfig.defaults().toBuilder().bodySizeLimit(BODY_LIMIT).build(),
        NextOptions.builder().hostname("127.0.0.1").port(0).build()));
  }

  @AfterAll
  static void stop() {
    served.close();
  }

  @BeforeEach
  void forget() {
    TestSite.RECORDED.clear();
  }

  @Test
  void chunkedBodyClosesTheConnectionSoNothingAfterItIsParsed() throws IOException {
    String answer = exchange("POST /api/record HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5\r\nhello\r\n0\r\n\r\n"
        + "POST /api/record?smuggled HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");

    assertThat(statusLines(answer)).containsExactly("HTTP/1.1 200 OK");
    assertThat(answer).contains("\r\nConnection: close\r\n").endsWith("recorded 5 bytes");
    assertThat(TestSite.RECORDED).containsExactly("POST /api/record");
  }

  @Test
  void chunkSizeThatWrapsPast32BitsSmugglesNothing() throws IOException {
    // The JDK reads 0x100000005 as 5: a proxy in front would read 4 GiB and pass the next
    // request through as body. Closing after the chunked request drops it.
    String answer = exchange("POST /api/record HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "100000005\r\nhello\r\n0\r\n\r\n"
        + "POST /api/record?smuggled HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");

    if (!Served.onJdk()) {
      // Helidon refuses the chunk size itself: nothing is served, nothing smuggled.
      assertThat(statusLines(answer)).containsExactly("HTTP/1.1 400 Bad Request");
      assertThat(TestSite.RECORDED).isEmpty();
      return;
    }
    assertThat(statusLines(answer)).containsExactly("HTTP/1.1 200 OK");
    assertThat(answer).contains("\r\nConnection: close\r\n");
    assertThat(TestSite.RECORDED).containsExactly("POST /api/record");
  }

  @Test
  void chunkSizePast31BitsIs400() throws IOException {
    String answer = exchange("POST /api/record HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "ffffffff\r\nhello\r\n0\r\n\r\n");

    assertThat(statusLines(answer)).containsExactly("HTTP/1.1 400 Bad Request");
    assertThat(answer).contains("\r\nConnection: close\r\n");
    assertThat(TestSite.RECORDED).isEmpty();
  }

  @Test
  void trailerAfterTheLastChunkIsNeverReadAsARequest() throws IOException {
    String answer = exchange("POST /api/record HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5\r\nhello\r\n0\r\n"
        + "POST /api/record?trailer HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");

    // The JDK's decoder wants CRLF right after the last chunk, so reading the body fails: 400.
    assertThat(statusLines(answer)).containsExactly("HTTP/1.1 400 Bad Request");
    assertThat(answer).contains("\r\nConnection: close\r\n");
    assertThat(TestSite.RECORDED).doesNotContain("POST /api/record?trailer");
  }

  @Test
  void stalledHalfSentHeaderDoesNotFreezeOtherClients() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        Socket socket = served.socket();
        Served.write(socket, "GET /about HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        stalled.add(socket);
      }
      CompletableFuture<HttpResponse<String>> other = CompletableFuture.supplyAsync(() -> served.get("/about"));

      assertThat(other.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  // The JDK knows no reason phrase for 431, so its status line ends after the code.
  @Test
  void moreHeadersThanTheLimitAre431() throws IOException {
    StringBuilder request = new StringBuilder("GET /about HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < HttpBinding.MAX_HEADERS + 10; i++) {
      request.append("X-H").append(i).append(": v\r\n");
    }
    String answer = exchange(request.append("\r\n").toString());

    assertThat(statusLines(answer)).containsExactly(STATUS_431);
    assertThat(answer).contains("\r\nConnection: close\r\n").contains("<h1>431</h1>");
  }

  @Test
  void headersLargerThanTheLimitAre431() throws IOException {
    String answer = exchange("GET /about HTTP/1.1\r\nHost: x\r\nCookie: " + "c".repeat(HttpBinding.MAX_HEADER_BYTES) + "\r\n\r\n");

    assertThat(statusLines(answer)).containsExactly(STATUS_431);
  }

  @Test
  void headersPastTheJdkLimitsCloseTheConnectionAndOthersAreServed() throws IOException {
    assumeTrue(Served.onJdk(), "the JDK's own limits; next-helidon's HelidonEngineTest pins Helidon's");
    StringBuilder many = new StringBuilder("GET /about HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 300; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    String tooMany = exchange(many.append("\r\n").toString());
    String tooLarge = exchange("GET /about HTTP/1.1\r\nHost: x\r\nCookie: " + "c".repeat(100_000) + "\r\n\r\n");

    assertThat(tooMany).isEmpty();
    assertThat(tooLarge).isEmpty();
    assertThat(served.get("/about").statusCode()).isEqualTo(200);
  }

  @Test
  void declaredBodyFarOverTheLimitIs413BeforeItIsSent() throws IOException {
    String answer = exchange("POST /api/record HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n");

    assertThat(statusLines(answer)).containsExactly("HTTP/1.1 413 Request Entity Too Large");
    assertThat(answer).contains("\r\nConnection: close\r\n");
    assertThat(TestSite.RECORDED).isEmpty();
  }

  @Test
  void bodyJustOverTheLimitIs413ThatTheClientReads() {
    // The body is read and dropped before the answer, so the client is not reset mid-send.
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> response = served.send("POST", "/api/record", "x".repeat((int) BODY_LIMIT + 1000));

      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(response.headers().firstValue("connection")).hasValue("close");
    }
    assertThat(TestSite.RECORDED).isEmpty();
  }

  @Test
  void headersOverTheLimitAre431ThatTheClientReads() {
    HttpResponse<String> response = served.get("/about", "X-Big", "v".repeat(HttpBinding.MAX_HEADER_BYTES));

    assertThat(response.statusCode()).isEqualTo(431);
    assertThat(response.body()).contains("<h1>431</h1><p>Request header fields too large.</p>");
  }

  @Test
  void chunkedBodyGrowingOverTheLimitIs413() throws IOException {
    String chunk = "x".repeat(1000);
    StringBuilder request = new StringBuilder("POST /api/record HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 5; i++) {
      request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    String answer = exchange(request.append("0\r\n\r\n").toString());

    assertThat(statusLines(answer)).containsExactly("HTTP/1.1 413 Request Entity Too Large");
    assertThat(TestSite.RECORDED).isEmpty();
  }

  @Test
  void bodyExactlyAtTheLimitIsServed() throws IOException {
    String answer = exchange("POST /api/record HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " + BODY_LIMIT
        + "\r\n\r\n" + "b".repeat((int) BODY_LIMIT));

    assertThat(statusLines(answer)).containsExactly("HTTP/1.1 200 OK");
    assertThat(answer).endsWith("recorded " + BODY_LIMIT + " bytes");
  }

  /** Sends {@code request} on a fresh connection and returns all the server answers until it closes. */
  private static String exchange(String request) throws IOException {
    try (Socket socket = served.socket()) {
      try {
        Served.write(socket, request);
      } catch (java.net.SocketException e) {
        // The server may close before all of an oversized request is written; its answer still counts.
      }
      return Served.readAll(socket);
    }
  }

  private static List<String> statusLines(String answer) {
    List<String> lines = new ArrayList<>();
    for (String line : answer.split("\r\n")) {
      if (line.startsWith("HTTP/1.")) {
        lines.add(line);
      }
    }
    return lines;
  }
}
