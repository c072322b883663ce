package dev.next4j.codegen;

import dev.next4j.codegen.GenerationResult.Generated;
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times {@link NextGenerator#generate} on a site of 10,000 pages: a full generate (target: at most
 * 2 s cold) and a no-op run with nothing changed (at most 100 ms). Not a unit test: run it with
 *
 * <pre>
 * mvn -B -q -pl next-maven-plugin test-compile org.codehaus.mojo:exec-maven-plugin:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test -Dexec.args="-cp %classpath dev.next4j.codegen.GenerateBenchmark"
 * </pre>
 *
 * <p>The site has 100 sections of 100 pages: 92 static pages, an index, a {@code $slug} page with
 * an {@code Edit} page below it, a catch-all, an optional catch-all, and three API routes.
 *
 * <p>"Cold" is what {@code next:generate} pays in a {@code mvn package} with no earlier output:
 * each cold run is a fresh JVM (as a Maven build's first use of the plugin's classes; Maven's own
 * startup is not in it) that forgets the outputs, then times {@code NextGenerator.generate} and the
 * route manifest's read that the goal's public-file check does after it. It prints the wall clock,
 * the generating thread's CPU time, the whole JVM's CPU time over the run (JIT compiler and GC
 * threads included; what a busy machine disturbs least), and each phase. Then the same full
 * generate is repeated in this JVM ("warm", as the dev server regenerates on every reload), and
 * last, fresh JVMs each time one no-op run, as a second {@code mvn package} pays it. The machine's
 * load average is printed before and after: numbers taken beside other builds are upper bounds.
 *
 * <p>To profile one cold run by hand: {@code GenerateBenchmark site <dir>} writes the site only,
 * then {@code GenerateBenchmark cold <dir>} (with any JVM options) is one cold run on it.
 *
 * <p>System properties: {@code generate.coldRuns} (fresh JVMs for the cold full generate, default
 * 3), {@code generate.jvmArgs} (options for those JVMs, space-separated, e.g. a flight recording).
 */
public final class GenerateBenchmark {
  private static final int SECTIONS = 100;
  private static final int RUNS = 10;

