package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on a real server process ({@link SlowTestServer}, through {@code NextApp.serve}) while a
 * request is in flight: the request completes, a request that arrives meanwhile gets 503, and the
 * process exits within the deadline; past the deadline the request is cut and the log says so.
 */
class GracefulShutdownTest {
  private static final Path LOG = Path.of("target", "graceful-shutdown-test.log");
  private static final Pattern READY = Pattern.compile("next4j ready on http://127\\.0\\.0\\.1:(\\d+) .*");

  @Test
  void sigtermLetsTheSlowRequestFinishThenExits() throws Exception {
    Process server = java("-Dnext.shutdownTimeout=10", "-Dslow.millis=2000");
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      int port = readyPort(out);
      CompletableFuture<String> slow = inFlight(port, "/slow", out);

      long begun = System.nanoTime();
      server.destroy(); // SIGTERM
      Thread.sleep(300);
      String during = get(port, "/fast");

      assertThat(slow.get(10, TimeUnit.SECONDS)).startsWith("HTTP/1.1 200 ").endsWith("slow page done");
      assertThat(during).satisfiesAnyOf(
          a -> assertThat(a).startsWith("HTTP/1.1 503 ").contains("Connection: close"),
          a -> assertThat(a).isEqualTo("refused"));
      assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun);
      assertThat(millis).as("exit after SIGTERM").isBetween(1000L, 9000L);
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void pastTheDeadlineTheRequestIsCutAndLogged() throws Exception {
    Process server = java("-Dnext.shutdownTimeout=1", "-Dslow.millis=20000");
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      int port = readyPort(out);
      CompletableFuture<String> slow = inFlight(port, "/slow", out);

      long begun = System.nanoTime();
      server.destroy();

      assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun);
      String log = Files.readString(LOG);
      assertThat(millis).as(log).isBetween(900L, 8000L);
      assertThat(slow.get(10, TimeUnit.SECONDS)).doesNotContain("slow page done");
      assertThat(log).contains("1 request still in flight after 1 s (next.shutdownTimeout); they were cut");
    } finally {
      server.destroyForcibly();
    }
  }

  /** Sends {@code GET path} on a thread of its own and returns once the server says the page began. */
  private static CompletableFuture<String> inFlight(int port, String path, BufferedReader out) throws IOException {
    CompletableFuture<String> answer = new CompletableFuture<>();
    Thread client = new Thread(() -> answer.complete(get(port, path)), "slow-client");
    client.setDaemon(true);
    client.start();
    assertThat(out.readLine()).isEqualTo("slow page started");
    return answer;
  }

  private static int readyPort(BufferedReader out) throws IOException {
    String ready = out.readLine();
    Matcher matcher = READY.matcher(ready == null ? "" : ready);
    assertThat(matcher.matches()).as("ready line: %s", ready).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  /** The whole answer to {@code GET path} on a fresh connection, or "refused" when none could be made. */
  private static String get(int port, String path) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      Served.write(socket, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      return Served.readAll(socket);
    } catch (IOException e) {
      return "refused";
    }
  }

  private static Process java(String... properties) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(properties));
    command.add("-cp");
    command.add(Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
        + Path.of("target", "test-classes").toAbsolutePath());
    command.add(SlowTestServer.class.getName());
    command.addAll(List.of("--port", "0", "--hostname", "127.0.0.1"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("PORT");
    builder.environment().remove("NEXT_HOSTNAME");
    builder.redirectError(LOG.toFile());
    return builder.start();
  }
}
