import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Dev mode's reload benchmark: edit → first fresh response, as a user sees it.
 *
 * <p>Writes a 100-page site to a temp folder, starts {@code mvn next:run} on it, then edits one
 * page at a time (a different one each time) and polls that page over HTTP until it shows the
 * edit. The time from the write to that response is one sample. A few warm-up edits come first
 * and are printed but not counted. Prints every sample, the median and the 90th percentile.
 *
 * <pre>
 * java bench/ReloadBench.java --repo ~/.m2/repository [--pages 100] [--edits 20] [--warmup 3]
 * </pre>
 *
 * Run it through {@code bench/reload.sh}, which installs the plugin first.
 */
public final class ReloadBench {
  public static void main(String[] args) throws Exception {
    Path repo = Path.of(option(args, "--repo", System.getProperty("user.home") + "/.m2/repository"));
    int pages = Integer.parseInt(option(args, "--pages", "100"));
    int edits = Integer.parseInt(option(args, "--edits", "20"));
    int warmup = Integer.parseInt(option(args, "--warmup", "3"));
    String version = projectVersion(Path.of("pom.xml"));
    String mvn = option(args, "--mvn", "mvn");

    Path site = Files.createTempDirectory("next4j-reload-bench-");
    writeSite(site, pages, version);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path log = site.resolve("next-run.log");
    Process server = new ProcessBuilder(mvn, "-B", "-o", "-Dmaven.repo.local=" + repo, "next:run", "-Dnext.port=" + port)
        .directory(site.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      awaitLog(log, "next4j dev server ready", server);
      System.out.println(lastLine(log, "next4j dev server ready"));
      get(http, port, "/");
      List<Double> samples = new ArrayList<>();
      Duration cpuBefore = Duration.ZERO;
      for (int i = 0; i < warmup + edits; i++) {
        if (i == warmup) {
          cpuBefore = cpuTime(server);
        }
        int page = 1 + (i * 37) % (pages - 1);
        String token = "edit-" + i + "-" + System.nanoTime();
        Path file = site.resolve("src/main/java/com/acme/pages/" + pageName(page) + ".java");
        String path = "/topic" + String.format("%03d", page);
        long start = System.nanoTime();
        Files.writeString(file, pageSource(pageName(page), token));
        while (!get(http, port, path).contains(token)) {
          // each request waits on the server while a reload is under way; ask again right away
        }
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("%s edit %2d  %-9s %7.1f ms%n", i < warmup ? "warm-up" : "       ", i + 1, path, ms);
        if (i >= warmup) {
          samples.add(ms);
        }
        Thread.sleep(400); // let the browser-less live-reload event and the log settle
      }
      Duration cpu = cpuTime(server).minus(cpuBefore);
      samples.sort(Comparator.naturalOrder());
      System.out.printf("%nedit -> first fresh response, %d edits on a %d-page site: median %.0f ms, p90 %.0f ms "
              + "(min %.0f, max %.0f)%n", samples.size(), pages, percentile(samples, 50), percentile(samples, 90),
          samples.get(0), samples.get(samples.size() - 1));
      System.out.println("server-side reload times (from the next:run log, warm-up included): " + reloadTimes(log));
      // CPU time is disturbed less than wall time by other processes on the machine.
      System.out.printf("CPU time of the next:run JVM (user + system, all threads, JIT included) per measured edit: "
          + "%.0f ms; load average %s%n", cpu.toNanos() / 1e6 / edits, loadAverage());
    } finally {
      new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor();
      if (!server.waitFor(15, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
      if (!List.of(args).contains("--keep")) {
        deleteTree(site);
      } else {
        System.out.println("site kept at " + site);
      }
    }
  }

  /** Nearest-rank percentile of sorted samples. */
  static double percentile(List<Double> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  static String pageName(int i) {
    return "Topic" + String.format("%03d", i);
  }

  static String pageSource(String name, String text) {
    return """
        package com.acme.pages;

        import com.acme.Routes;
        import dev.next4j.runtime.Page;
        import dev.next4j.runtime.Request;
        import dev.next4j.runtime.Response;

        public final class %s implements Page<Routes.%s> {
          @Override
          public Response render(Request request, Routes.%s params) {
            return Response.html("<!doctype html><html><body><h1>%s</h1><p>%s</p></body></html>");
          }
        }
        """.formatted(name, name, name, name, text);
  }

  static void writeSite(Path site, int pages, String version) throws IOException {
    Path dir = Files.createDirectories(site.resolve("src/main/java/com/acme/pages"));
    Files.writeString(dir.resolve("Index.java"), pageSource("Index", "home").replace("<h1>Index</h1>", "<h1>Home</h1>"));
    for (int i = 1; i < pages; i++) {
      Files.writeString(dir.resolve(pageName(i) + ".java"), pageSource(pageName(i), "first version"));
    }
    Files.writeString(site.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId>
          <artifactId>reload-bench-site</artifactId>
          <version>1.0</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency>
              <groupId>dev.next4j</groupId>
              <artifactId>next-runtime</artifactId>
              <version>%1$s</version>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <groupId>dev.next4j</groupId>
                <artifactId>next-maven-plugin</artifactId>
                <version>%1$s</version>
                <executions><execution><goals><goal>generate</goal></goals></execution></executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(version));
  }

  static String get(HttpClient http, int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The CPU time {@code process} has used so far, all its threads. */
  static Duration cpuTime(Process process) {
    return process.info().totalCpuDuration().orElseThrow(
        () -> new IllegalStateException("this system does not report a process's CPU time"));
  }

  /** The first three fields of /proc/loadavg, or "unknown" where there is none. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static void awaitLog(Path log, String text, Process server) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      if (!server.isAlive()) {
        throw new IllegalStateException("mvn next:run ended:\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("mvn next:run never got ready:\n" + Files.readString(log));
  }

  static String lastLine(Path log, String text) throws IOException {
    return Files.readAllLines(log).stream().filter(l -> l.contains(text)).reduce((a, b) -> b).orElse("");
  }

  static List<Integer> reloadTimes(Path log) throws IOException {
    List<Integer> times = new ArrayList<>();
    Matcher m = Pattern.compile("Reloaded in (\\d+) ms").matcher(Files.readString(log));
    while (m.find()) {
      times.add(Integer.parseInt(m.group(1)));
    }
    return times;
  }

  /** The version in the reactor's pom.xml, run from the repository's root. */
  static String projectVersion(Path pom) throws IOException {
    Matcher m = Pattern.compile("<artifactId>next-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(pom));
    if (!m.find()) {
      throw new IllegalStateException("run from the repository's root: no next-parent version in " + pom.toAbsolutePath());
    }
    return m.group(1);
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