  private GenerateBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 2 && args[0].equals("no-op")) {
      // A child JVM started below: one no-op run, as the second mvn package of a build pays it.
      GeneratorConfig config = GeneratorConfig.defaults(Path.of(args[1]));
      Timing timing = time(() -> expect(config, 0, PhaseTimes.NONE));
      System.out.printf("no-op run in a fresh JVM: %,d ms (cpu %,d ms)%n", timing.wallMillis(), timing.cpuMillis());
      return;
    }
    if (args.length == 2 && args[0].equals("cold")) {
      coldRun(Path.of(args[1]));
      return;
    }
    if (args.length == 2 && args[0].equals("site")) {
      // Only writes the site, to profile cold runs by hand: java ... GenerateBenchmark cold <dir>.
      System.out.printf("site: %,d page files in %s%n", writeSite(Path.of(args[1])), args[1]);
      return;
    }
    Path dir = Files.createTempDirectory("next4j-bench");
    try {
      System.out.println("load average before: " + loadAverage());
      int pages = writeSite(dir);
      GeneratorConfig config = GeneratorConfig.defaults(dir);
      System.out.printf("site: %,d page files in %s%n", pages, dir);
      int coldRuns = Integer.getInteger("generate.coldRuns", 3);
      List<Long> coldWall = new ArrayList<>();
      List<Long> coldProcess = new ArrayList<>();
      for (int i = 0; i < coldRuns; i++) {
        String result = child("cold", dir, true);
        // The child's result line: "result <wall ms> <thread cpu ms> <process cpu ms>".
        String[] fields = result.strip().split(" ");
        coldWall.add(Long.parseLong(fields[1]));
        coldProcess.add(Long.parseLong(fields[3]));
      }
      if (coldRuns > 0) {
        System.out.printf("cold full generate, %d fresh JVMs: median %,d ms wall, %,d ms CPU of the whole JVM%n",
            coldRuns, median(coldWall), median(coldProcess));
      }
      List<Timing> full = new ArrayList<>();
      List<Timing> noOp = new ArrayList<>();
      List<List<PhaseTimes.Phase>> phases = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        forgetOutputs(config);
        PhaseTimes times = PhaseTimes.recording();
        full.add(time(() -> expect(config, 5, times)));
        phases.add(times.phases());
        noOp.add(time(() -> expect(config, 0, PhaseTimes.NONE)));
      }
      report("full generate, warm", full);
      System.out.println("  warm phases, median: " + describeMedians(phases));
      report("no-op run, warm    ", noOp);
      System.out.printf("Routes.java: %,d bytes%n", Files.size(dir.resolve("target/generated-sources/next/com/acme/Routes.java")));
      for (int i = 0; i < 3; i++) {
        child("no-op", dir, false);
      }
      System.out.println("load average after: " + loadAverage());
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** One cold full generate in this (fresh) JVM, printed; the result line is for the parent to read. */
  private static void coldRun(Path dir) throws IOException {
    GeneratorConfig config = GeneratorConfig.defaults(dir);
    forgetOutputs(config);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long process = os.getProcessCpuTime();
    PhaseTimes times = PhaseTimes.recording();
    Timing timing = time(() -> {
      expect(config, 5, times);
      // What the goal does next with the generator's output: the public-file check reads the manifest.
      RouteManifest.read(config.manifestFile());
      times.mark("read manifest");
    });
    long processMillis = (os.getProcessCpuTime() - process) / 1_000_000;
    System.out.printf("cold full generate in a fresh JVM: %,d ms wall, cpu %,d ms on the generating thread,"
        + " %,d ms in the whole JVM; %s%n", timing.wallMillis(), timing.cpuMillis(), processMillis, describe(times.phases()));
    System.out.printf("result %d %d %d%n", timing.wallMillis(), timing.cpuMillis(), processMillis);
  }

  /** Runs this class's {@code main} in a fresh JVM with {@code mode}; returns its result line, printing the others. */
  private static String child(String mode, Path dir, boolean withJvmArgs) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    String jvmArgs = System.getProperty("generate.jvmArgs", "").strip();
    if (withJvmArgs && !jvmArgs.isEmpty()) {
      command.addAll(List.of(jvmArgs.split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), GenerateBenchmark.class.getName(), mode,
        dir.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String last = "";
    try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("result ")) {
          last = line;
        } else {
          System.out.println(line);
        }
      }
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException("the " + mode + " run in a fresh JVM failed");
    }
    return last;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static int writeSite(Path dir) throws IOException {
    int count = 0;
    for (int s = 0; s < SECTIONS; s++) {
      String section = String.format("s%02d", s);
      List<String> files = new ArrayList<>();
      for (int p = 0; p < 92; p++) {
        files.add(section + "/Page" + p + ".java");
      }
      files.addAll(List.of(section + "/Index.java", section + "/$slug.java", section + "/$slug/Edit.java",
          section + "/docs/$$path.java", section + "/shop/$$$path.java", section + "/api/Items.java",
          section + "/api/items/$id.java", section + "/api/items/$id/Tags.java"));
      for (String file : files) {
        Path path = dir.resolve(Site.PAGES).resolve(file);
        Files.createDirectories(path.getParent());
        String folder = file.substring(0, file.lastIndexOf('/')).replace('/', '.');
        String name = file.substring(file.lastIndexOf('/') + 1, file.length() - ".java".length());
        String record = "Routes." + recordName(file);
        // Only pages/api/ holds API routes; the sections' api/ folders hold pages.
        boolean api = file.startsWith("api/");
        Files.writeString(path, "package com.acme.pages." + folder + ";\n\nimport com.acme.Routes;\nimport dev.next4j.runtime.*;\n\n"
            + "/** A page of the benchmark site. */\npublic final class " + name
            + (api ? " implements ApiRoute<" : " implements Page<") + record + "> {\n"
            + (api ? "  public Response handle(Request request, " : "  public Response render(Request request, ") + record
            + " params) {\n    return Response.html(\"<h1>" + name + "</h1>\");\n  }\n}\n", StandardCharsets.UTF_8);
        count++;
      }
    }
    return count;
  }

  /**
   * The params record the generator names for a page file of this site ({@code s00/$slug/Edit.java}
   * → {@code S00SlugEdit}), so that every page implements its route's kind with its own record.
   */
  private static String recordName(String file) {
    StringBuilder name = new StringBuilder();
    for (String part : file.substring(0, file.length() - ".java".length()).split("/")) {
      String word = part.replace("$", "");
      if (!word.equals("Index")) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return name.toString();
  }

  private static void expect(GeneratorConfig config, int written, PhaseTimes times) throws IOException {
    GenerationResult result = NextGenerator.generate(config, new GeneratorCache(), times);
    if (!(result instanceof Generated generated) || generated.written().size() != written
        || generated.routeCount() != SECTIONS * 100) {
      throw new IllegalStateException("unexpected result: " + result);
    }
  }

  private static void forgetOutputs(GeneratorConfig config) throws IOException {
    Files.deleteIfExists(Fingerprint.file(config));
    Files.deleteIfExists(config.manifestFile());
    Files.deleteIfExists(SourceMap.file(config));
    Files.deleteIfExists(RuleManifest.file(config));
    Files.deleteIfExists(config.outputDir().resolve("com/acme/Routes.java"));
    Files.deleteIfExists(config.outputDir().resolve("com/acme/NextServer.java"));
  }

  @FunctionalInterface
  private interface Run {
    void run() throws IOException;
  }

  /**
   * Wall-clock time, and the CPU time of the generating thread: on a busy machine the wall clock
   * also counts waiting for a core, the CPU time much less so (JIT and GC threads are not in it).
   */
  private record Timing(long wallMillis, long cpuMillis) {}

  private static Timing time(Run run) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    run.run();
    return new Timing((System.nanoTime() - start) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
  }

  private static void report(String what, List<Timing> warm) {
    List<Long> wall = warm.stream().map(Timing::wallMillis).sorted().toList();
    System.out.printf("%s: median %,d ms (min %,d, max %,d; cpu median %,d ms; %d runs)%n", what, median(wall),
        wall.get(0), wall.get(wall.size() - 1), median(warm.stream().map(Timing::cpuMillis).toList()), warm.size());
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** {@code scan 12 ms (cpu 10), parse …}. */
  private static String describe(List<PhaseTimes.Phase> phases) {
    StringBuilder text = new StringBuilder();
    for (PhaseTimes.Phase phase : phases) {
      text.append(text.length() == 0 ? "" : ", ").append(String.format("%s %,d ms (cpu %,d)", phase.name(),
          phase.wallNanos() / 1_000_000, phase.cpuNanos() / 1_000_000));
    }
    return text.toString();
  }

  /** Each phase's median over the runs, which all ran the same phases. */
  private static String describeMedians(List<List<PhaseTimes.Phase>> runs) {
    List<PhaseTimes.Phase> medians = new ArrayList<>();
    for (int i = 0; i < runs.get(0).size(); i++) {
      int phase = i;
      medians.add(new PhaseTimes.Phase(runs.get(0).get(i).name(),
          median(runs.stream().map(run -> run.get(phase).wallNanos()).toList()),
          median(runs.stream().map(run -> run.get(phase).cpuNanos()).toList())));
    }
    return describe(medians);
  }
}
