package dev.next4j.runtime.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 9112's request rules as next4j enforces them on the real server, over raw sockets (no client
 * library sends these): each case's status, and that the refusal closes the connection. Some the
 * JDK server refuses itself before next4j sees them (on Java 17: a hex length, repeated lengths,
 * length with chunked, a coding other than chunked, a quote or a malformed escape in the target);
 * next4j checks them all the same, for a JDK that lets them through. Where the
 * JDK server drops the connection before next4j sees the request, the test records what the
 * client gets (nothing) so a JDK change shows up here.
 */
class StrictHttpTest {
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

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "no Host in HTTP/1.1           | GET /about HTTP/1.1\\r\\n\\r\\n                                          | 400 | no Host header",
    "two Host headers              | GET /about HTTP/1.1\\r\\nHost: a\\r\\nHost: b\\r\\n\\r\\n                     | 400 | 2 Host headers",
    "a Host that is no host        | GET /about HTTP/1.1\\r\\nHost: a b/c\\r\\n\\r\\n                            | 400 | not a host",
    "Content-Length: +5            | POST /api/record HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: +5\\r\\n\\r\\nhello | 400 | decimal digits",
    "Content-Length: 0x5           | POST /api/record HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 0x5\\r\\n\\r\\nhello | 400 | decimal digits",
    "two different lengths         | POST /api/record HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 5\\r\\nContent-Length: 6\\r\\n\\r\\nhello | 400 | different values",
    "length and chunked            | POST /api/record HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 5\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n | 400 | both",
    "a coding other than chunked   | POST /api/record HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n0\\r\\n\\r\\n | 501 | chunked only",
    "lower-case get                | get /about HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                               | 501 | case-sensitive",
    "an unknown method             | BREW /about HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                              | 501 | none of them",
    "a quote in the path           | GET /a\"b HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                                | 400 | '\"' at index 2",
    "a raw non-ASCII byte          | GET /caf\\u00e9 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                          | 400 | non-ASCII byte 0xE9",
    "a malformed escape            | GET /about%G0 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                           | 400 | malformed escape",
  })
  void refusedWithItsStatusAndReason(String what, String request, int status, String reason) throws IOException {
    // Helidon reads the method case-insensitively ("get" is GET) and the request line as UTF-8 (a
    // raw byte arrives as U+FFFD); next-helidon's HelidonEngineTest pins both.
    assumeTrue(Served.onJdk() || !what.equals("lower-case get"), "Helidon serves \"get\" as GET");
    if (!Served.onJdk() && what.equals("a raw non-ASCII byte")) {
      reason = "the non-ASCII byte 0xFFFD";
    }
    String answer = exchange(request.strip().replace("\\r\\n", "\r\n").replace("\\u00e9", "\u00e9"));

    assertThat(answer).as(what).startsWith("HTTP/1.1 " + status + " ").contains("\r\nConnection: close\r\n");
    if (answer.contains("<!DOCTYPE html>")) {
      // next4j's refusal says why; some of these the JDK server refuses itself first, with its own text.
      assertThat(answer).as(what).contains(ErrorPages.escape(reason));
    }
    assertThat(TestSite.RECORDED).doesNotContain("POST /api/record");
  }

  @Test
  void http10WithoutHostIsServed() throws IOException {
    assumeTrue(Served.onJdk(), "Helidon 4.2 answers no HTTP/1.0 request; next-helidon's HelidonEngineTest pins it");
    assertThat(exchange("GET /about HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 200 ");
  }

  @Test
  void aTargetOverTheLimitIs414() throws IOException {
    String answer = exchange("GET /about?q=" + "a".repeat(HttpBinding.MAX_TARGET_LENGTH) + " HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 414 ").contains("\r\nConnection: close\r\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "a long header value, X-Long: %s",
    "a long header name, X-%s: v",
    "a long cookie, Cookie: a=%s",
  })
  void anOversizedHeaderUnderTheJdkLimitIs431(String what, String header) throws IOException {
    String answer = exchange("GET /about HTTP/1.1\r\nHost: x\r\n" + String.format(header, "v".repeat(20_000)) + "\r\n\r\n");

    assertThat(answer).as(what).startsWith("HTTP/1.1 431").contains("\r\nConnection: close\r\n");
  }

  /**
   * Measured, not chosen: past {@code sun.net.httpserver.maxReqHeaderSize} (64 KiB as next4j sets
   * it) and {@code maxReqHeaders} (200) the JDK server closes the connection before any handler
   * runs, so the client reads nothing; a request line of 100,000 characters is answered by the
   * JDK itself (its own 414 on Java 25; nothing on Java 17). Either way no handler thread is
   * held and the next client is served.
   */
  @Test
  void pastTheJdkLimitsTheClientGetsNothingOrTheJdksOwnAnswer() throws IOException {
    assumeTrue(Served.onJdk(), "the JDK's own limits; next-helidon's HelidonEngineTest pins Helidon's");
    String hugeHeader = exchange("GET /about HTTP/1.1\r\nHost: x\r\nX-Long: " + "v".repeat(100_000) + "\r\n\r\n");
    StringBuilder many = new StringBuilder("GET /about HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 300; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    String manyHeaders = exchange(many.append("\r\n").toString());
    String hugeLine = exchange("GET /about?q=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(hugeHeader).isEmpty();
    assertThat(manyHeaders).isEmpty();
    assertThat(hugeLine).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 4"));
    assertThat(hugeLine).doesNotContain("200 OK");
    assertThat(served.get("/about").statusCode()).isEqualTo(200);
  }

  private static String exchange(String request) throws IOException {
    try (Socket socket = served.socket()) {
      try {
        Served.write(socket, request);
      } catch (java.net.SocketException e) {
        // The server may close before all of an oversized request is written.
      }
      return Served.readAll(socket);
    }
  }
}
