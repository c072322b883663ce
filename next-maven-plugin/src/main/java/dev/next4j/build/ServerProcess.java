package dev.next4j.build;

import dev.next4j.codegen.Messages;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a built server as a child process, waits until it answers HTTP, and stops it: what
 * {@code next:start}, {@code next:stop} and the AOT training run share.
 */
public final class ServerProcess {
  private static final Pattern URL_IN_OUTPUT = Pattern.compile("https?://[^\\s/:]+:(\\d{1,5})");
  private static final Duration POLL = Duration.ofMillis(25);

  private ServerProcess() {}

  /** A server running in the background: its process, port and the URL it answered on. */
  public record Running(Process process, int port, URI url) {
    public long pid() {
      return process.pid();
    }
  }

  /**
   * Starts {@code command} with its output going to {@code log} and waits until it answers HTTP on
   * {@code port} (or, for port 0, on the port its output announces as {@code http://host:port}).
   *
   * @throws BuildException when the process exits first or does not answer within {@code timeout};
   *     it is stopped then
   */
  public static Running startInBackground(
      List<String> command, Map<String, String> environment, Path log, int port, Duration timeout)
      throws BuildException, IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      return awaitReady(process, log, port, timeout);
    } catch (BuildException | IOException | RuntimeException e) {
      stop(process.toHandle(), Duration.ofSeconds(5));
      throw e;
    }
  }

  private static Running awaitReady(Process process, Path log, int requestedPort, Duration timeout)
      throws BuildException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int port = requestedPort;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new BuildException(Messages.serverExited(process.exitValue(), lastLine(log)));
      }
      if (port == 0) {
        port = announcedPort(read(log)).orElse(0);
      }
      if (port != 0) {
        URI url = URI.create("http://127.0.0.1:" + port + "/");
        if (answers(url)) {
          return new Running(process, port, url);
        }
      }
      sleep(POLL);
    }
    String where = port == 0 ? "the port it announces" : "http://127.0.0.1:" + port + "/";
    throw new BuildException(Messages.serverNotReady(where, timeout.toSeconds(), log.toString()));
  }

  /** The port of the first {@code http://host:port} the server printed, if any. */
  static Optional<Integer> announcedPort(String output) {
    Matcher matcher = URL_IN_OUTPUT.matcher(output);
    return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
  }

  /** Whether {@code url} gives an HTTP answer that shows the server is up (any status below 500). */
  static boolean answers(URI url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(5000);
      connection.setInstanceFollowRedirects(false);
      try {
        int status = connection.getResponseCode();
        return status >= 200 && status < 500;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Stops a process as {@code kill} does (so the JVM runs its shutdown hooks and writes any archive
   * it was asked to), and forcibly once {@code grace} has passed; returns once it is gone.
   */
  public static void stop(ProcessHandle process, Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      process.onExit().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (ExecutionException e) {
      process.destroyForcibly();
    }
  }

  /**
   * Runs {@code command} in the foreground with this process's terminal, stopping it when this
   * process is stopped (Ctrl-C); returns its exit status.
   */
  public static int runInForeground(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(environment);
    Process process = builder.start();
    Thread stopper = new Thread(() -> stop(process.toHandle(), Duration.ofSeconds(10)), "next-start-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      return process.waitFor();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running already and stops the server
      }
    }
  }

  /** The server's last line that says something: a stack trace's frames are skipped for its message. */
  private static String lastLine(Path log) throws IOException {
    List<String> lines = read(log).lines().map(String::trim).toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (!line.isEmpty() && !line.startsWith("at ") && !(line.startsWith("...") && line.endsWith("more"))) {
        return line;
      }
    }
    return "";
  }

  /** The log's text; undecodable bytes become U+FFFD rather than an error. */
  private static String read(Path log) throws IOException {
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
