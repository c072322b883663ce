import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of HTTP servers, measured with wrk in one run: each round launches every server
 * afresh (in turn, so machine noise falls on all alike), checks that it answers the benchmark's
 * routes with the same bodies as the first server, warms it up, and then runs {@code wrk} on each
 * path for a fixed time. For each run it notes requests/s, p99 latency, the server process's CPU
 * time per request and the load average; at the end it prints the medians and each server's ratio
 * to the first one, of req/s and of CPU per request.
 *
 * <p>CPU time is read from {@code /proc/PID/task/N/stat} before and after each run, which other load
 * disturbs less than wall-clock rates, and split by thread group (by the thread's name):
 * {@code handler} (virtual-thread carriers {@code ForkJoinPool-*}, or the pool threads of Java 17),
 * {@code dispatch} (the JDK's {@code HTTP-Dispatcher}, which accepts, selects and hands off), {@code
 * gc} ({@code VM Thread} and GC threads), {@code other}, and {@code jit} (the C1/C2 compiler
 * threads, apart: a server still compiling its code pays for that too, but it is not the code's own
 * cost). The total ({@code cpu}) is everything but {@code jit}. With {@code -Dthreads=true} each
 * run also lists its busiest threads.
 *
 * <pre>
 * java HttpBench.java ROUNDS SECONDS CONNECTIONS name=command...
 * </pre>
 *
 * A command is run by {@code sh -c} with {@code {port}} replaced by a free port; it must start the
 * server itself (use {@code exec}), since the CPU time is read from that process. Paths: {@code
 * -Dpaths=/,/blog/hello-world,/api/hello}; warm-up seconds per path: {@code -Dwarmup=10} (the JIT
 * still recompiles after 5 s).
 */
public final class HttpBench {
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

  /** The thread groups CPU time is split into; {@code jit} is not part of a run's {@code cpu}. */
  static final List<String> GROUPS = List.of("handler", "dispatch", "gc", "other", "jit");

  /**
   * One wrk run: {@code groups} holds the CPU microseconds per request of each of {@link #GROUPS},
   * {@code cpuMicrosPerRequest} their sum without {@code jit}.
   */
  record Run(String server, String path, int round, double rate, double p99ms, double cpuMicrosPerRequest,
      double systemMicrosPerRequest, double[] groups, String load, String errors) {
    double group(String name) {
      return groups[GROUPS.indexOf(name)];
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: java HttpBench.java ROUNDS SECONDS CONNECTIONS name=command...");
      System.exit(2);
    }
    int rounds = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[1]);
    int connections = Integer.parseInt(args[2]);
    int warmup = Integer.getInteger("warmup", 10);
    boolean threads = Boolean.getBoolean("threads");
    List<String> paths = List.of(System.getProperty("paths", "/,/blog/hello-world,/api/hello").split(","));
    Map<String, String> servers = new LinkedHashMap<>();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      servers.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    System.out.printf("%d rounds; per launch: %d s warm-up on each path, then wrk -t2 -c%d -d%ds on each of %s%n",
        rounds, warmup, connections, seconds, paths);
    List<Run> runs = new ArrayList<>();
    Map<String, byte[]> reference = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, String> server : servers.entrySet()) {
        int port = freePort();
        Process process = new ProcessBuilder("sh", "-c", server.getValue().replace("{port}", Integer.toString(port)))
            .redirectErrorStream(true)
            .redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "httpbench-" + server.getKey() + ".log").toFile())
            .start();
        try {
          awaitPort(port, process);
          for (String path : paths) {
            byte[] body = get(port, path);
            byte[] expected = reference.putIfAbsent(path, body);
            if (expected != null && !java.util.Arrays.equals(expected, body)) {
              throw new IllegalStateException(server.getKey() + " answers " + path + " with other bytes than "
                  + servers.keySet().iterator().next() + ":\n" + new String(body, StandardCharsets.UTF_8));
            }
          }
          // Warmed up in two wrk runs per path: a new set of connections (wrk's closing, the next
          // one's opening) deoptimises the JDK server's connection code once more, and its
          // recompilation (with the handler inlined) belongs to the warm-up, not the measurement.
          for (String path : paths) {
            wrk(port, path, connections, (warmup + 1) / 2);
            wrk(port, path, connections, (warmup + 1) / 2);
          }
          for (String path : paths) {
            Map<String, Long> cpuBefore = threadTicks(process.pid());
            String out = wrk(port, path, connections, seconds);
            Map<String, Long> cpuAfter = threadTicks(process.pid());
            long total = Long.parseLong(find(TOTAL, out, "0"));
            // Ticks are 1/100 s: 10,000 microseconds each.
            double perRequest = total == 0 ? 0 : 10_000.0 / total;
            double[] groups = new double[GROUPS.size()];
            Map<String, Long> used = new LinkedHashMap<>();
            double[] system = new double[1];
            cpuAfter.forEach((key, after) -> {
              long ticks = after - cpuBefore.getOrDefault(key, 0L);
              String thread = key.substring(0, key.indexOf('\u0000'));
              String group = group(thread);
              groups[GROUPS.indexOf(group)] += ticks * perRequest;
              if (key.endsWith(SYSTEM) && !group.equals("jit")) {
                system[0] += ticks * perRequest;
              }
              used.merge(thread.substring(thread.indexOf(' ') + 1), ticks, Long::sum);
            });
            double cpu = 0;
            for (int g = 0; g < GROUPS.size(); g++) {
              cpu += GROUPS.get(g).equals("jit") ? 0 : groups[g];
            }
            Run run = new Run(server.getKey(), path, round, Double.parseDouble(find(RATE, out, "0")), p99(out),
                cpu, system[0], groups, loadAverage(), errors(out));
            runs.add(run);
            StringBuilder split = new StringBuilder();
            for (int g = 0; g < GROUPS.size(); g++) {
              split.append(g == 0 ? "" : " ").append(GROUPS.get(g)).append(String.format(" %.1f", groups[g]));
            }
            System.out.printf("round %d %-14s %-20s %9.0f req/s  p99 %6.2f ms  cpu %5.1f us/req (sys %.1f; %s)  load %s%s%n",
                round, run.server(), path, run.rate(), run.p99ms(), run.cpuMicrosPerRequest(), run.systemMicrosPerRequest(), split,
                run.load(), run.errors().isEmpty() ? "" : "  ERRORS " + run.errors());
            if (threads) {
              used.entrySet().stream().filter(e -> e.getValue() > 0)
                  .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                  .forEach(e -> System.out.printf("    %-16s %6.1f us/req%n", e.getKey(), e.getValue() * perRequest));
            }
          }
        } finally {
          process.destroy();
          if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
          }
        }
      }
    }
    summary(runs, servers.keySet(), paths);
  }

  private static void summary(List<Run> runs, Iterable<String> servers, List<String> paths) {
    System.out.println();
    System.out.printf("%-14s %-20s %10s %8s %7s %7s %7s %8s %8s %8s %8s %8s %9s %9s %9s%n", "server", "path", "req/s",
        "p99 ms", "cpu", "user", "sys", "handler", "dispatch", "gc", "other", "jit", "rate x", "cpu x", "user x");
    String first = servers.iterator().next();
    for (String path : paths) {
      double baseRate = median(runs, first, path, Run::rate);
      double baseCpu = median(runs, first, path, Run::cpuMicrosPerRequest);
      double baseUser = median(runs, first, path, r -> r.cpuMicrosPerRequest() - r.systemMicrosPerRequest());
      for (String server : servers) {
        double rate = median(runs, server, path, Run::rate);
        double cpu = median(runs, server, path, Run::cpuMicrosPerRequest);
        double user = median(runs, server, path, r -> r.cpuMicrosPerRequest() - r.systemMicrosPerRequest());
        System.out.printf("%-14s %-20s %10.0f %8.2f %7.1f %7.1f %7.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.2fx %8.2fx %8.2fx%n",
            server, path, rate, median(runs, server, path, Run::p99ms), cpu, user,
            median(runs, server, path, Run::systemMicrosPerRequest), median(runs, server, path, r -> r.group("handler")),
            median(runs, server, path, r -> r.group("dispatch")), median(runs, server, path, r -> r.group("gc")),
            median(runs, server, path, r -> r.group("other")), median(runs, server, path, r -> r.group("jit")),
            rate / baseRate, baseCpu / cpu, baseUser / user);
      }
    }
    System.out.println("(medians over the rounds; CPU in us per request; rate x: req/s over " + first + "'s;"
        + " cpu x, user x: " + first + "'s CPU (user CPU) per request over this one's, so all read as throughput"
        + " ratios; jit is not in cpu)");
  }

  private static double median(List<Run> runs, String server, String path, java.util.function.ToDoubleFunction<Run> value) {
    double[] values = runs.stream().filter(r -> r.server().equals(server) && r.path().equals(path))
        .mapToDouble(value).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  private static String wrk(int port, String path, int connections, int seconds) throws IOException, InterruptedException {
    Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
        "http://127.0.0.1:" + port + path).redirectErrorStream(true).start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + out);
    }
    return out;
  }

  private static String errors(String out) {
    List<String> errors = new ArrayList<>();
    Matcher socket = SOCKET_ERRORS.matcher(out);
    if (socket.find()) {
      errors.add("socket " + socket.group(1).trim());
    }
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      errors.add("non-2xx " + non2xx.group(1));
    }
    return String.join("; ", errors);
  }

  private static double p99(String out) {
    Matcher m = P99.matcher(out);
    if (!m.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }

  private static String find(Pattern pattern, String text, String otherwise) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : otherwise;
  }

  private static final String USER = "\u0000user";
  private static final String SYSTEM = "\u0000sys";

  /**
   * The user and the system CPU time of each of process {@code pid}'s threads in clock ticks (1/100
   * s on Linux), keyed by "tid name" and {@link #USER} or {@link #SYSTEM} (a thread that ended is
   * gone from it, so its time is lost: the servers keep their threads while wrk runs).
   */
  private static Map<String, Long> threadTicks(long pid) throws IOException {
    Map<String, Long> ticks = new LinkedHashMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException ended) {
          continue;
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks.put(task.getFileName() + " " + name + USER, Long.parseLong(fields[11]));
        ticks.put(task.getFileName() + " " + name + SYSTEM, Long.parseLong(fields[12]));
      }
    }
    return ticks;
  }

  /** The group of {@link #GROUPS} of a thread named {@code "tid name"} (Linux cuts names to 15 characters). */
  static String group(String thread) {
    String name = thread.substring(thread.indexOf(' ') + 1);
    if (name.startsWith("ForkJoinPool-") || name.startsWith("next4j-http-") || name.startsWith("pool-")) {
      return "handler";
    }
    if (name.startsWith("HTTP-Dispatcher")) {
      return "dispatch";
    }
    if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
      return "jit";
    }
    if (name.equals("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")) {
      return "gc";
    }
    return "other";
  }

  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  private static byte[] get(int port, String path) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
    try (InputStream in = connection.getInputStream()) {
      if (connection.getResponseCode() != 200) {
        throw new IllegalStateException("GET " + path + ": " + connection.getResponseCode());
      }
      return in.readAllBytes();
    }
  }

  /** A port nothing listens on now (the machine may run other servers). */
  private static int freePort() throws IOException {
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  private static void awaitPort(int port, Process process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue() + " before it listened");
      }
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("nothing listened on port " + port + " within 30 s");
  }
}
