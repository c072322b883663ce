import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures launch to first HTTP 200: starts each command, polls GET / on its port every
 * millisecond until a 200 arrives, stops it, and repeats, alternating the commands round by round
 * so that machine noise falls on all of them alike. Prints median, min and p90 per command and
 * each median's ratio to the first command's.
 *
 * <pre>
 * java StartupBench.java 20 'hello=java -jar hello.jar {port}' 'site=java -jar site.jar --port {port}'
 * </pre>
 *
 * {port} is replaced by a free port for each launch. Run as a single-file program (JDK 11+).
 * {@code java StartupBench.java once 'cmd {port}'...} starts each command once, waits for its first
 * 200 and stops it gently, giving it time to write a JVM archive on exit (AOT training).
 */
public final class StartupBench {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("once")) {
      for (int i = 1; i < args.length; i++) {
        System.out.printf("%.1f ms to the first 200: %s%n", launch(args[i], 300), args[i]);
      }
      return;
    }
    int rounds = Integer.parseInt(args[0]);
    Map<String, String> commands = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      commands.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    Map<String, List<Double>> times = new LinkedHashMap<>();
    commands.keySet().forEach(name -> times.put(name, new ArrayList<>()));
    // One unmeasured launch each warms the OS file cache.
    for (Map.Entry<String, String> command : commands.entrySet()) {
      launch(command.getValue(), 10);
    }
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, String> command : commands.entrySet()) {
        times.get(command.getKey()).add(launch(command.getValue(), 10));
      }
      System.err.print("\rround " + round + "/" + rounds);
    }
    System.err.println();
    String first = commands.keySet().iterator().next();
    double base = median(times.get(first));
    System.out.printf("%-14s %9s %9s %9s %8s%n", "command", "median", "min", "p90", "ratio");
    for (Map.Entry<String, List<Double>> entry : times.entrySet()) {
      List<Double> sorted = new ArrayList<>(entry.getValue());
      Collections.sort(sorted);
      double median = median(sorted);
      System.out.printf("%-14s %6.1f ms %6.1f ms %6.1f ms %8.3f%n", entry.getKey(), median, sorted.get(0),
          sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), median / base);
    }
  }

  /**
   * Milliseconds from starting {@code command} to its first 200 answer on GET /; then it is stopped
   * (SIGTERM) and given {@code exitSeconds} to exit.
   */
  static double launch(String command, int exitSeconds) throws Exception {
    int port = freePort();
    List<String> argv = new ArrayList<>();
    for (String part : command.trim().split("\\s+")) {
      argv.add(part.replace("{port}", Integer.toString(port)));
    }
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PORT", Integer.toString(port));
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("exited with " + process.exitValue() + ": " + command);
        }
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
          throw new IllegalStateException("no 200 within 30 s: " + command);
        }
        if (status(port) == 200) {
          return (System.nanoTime() - start) / 1e6;
        }
        Thread.sleep(1);
      }
    } finally {
      process.destroy();
      if (!process.waitFor(exitSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** The status of GET / on {@code port}, or -1 when nothing answers yet. */
  static int status(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = new byte[12];
      int read = 0;
      while (read < head.length) {
        int n = in.read(head, read, head.length - read);
        if (n < 0) {
          return -1;
        }
        read += n;
      }
      return Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
    } catch (ConnectException | java.net.SocketTimeoutException e) {
      return -1;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
