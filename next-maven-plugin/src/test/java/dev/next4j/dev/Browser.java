package dev.next4j.dev;

import dev.next4j.testing.Json;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A headless Chromium driven by Debian's ChromeDriver over the W3C WebDriver HTTP protocol: one
 * session, one window, scripts run in the page. Fails with how to install the browser when it is
 * not there.
 */
final class Browser implements AutoCloseable {
  static final String INSTALL_HINT = "The browser test needs Debian's chromium and chromedriver on the PATH. "
      + "Install them with bin/install-test-deps (as root), or: apt-get install -y chromium chromium-driver";

  private final Process driver;
  private final URI session;
  private final Path profile;
  private final HttpClient http = HttpClient.newHttpClient();

  private Browser(Process driver, URI session, Path profile) {
    this.driver = driver;
    this.session = session;
    this.profile = profile;
  }

  static Browser start() throws IOException, InterruptedException {
    Path chromium = onPath("chromium");
    Path chromedriver = onPath("chromedriver");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Path profile = Files.createTempDirectory("next4j-chromium-");
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      HttpClient http = HttpClient.newHttpClient();
      awaitReady(http, base, driver);
      String args = Stream.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-dev-shm-usage", "--user-data-dir=" + profile)
          .map(Json::quote).collect(Collectors.joining(","));
      String capabilities = "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\","
          + "\"goog:chromeOptions\":{\"binary\":" + Json.quote(chromium.toString()) + ",\"args\":[" + args + "]}}}}";
      Map<?, ?> created = (Map<?, ?>) value(send(http, HttpRequest.newBuilder(base.resolve("/session"))
          .POST(HttpRequest.BodyPublishers.ofString(capabilities))));
      return new Browser(driver, base.resolve("/session/" + created.get("sessionId")), profile);
    } catch (IOException | RuntimeException | InterruptedException e) {
      driver.destroy();
      throw e;
    }
  }

  /** Opens {@code url} in the window and waits for it to load. */
  void open(String url) throws IOException, InterruptedException {
    command("url", "{\"url\":" + Json.quote(url) + "}");
  }

  /** Runs {@code script} (a function body that may {@code return} a value) in the page. */
  Object run(String script) throws IOException, InterruptedException {
    return command("execute/sync", "{\"script\":" + Json.quote(script) + ",\"args\":[]}");
  }

  /** Runs {@code script} until it returns {@code true}, or fails after {@code patience}. */
  void await(String what, String script, Duration patience) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    Object last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = run(script);
        if (Boolean.TRUE.equals(last)) {
          return;
        }
      } catch (IllegalStateException navigating) {
        last = navigating.getMessage(); // the page was being replaced while the script ran
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the browser never showed " + what + " within " + patience + "; last: " + last
        + "\npage: " + run("return document.documentElement.outerHTML"));
  }

  private Object command(String path, String body) throws IOException, InterruptedException {
    URI uri = URI.create(session + "/" + path);
    return value(send(http, HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))));
  }

  private static String send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("WebDriver answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static Object value(String response) {
    return ((Map<?, ?>) Json.parse(response)).get("value");
  }

  private static void awaitReady(HttpClient http, URI base, Process driver) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline && driver.isAlive()) {
      try {
        String status = send(http, HttpRequest.newBuilder(base.resolve("/status")).GET());
        if (Boolean.TRUE.equals(((Map<?, ?>) value(status)).get("ready"))) {
          return;
        }
      } catch (IOException notYet) {
        // the driver is still starting
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("chromedriver did not get ready within 20 s (alive: " + driver.isAlive() + ")");
  }

  private static Path onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(command + " is not on the PATH. " + INSTALL_HINT);
  }

  /** Quits the browser and the driver, and ends any browser process the driver left behind. */
  @Override
  public void close() throws IOException, InterruptedException {
    List<ProcessHandle> browser = driver.descendants().toList();
    try {
      send(http, HttpRequest.newBuilder(session).DELETE()); // quits Chromium
    } finally {
      driver.destroy();
      if (!driver.waitFor(5, TimeUnit.SECONDS)) {
        driver.destroyForcibly();
      }
      for (ProcessHandle process : browser) {
        process.destroy();
      }
      for (ProcessHandle process : browser) {
        try {
          process.onExit().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException stuck) {
          process.destroyForcibly();
        }
      }
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (IOException leftBehind) {
        // a temp folder; the OS cleans it
      }
    }
  }
}
