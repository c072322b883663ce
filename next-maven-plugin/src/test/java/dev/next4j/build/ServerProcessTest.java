package dev.next4j.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {
  @TempDir Path work;

  @Test
  void startsInTheBackgroundOnTheAnnouncedPortAndStops() throws Exception {
    Path jar = HelloJar.write(work);
    Path log = work.resolve("server.log");

    ServerProcess.Running server = ServerProcess.startInBackground(
        List.of(HelloJar.java(), "-jar", jar.toString(), "--port", "0"), Map.of(), log, 0, Duration.ofSeconds(30));
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.url().resolve("/")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("hello /");
      assertThat(Files.readString(log)).isEqualTo("ready on http://localhost:" + server.port() + "\n");
    } finally {
      ServerProcess.stop(server.process().toHandle(), Duration.ofSeconds(10));
    }
    assertThat(server.process().isAlive()).isFalse();
  }

  @Test
  void aServerThatExitsBeforeItIsReadyFailsWithItsLastLine() throws Exception {
    Path jar = HelloJar.write(work);

    // No --port value: the server fails on its arguments.
    assertThatThrownBy(() -> ServerProcess.startInBackground(
            List.of(HelloJar.java(), "-jar", jar.toString()), Map.of(), work.resolve("server.log"), 3999,
            Duration.ofSeconds(30)))
        .isInstanceOf(BuildException.class)
        .hasMessageStartingWith("[next.server-exited] The server exited with status 1 before it was ready: ")
        .hasMessageContaining("ArrayIndexOutOfBoundsException");
  }

  @Test
  void aServerThatNeverAnswersTimesOutAndIsStopped() throws Exception {
    int port = freePort();
    Path log = work.resolve("server.log");

    assertThatThrownBy(() -> ServerProcess.startInBackground(
            List.of("sleep", "30"), Map.of(), log, port, Duration.ofMillis(600)))
        .isInstanceOf(BuildException.class)
        .hasMessage("[next.server-not-ready] The server did not answer http://127.0.0.1:" + port + "/ within 0 s; its output is in " + log
            + " (raise -Dnext.startTimeout if it needs longer).");
  }

  @Test
  void theSuggestedPortIsTheNextOneOrTheDefaultAfterTheLast() {
    assertThat(Ports.alternative(8080)).isEqualTo(8081);
    assertThat(Ports.alternative(65535)).isEqualTo(Ports.DEFAULT);
    assertThatThrownBy(() -> Ports.requireValid(65536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be between 0 and 65535: 65536");
  }

  @Test
  void aPortInUseIsNamedWithWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> Ports.checkFree(Optional.empty(), port))
          .isInstanceOf(BuildException.class)
          .hasMessage("[next.port-in-use] Port " + port + " is already in use: stop the program using it, or start on another port with"
              + " -Dnext.port=" + (port + 1) + ".");
    }
    Ports.checkFree(Optional.empty(), 0);
  }

  @Test
  void theAnnouncedPortIsTheFirstUrlInTheOutput() {
    assertThat(ServerProcess.announcedPort("next4j ready on http://localhost:41234 (12 routes)\n")).contains(41234);
    assertThat(ServerProcess.announcedPort("listening on http://0.0.0.0:8080/")).contains(8080);
    assertThat(ServerProcess.announcedPort("starting")).isEmpty();
  }

  @Test
  void anyAnswerBelow500MeansUp() throws Exception {
    Path jar = HelloJar.write(work);
    ServerProcess.Running server = ServerProcess.startInBackground(
        List.of(HelloJar.java(), "-jar", jar.toString(), "--port", "0"), Map.of(), work.resolve("s.log"), 0,
        Duration.ofSeconds(30));
    try {
      assertThat(ServerProcess.answers(server.url().resolve("/missing"))).as("a 404 answer").isTrue();
    } finally {
      ServerProcess.stop(server.process().toHandle(), Duration.ofSeconds(10));
    }
    assertThat(ServerProcess.answers(URI.create("http://127.0.0.1:" + server.port() + "/"))).as("stopped").isFalse();
  }

  @Test
  void inTheForegroundItReturnsTheServersExitStatus() throws Exception {
    assertThat(ServerProcess.runInForeground(List.of("sh", "-c", "exit $STATUS"), Map.of("STATUS", "3"))).isEqualTo(3);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
