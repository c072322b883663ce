package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request bodies over a real server: read only by a route that asks, counted against the app's
 * body budget (here 64 bytes, so a 100-byte body a route reads gets 503), and an unread body
 * drained so that a kept-alive connection carries the next request.
 */
class LazyBodyTest {
  private static Served served;

  @BeforeAll
  static void start() {
    served = Served.start(NextApp.create(TestSite.table(), NextConfig.defaults().toBuilder().bodySizeLimit(4096).build(),
        NextOptions.builder().hostname("127.0.0.1").port(0).bodyBufferBytes(64).build()));
  }

  @AfterAll
  static void stop() {
    served.close();
  }

  @BeforeEach
  @AfterEach
  void forget() {
    TestSite.RECORDED.clear();
  }

  @Test
  void routeThatReadsTheBodyGetsIt() throws IOException {
    String answer = exchange(post("/api/record", "x".repeat(40), true));

    assertThat(statusLines(answer)).containsExactly("HTTP/1.1 200 OK");
    assertThat(answer).endsWith("recorded 40 bytes");
  }

  @Test
  void bodyNobodyReadsIsNeverBufferedAndIsDrainedForTheNextRequest() throws IOException {
    // 1,000 bytes: past the 64-byte budget, so only a body left unread can get a 404 here.
    String answer = exchange(post("/no-such-page", "x".repeat(1000), false) + post("/api/record", "hello", true));

    assertThat(statusLines(answer)).containsExactly("HTTP/1.1 404 Not Found", "HTTP/1.1 200 OK");
    assertThat(answer).endsWith("recorded 5 bytes");
  }

  @Test
  void bodyPastTheBudgetIs503AndTheBudgetComesBack() throws IOException {
    String refused = exchange(post("/api/record", "x".repeat(100), true));
    String served = exchange(post("/api/record", "x".repeat(60), true));

    assertThat(statusLines(refused)).containsExactly("HTTP/1.1 503 Service Unavailable");
    assertThat(refused).contains("\r\nRetry-after: 1\r\n");
    assertThat(statusLines(served)).containsExactly("HTTP/1.1 200 OK");
    assertThat(served).endsWith("recorded 60 bytes");
  }

  @Test
  void chunkedBodyPastTheBudgetIs503BeforeAnyRoute() throws IOException {
    String answer = exchange("POST /api/record HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "64\r\n" + "x".repeat(100) + "\r\n0\r\n\r\n");

    assertThat(statusLines(answer)).containsExactly("HTTP/1.1 503 Service Unavailable");
    assertThat(answer).contains("\r\nConnection: close\r\n", "NextOptions.bodyBufferBytes");
    assertThat(TestSite.RECORDED).isEmpty();
  }

  private static String post(String path, String body, boolean close) {
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n"
        + (close ? "Connection: close\r\n" : "") + "\r\n" + body;
  }

  private static String exchange(String requests) throws IOException {
    try (Socket socket = served.socket()) {
      Served.write(socket, requests);
      return Served.readAll(socket);
    }
  }

  /** The status lines in {@code answer}; a response's body may end right before the next one's. */
  private static List<String> statusLines(String answer) {
    List<String> lines = new ArrayList<>();
    Matcher status = Pattern.compile("HTTP/1\\.1 \\d{3} [^\r]*").matcher(answer);
    while (status.find()) {
      lines.add(status.group());
    }
    return lines;
  }
}
