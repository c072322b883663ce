package dev.next4j.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for the tests, on a free port of the loopback, with no persistence;
 * {@link #close()} stops it by its pid and waits until it is gone.
 */
final class RedisServer implements AutoCloseable {
  static final String INSTALL_HINT = "The next-redis tests need Debian's redis-server on the PATH. "
      + "Install it with bin/install-test-deps (as root), or: apt-get install -y redis-server";

  private final Process process;
  private final int port;
  private final Path log;

  private RedisServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** A server on a free port. */
  static RedisServer start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    return start(port);
  }

  /** A server on {@code port} (again on the port of one stopped a moment ago, as a restarted Redis). */
  static RedisServer start(int port) throws IOException, InterruptedException {
    Path executable = onPath("redis-server");
    Path log = Files.createTempFile("redis-server-" + port, ".log");
    Process process = new ProcessBuilder(List.of(executable.toString(), "--port", Integer.toString(port),
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    RedisServer server = new RedisServer(process, port, log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try (RespConnection connection = server.connect()) {
        if ("PONG".equals(connection.call("PING"))) {
          return server;
        }
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    server.close();
    throw new IllegalStateException("redis-server did not answer PING on port " + port + " within 20 s:\n" + Files.readString(log));
  }

  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(INSTALL_HINT);
  }

  int port() {
    return port;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** A connection of the test's own, to look at what the cache stored. */
  RespConnection connect() throws IOException {
    return RespConnection.open(RedisAddress.parse(url()), Duration.ofSeconds(2));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // A temporary log left behind harms nothing.
    }
  }
}
