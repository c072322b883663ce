package dev.next4j.codegen;

import dev.next4j.codegen.GenerationResult.Generated;
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
 * Times {@link NextGenerator#generate} on a site of 10,000 pages: a full generate (targets: at most
 * 2 s) and a no-op run with nothing changed (at most 100 ms). Not a unit test: run it with
 *
 * <pre>
 * mvn -B -q -pl next-maven-plugin test-compile org.codehaus.mojo:exec-maven-plugin:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test -Dexec.args="-cp %classpath dev.next4j.codegen.GenerateBenchmark"
 * </pre>
 *
 * <p>The site has 100 sections of 100 pages: 92 static pages, an index, a {@code $slug} page with
 * an {@code Edit} page below it, a catch-all, an optional catch-all, and three API routes. Each
 * measurement is taken in a fresh JVM first ("cold", as in a {@code mvn package}), then repeated in
 * the warmed JVM (as in the dev server, which regenerates on every reload); medians are printed,
 * of the wall clock and of the generating thread's CPU time. Last, three fresh JVMs each time one
 * no-op run, as a second {@code mvn package} pays it.
 * A full generate is forced by deleting the outputs and the fingerprint before each run.
 */
public final class GenerateBenchmark {
  private static final int SECTIONS = 100;
  private static final int RUNS = 10;

  private GenerateBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 2 && args[0].equals("no-op")) {
      // The child JVM started below: one no-op run, as the second mvn package of a build pays it.
      GeneratorConfig config = GeneratorConfig.defaults(Path.of(args[1]));
      Timing timing = time(() -> expect(config, 0));
      System.out.printf("no-op run in a fresh JVM: %,d ms (cpu %,d ms)%n", timing.wallMillis(), timing.cpuMillis());
      return;
    }
    Path dir = Files.createTempDirectory("next4j-bench");
    try {
      int pages = writeSite(dir);
      GeneratorConfig config = GeneratorConfig.defaults(dir);
      System.out.printf("site: %,d page files in %s%n", pages, dir);

      Timing coldFull = time(() -> expect(config, 4));
      Timing coldNoOp = time(() -> expect(config, 0));
      List<Timing> full = new ArrayList<>();
      List<Timing> noOp = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        forgetOutputs(config);
        full.add(time(() -> expect(config, 4)));
        noOp.add(time(() -> expect(config, 0)));
      }
      report("full generate", coldFull, full);
      report("no-op run    ", coldNoOp, noOp);
      System.out.printf("Routes.java: %,d bytes%n", Files.size(dir.resolve("target/generated-sources/next/com/acme/Routes.java")));
      for (int i = 0; i < 3; i++) {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), GenerateBenchmark.class.getName(), "no-op", dir.toString())
            .inheritIO().start();
        if (child.waitFor() != 0) {
          throw new IllegalStateException("the no-op run in a fresh JVM failed");
        }
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
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

  private static void expect(GeneratorConfig config, int written) throws IOException {
    GenerationResult result = NextGenerator.generate(config);
    if (!(result instanceof Generated generated) || generated.written().size() != written
        || generated.routeCount() != SECTIONS * 100) {
      throw new IllegalStateException("unexpected result: " + result);
    }
  }

  private static void forgetOutputs(GeneratorConfig config) throws IOException {
    Files.deleteIfExists(Fingerprint.file(config));
    Files.deleteIfExists(config.manifestFile());
    Files.deleteIfExists(SourceMap.file(config));
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

  private static void report(String what, Timing cold, List<Timing> warm) {
    List<Long> wall = warm.stream().map(Timing::wallMillis).sorted().toList();
    List<Long> cpu = warm.stream().map(Timing::cpuMillis).sorted().toList();
    System.out.printf("%s: cold %,d ms (cpu %,d ms); warm median %,d ms (min %,d, max %,d; cpu median %,d ms; %d runs)%n",
        what, cold.wallMillis(), cold.cpuMillis(), wall.get(wall.size() / 2), wall.get(0), wall.get(wall.size() - 1),
        cpu.get(cpu.size() / 2), warm.size());
  }
}
