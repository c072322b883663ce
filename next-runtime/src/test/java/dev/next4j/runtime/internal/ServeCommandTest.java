package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code NextApp.serve}: its argument and environment parsing, and a real server started with it. */
class ServeCommandTest {
  private static final Pattern READY =
      Pattern.compile("next4j ready on http://127\\.0\\.0\\.1:(\\d+) \\(9 routes, started in (\\d+) ms\\)");

  @Test
  void defaultsArePort3000OnAllInterfaces() {
    assertThat(ServeCommand.parse(List.of(), Map.of())).isEqualTo(new ServeCommand.Parsed.Run(3000, Optional.empty(), false));
  }

  @Test
  void portComesFromArgumentThenPortVariable() {
    assertThat(parse(Map.of("PORT", "9000"), "--port", "8080")).isEqualTo(run(8080, null));
    assertThat(parse(Map.of("PORT", "9000"), "--port=8081")).isEqualTo(run(8081, null));
    assertThat(parse(Map.of("PORT", "9000"), "-p", "8082")).isEqualTo(run(8082, null));
    assertThat(parse(Map.of("PORT", "9000"))).isEqualTo(run(9000, null));
    assertThat(parse(Map.of("PORT", " "))).isEqualTo(run(3000, null));
    assertThat(parse(Map.of(), "--port", "0")).isEqualTo(run(0, null));
  }

  @Test
  void hostnameComesFromArgumentThenNextHostnameNeverHostname() {
    Map<String, String> container = Map.of("HOSTNAME", "web-7f9c6d", "NEXT_HOSTNAME", "127.0.0.1");

    assertThat(parse(Map.of("HOSTNAME", "web-7f9c6d"))).isEqualTo(run(3000, null));
    assertThat(parse(container)).isEqualTo(run(3000, "127.0.0.1"));
    assertThat(parse(container, "--hostname", "::1")).isEqualTo(run(3000, "::1"));
    assertThat(parse(container, "--hostname=localhost")).isEqualTo(run(3000, "localhost"));
    assertThat(parse(container, "-H", "0.0.0.0")).isEqualTo(run(3000, "0.0.0.0"));
  }

  @Test
  void devFlag() {
    assertThat(parse(Map.of(), "--dev")).isEqualTo(new ServeCommand.Parsed.Run(3000, Optional.empty(), true));
  }

  @Test
  void badValuesSayWhatAndWhere() {
    assertThat(parse(Map.of(), "--port", "abc"))
        .isEqualTo(invalid("--port is not a port number: \"abc\" (use 0 to 65535; 0 picks a free port)"));
    assertThat(parse(Map.of(), "--port=70000"))
        .isEqualTo(invalid("--port is not a port number: \"70000\" (use 0 to 65535; 0 picks a free port)"));
    assertThat(parse(Map.of("PORT", "-1")))
        .isEqualTo(invalid("PORT is not a port number: \"-1\" (use 0 to 65535; 0 picks a free port)"));
    assertThat(parse(Map.of(), "--port")).isEqualTo(invalid("--port needs a value, e.g. --port 3000"));
    assertThat(parse(Map.of(), "-H")).isEqualTo(invalid("-H needs a value, e.g. -H 127.0.0.1"));
    assertThat(parse(Map.of("NEXT_HOSTNAME", "a b"))).isEqualTo(invalid("NEXT_HOSTNAME is not a host name: \"a b\""));
    assertThat(parse(Map.of(), "--verbose"))
        .isEqualTo(invalid("unknown argument \"--verbose\" (next4j takes --port N, --hostname H, --dev)"));
    assertThat(parse(Map.of(), "--dev=yes")).isEqualTo(invalid("--dev takes no value: \"--dev=yes\""));
  }

  @Test
  void helpIsAskedFor() {
    assertThat(parse(Map.of(), "--help")).isEqualTo(new ServeCommand.Parsed.Help());
    assertThat(parse(Map.of(), "-h")).isEqualTo(new ServeCommand.Parsed.Help());
  }

