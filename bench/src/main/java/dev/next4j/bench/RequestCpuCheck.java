package dev.next4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@link RequestBenchmark}'s three benchmarks timed in the calling thread's CPU time, for a busy
 * machine where JMH's wall-clock scores mostly measure the other load: time spent descheduled does
 * not count. The three run in turn, round after round, and each reports its best round and its
 * median round, then next4j's handler over the bare handler. Not a JMH replacement (no fork, no
 * dead-code guard beyond checking each exchange's status); use it for the ratio.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.next4j.bench.RequestCpuCheck [rounds [requests per round]]
 * </pre>
 */
public final class RequestCpuCheck {
  private RequestCpuCheck() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    RequestBenchmark bench = new RequestBenchmark();
    bench.setUp();
    try {
      List<Named> runs = List.of(
          new Named("handle", () -> bench.handle().status()),
          new Named("next4jExchange", () -> bench.next4jExchange().status()),
          new Named("bareExchange", () -> bench.bareExchange().status()));
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long[][] times = new long[runs.size()][rounds];
      // One untimed round each first: the JIT compiles while it runs.
      for (int round = -1; round < rounds; round++) {
        for (int r = 0; r < runs.size(); r++) {
          Named run = runs.get(r);
          long start = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < requests; i++) {
            if (run.call.status() != 200) {
              throw new IllegalStateException(run.name + " answered another status than 200");
            }
          }
          if (round >= 0) {
            times[r][round] = (threads.getCurrentThreadCpuTime() - start) / requests;
          }
        }
      }
      System.out.printf("%-16s %10s %10s   (thread CPU ns per request, %d rounds of %d; load %s)%n",
          "benchmark", "best", "median", rounds, requests, load());
      for (int r = 0; r < runs.size(); r++) {
        long[] sorted = times[r].clone();
        Arrays.sort(sorted);
        System.out.printf("%-16s %10d %10d%n", runs.get(r).name, sorted[0], sorted[rounds / 2]);
      }
      long[] next4j = times[1].clone();
      long[] bare = times[2].clone();
      Arrays.sort(next4j);
      Arrays.sort(bare);
      System.out.printf("next4jExchange / bareExchange: %.2f (best), %.2f (median)%n",
          (double) next4j[0] / bare[0], (double) next4j[rounds / 2] / bare[rounds / 2]);
    } finally {
      bench.tearDown();
    }
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private interface Call {
    int status() throws Exception;
  }

  private record Named(String name, Call call) {}
}
