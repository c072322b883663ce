package dev.next4j.codegen;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one generator run spent its time: the wall clock and the generating thread's CPU time of
 * each phase, for {@code GenerateBenchmark} (the plugin's test sources). {@link #NONE} records
 * nothing and costs nothing, which is what a build passes.
 *
 * <pre>{@code
 * PhaseTimes times = PhaseTimes.recording();
 * NextGenerator.generate(config, new GeneratorCache(), times);
 * times.phases();   // [Phase[name=scan, wallNanos=…, cpuNanos=…], Phase[name=parse, …], …]
 * }</pre>
 */
final class PhaseTimes {
  /** Records nothing. */
  static final PhaseTimes NONE = new PhaseTimes(null);

  /** One phase: from the mark before it to its own. */
  record Phase(String name, long wallNanos, long cpuNanos) {}

  private final ThreadMXBean threads;
  private final List<Phase> phases = new ArrayList<>();
  private long wall;
  private long cpu;

  private PhaseTimes(ThreadMXBean threads) {
    this.threads = threads;
    if (threads != null) {
      wall = System.nanoTime();
      cpu = threads.getCurrentThreadCpuTime();
    }
  }

  /** Times the phases from now on, on the calling thread. */
  static PhaseTimes recording() {
    return new PhaseTimes(ManagementFactory.getThreadMXBean());
  }

  /** Ends the phase {@code name}, which ran since the last mark (or since this was made). */
  void mark(String name) {
    if (threads == null) {
      return;
    }
    long nowWall = System.nanoTime();
    long nowCpu = threads.getCurrentThreadCpuTime();
    phases.add(new Phase(name, nowWall - wall, nowCpu - cpu));
    wall = nowWall;
    cpu = nowCpu;
  }

  /** The phases marked so far, in order. */
  List<Phase> phases() {
    return List.copyOf(phases);
  }
}