  @Test
  void readyLineNamesUrlRoutesAndTime() {
    assertThat(ServeCommand.readyLine(Optional.empty(), 3000, 12, 45))
        .isEqualTo("next4j ready on http://localhost:3000 (12 routes, started in 45 ms)");
    assertThat(ServeCommand.readyLine(Optional.of("::1"), 8080, 1, 7))
        .isEqualTo("next4j ready on http://[::1]:8080 (1 route, started in 7 ms)");
  }

  @Test
  void servesUntilTerminatedAndCutsOffStalledClientsAfterMaxReqTime() throws Exception {
    // -D wins over next4j's default of 20 s, so the cut-off shows within the test.
    Process server = java(Map.of(), "-Dsun.net.httpserver.maxReqTime=1", "--port", "0", "--hostname", "127.0.0.1");
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String ready = out.readLine();
      Matcher matcher = READY.matcher(ready == null ? "" : ready);
      assertThat(matcher.matches()).as("ready line: %s", ready).isTrue();
      int port = Integer.parseInt(matcher.group(1));

      var response = Served.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/about")).build());
      assertThat(response.statusCode()).isEqualTo(200);

      try (Socket stalled = new Socket("127.0.0.1", port)) {
        stalled.setSoTimeout(10_000);
        Served.write(stalled, "GET /about HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        long begun = System.nanoTime();
        assertThat(stalled.getInputStream().read()).isEqualTo(-1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun)).isBetween(500L, 5000L);
      }

      server.destroy();
      assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
      try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
        assertThat(again.getLocalPort()).isEqualTo(port);
      }
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void portInUseIsOneLineAndExitCode1() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Process server = java(Map.of("PORT", Integer.toString(port)), "--hostname", "127.0.0.1");

      assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isEqualTo(1);
      assertThat(new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("next4j: port " + port + " is already in use on 127.0.0.1; stop what uses it, "
              + "or pick another port with --port N or PORT=N" + System.lineSeparator());
    }
  }

  @Test
  void addressOfAnotherMachineIsOneLineAndExitCode1() throws Exception {
    // 192.0.2.1 is TEST-NET-1: documentation only, never an address of this machine.
    Process server = java(Map.of(), "--hostname", "192.0.2.1", "--port", "0");

    assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isEqualTo(1);
    String err = new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(err).startsWith("next4j: cannot listen on 192.0.2.1 port 0: ")
        .endsWith(" (is it an address of this machine? try --hostname 127.0.0.1, or none for all)" + System.lineSeparator());
    assertThat(err.lines()).hasSize(1);
  }

  @Test
  void badPortIsOneLineAndExitCode1() throws Exception {
    Process server = java(Map.of("PORT", "http"));

    assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isEqualTo(1);
    assertThat(new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("next4j: PORT is not a port number: \"http\" (use 0 to 65535; 0 picks a free port)"
            + System.lineSeparator());
  }

  /** Starts {@link TestServer} in a JVM of its own; leading {@code -D} arguments go to the JVM. */
  private static Process java(Map<String, String> env, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    int i = 0;
    for (; i < args.length && args[i].startsWith("-D"); i++) {
      command.add(args[i]);
    }
    command.add("-cp");
    command.add(Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
        + Path.of("target", "test-classes").toAbsolutePath());
    command.add(TestServer.class.getName());
    command.addAll(List.of(args).subList(i, args.length));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("PORT");
    builder.environment().remove("NEXT_HOSTNAME");
    builder.environment().putAll(env);
    return builder.start();
  }

  private static ServeCommand.Parsed parse(Map<String, String> env, String... args) {
    return ServeCommand.parse(List.of(args), env);
  }

  private static ServeCommand.Parsed run(int port, String hostname) {
    return new ServeCommand.Parsed.Run(port, Optional.ofNullable(hostname), false);
  }

  private static ServeCommand.Parsed invalid(String message) {
    return new ServeCommand.Parsed.Invalid(message);
  }
}
