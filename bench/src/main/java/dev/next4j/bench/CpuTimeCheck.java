package dev.next4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Supplier;

/**
 * A rough cross-check of {@link RouteLookupBenchmark} for a busy machine: the same lookups, timed
 * in the calling thread's CPU time (so time spent descheduled does not count), best of eight
 * rounds. Not a JMH replacement: no forks, no dead-code guard beyond keeping the last result.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.next4j.bench.CpuTimeCheck [paths]
 * </pre>
 */
public final class CpuTimeCheck {
  private static final int LOOKUPS = 2_000_000;
  private static final int ROUNDS = 8;

  private CpuTimeCheck() {}

  public static void main(String[] args) {
    int paths = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf("%-18s %7s %6s  %s%n", "benchmark", "routes", "paths", "ns/op (thread CPU time, best of " + ROUNDS + ")");
    for (int routes : new int[] {10, 1_000, 10_000}) {
      RouteLookupBenchmark bench = new RouteLookupBenchmark();
      bench.routes = routes;
      bench.paths = paths;
      bench.setUp();
      List<Named> lookups = List.of(
          new Named("staticHit", bench::staticHit),
          new Named("dynamic3Segments", bench::dynamic3Segments),
          new Named("dynamicUsersPosts", bench::dynamicUsersPosts),
          new Named("catchAll", bench::catchAll),
          new Named("miss", bench::miss));
      for (Named lookup : lookups) {
        long best = Long.MAX_VALUE;
        Object last = null;
        for (int round = 0; round < ROUNDS; round++) {
          long start = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < LOOKUPS; i++) {
            last = lookup.call.get();
          }
          best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / LOOKUPS);
        }
        System.out.printf("%-18s %7d %6d  %d%s%n", lookup.name, routes, paths, best, last == null ? "?" : "");
      }
    }
  }

  private record Named(String name, Supplier<Object> call) {}
}
