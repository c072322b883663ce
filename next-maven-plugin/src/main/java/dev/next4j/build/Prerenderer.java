package dev.next4j.build;

import dev.next4j.codegen.Messages;
import dev.next4j.codegen.RouteManifest;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Prerenders a site's static pages at build time, in a JVM of its own with the project's runtime
 * class path: {@code java -cp <classes and dependencies> <generated NextServer> --prerender
 * <folder>}. The site's code runs there, never in Maven's JVM, so a page sees the class path it
 * will see in production and cannot leak into the build.
 *
 * <p>The folder gets {@code META-INF/next/static/manifest.tsv} and the pages' bodies; the packager
 * adds the folder to the runnable jar, where the runtime serves them from memory. The manifest's
 * format is documented in the runtime's {@code internal/PrerenderManifest}.
 */
public final class Prerenderer {
  /** The marker line the runtime prints before a failing page's stack trace (its {@code Prerender.FAILURE_MARK}). */
  static final String FAILURE_MARK = "next4j-prerender-failed";
  /** Where the manifest sits inside the output folder, as inside the jar. */
  public static final String STATIC_FOLDER = "META-INF/next/static";

  private Prerenderer() {}

  /** What ran: the child's report lines (progress and the summary). */
  public record Result(Path folder, List<String> output) {
    public Result {
      output = List.copyOf(output);
    }
  }

  /**
   * Runs the prerendering JVM.
   *
   * @param java the {@code java} executable
   * @param classpath the project's classes first, then its runtime dependencies
   * @param serverClass the generated {@code NextServer}
   * @param root the folder to fill (its {@code META-INF/next/static} is replaced)
   * @param routes the route manifest, to name a failing page's file
   * @param project the project folder, for relative file names
   * @param log gets each line the child prints as it comes (progress lines while prerendering)
   * @throws BuildException when a page fails ({@code next.prerender-failed}, at the page's file)
   *     or the JVM dies otherwise
   */
  public static Result run(Path java, List<Path> classpath, String serverClass, Path root, RouteManifest routes,
      Path project, Consumer<String> log) throws BuildException, IOException {
    Path folder = root.resolve(STATIC_FOLDER);
    Files.createDirectories(root);
    Path errors = Files.createTempFile(root, "prerender", ".err");
    List<String> command = List.of(java.toString(), "-cp",
        classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
        serverClass, "--prerender", folder.toString());
    Process process = new ProcessBuilder(command)
        .directory(project.toFile())
        .redirectError(errors.toFile())
        .start();
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        output.add(line);
        log.accept(line);
      }
    }
    int status;
    try {
      status = process.waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while prerendering", e);
    }
    List<String> err = Files.readAllLines(errors, StandardCharsets.UTF_8);
    Files.delete(errors);
    if (status != 0) {
      throw new BuildException(failure(status, err, routes));
    }
    return new Result(folder, output);
  }

  /** Deletes {@code root} and everything under it, if it exists: the pages of an earlier build. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The problem for a child that exited with {@code status} and printed {@code err}. */
  static Messages.Problem failure(int status, List<String> err, RouteManifest routes) {
    for (int i = 0; i < err.size(); i++) {
      String[] mark = err.get(i).split("\t", -1);
      if (mark.length == 3 && mark[0].equals(FAILURE_MARK)) {
        String file = routes.rows().stream()
            .filter(row -> row.pattern().equals(mark[1]))
            .map(RouteManifest.Row::source)
            .findFirst()
            .orElse(mark[1]);
        List<String> trace = err.subList(i + 1, Math.min(err.size(), i + 1 + 12));
        String exception = trace.isEmpty() ? "(no exception printed)" : String.join("\n", trace);
        return Messages.prerenderFailed(file, mark[1], mark[2], exception);
      }
    }
    List<String> tail = err.subList(Math.max(0, err.size() - 10), err.size());
    return Messages.prerenderCrashed(status, tail.isEmpty() ? "(it printed nothing)" : String.join("\n", tail));
  }
}
