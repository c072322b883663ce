package dev.next4j.maven;

import dev.next4j.build.BuildException;
import dev.next4j.codegen.Messages;
import dev.next4j.codegen.ProjectPaths;
import dev.next4j.codegen.RouteManifest;
import dev.next4j.build.MainClass;
import dev.next4j.build.Packager;
import dev.next4j.build.Prerenderer;
import dev.next4j.build.RunnableJar;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/** What next:package and next:build share: turning Maven's view of the project into a {@link Packager.Request}. */
final class Packaging {
  static final String GROUP_ID = "dev.next4j";
  static final String RUNTIME = "next-runtime";

  private Packaging() {}

  /** Whether the project makes a jar, the only packaging a runnable jar is made from. */
  static boolean isJarProject(MavenProject project) {
    return "jar".equals(project.getPackaging());
  }

  /** {@code target/<finalName>.jar}. */
  static Path jar(MavenProject project) {
    return Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".jar");
  }

  /** {@code target/next}, where the build keeps its own files. */
  static Path workDirectory(MavenProject project) {
    return Path.of(project.getBuild().getDirectory(), "next");
  }

  /**
   * Makes the runnable jar and logs one summary line, a warning per conflicting duplicate, and a
   * warning when the site has no pages (it is still built: it answers 404, as an empty Next.js
   * pages folder does).
   */
  static Packager.Outcome packageJar(
      MavenProject project, String mainClass, File generatedSources, File manifestFile, Log log)
      throws MojoExecutionException, MojoFailureException {
    List<RunnableJar.Source> dependencies = new ArrayList<>();
    boolean hasRuntime = false;
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getFile() == null || !artifact.getArtifactHandler().isAddedToClasspath()) {
        continue;
      }
      hasRuntime |= GROUP_ID.equals(artifact.getGroupId()) && RUNTIME.equals(artifact.getArtifactId());
      dependencies.add(new RunnableJar.Source(artifact.getFile().getName(), artifact.getFile().toPath()));
    }
    int jars = dependencies.size() + 1;
    prerender(project, generatedSources, manifestFile, dependencies, log);
    Packager.Request request = new Packager.Request(
        project.getBasedir().toPath(),
        jar(project),
        workDirectory(project),
        Path.of(project.getBuild().getOutputDirectory()),
        generatedSources.toPath(),
        Optional.ofNullable(mainClass).filter(s -> !s.isBlank()),
        dependencies,
        hasRuntime);
    Packager.Outcome outcome = call(() -> Packager.run(request));
    RunnableJar.Result jar = outcome.jar();
    for (Path removed : outcome.removedArchives()) {
      log.info("Removed " + relative(project, removed) + ", made for the previous jar (mvn next:build -Dnext.aot makes a new one)");
    }
    warnDuplicates(jar.duplicates(), log);
    log.info("Runnable jar " + relative(project, jar.jar()) + " (" + size(jar.jar()) + " bytes): main class " + outcome.mainClass() + ", "
        + jars + " jars merged, " + jar.entries() + " entries"
        + (jar.servicesMerged() > 0 ? ", " + jar.servicesMerged() + " services files merged" : "")
        + (jar.signaturesDropped() > 0 ? ", " + jar.signaturesDropped() + " signature files dropped" : "")
        + (jar.duplicates().isEmpty() ? "" : ", " + jar.duplicates().size() + " conflicting duplicates (first kept)")
        + (jar.multiRelease() ? ", multi-release" : ""));
    boolean noPages = call(() -> manifestFile.isFile() && RouteManifest.read(manifestFile.toPath()).routes().isEmpty());
    if (noPages) {
      log.warn(Messages.noPages().text());
    }
    return outcome;
  }

  /** One warning per entry held with different content, naming every input whose copy was skipped. */
  private static void warnDuplicates(List<RunnableJar.Duplicate> duplicates, Log log) {
    Map<String, List<RunnableJar.Duplicate>> byEntry = new LinkedHashMap<>();
    for (RunnableJar.Duplicate duplicate : duplicates) {
      byEntry.computeIfAbsent(duplicate.entry(), entry -> new ArrayList<>()).add(duplicate);
    }
    for (List<RunnableJar.Duplicate> same : byEntry.values()) {
      if (same.size() == 1) {
        log.warn("Two inputs hold " + same.get(0));
        continue;
      }
      List<String> skipped = new ArrayList<>();
      for (RunnableJar.Duplicate duplicate : same) {
        skipped.add(duplicate.skipped());
      }
      log.warn(same.size() + 1 + " inputs hold " + same.get(0).entry() + " (kept from " + same.get(0).kept()
          + ", skipped from " + String.join(", ", skipped) + ")");
    }
  }

  /** Whether the project binds next:package itself, so a forked lifecycle already made the jar runnable. */
  static boolean packageGoalIsDeclared(MavenProject project, MojoExecution mojoExecution) {
    String key = mojoExecution.getGroupId() + ":" + mojoExecution.getArtifactId();
    Plugin plugin = project.getPlugin(key);
    if (plugin == null) {
      return false;
    }
    for (PluginExecution execution : plugin.getExecutions()) {
      if (execution.getGoals().contains("package")) {
        return true;
      }
    }
    return false;
  }

  /** {@code target/next/prerendered}, the folder the prerendering JVM fills and the jar takes in. */
  static Path prerenderedFolder(MavenProject project) {
    return workDirectory(project).resolve("prerendered");
  }

  /**
   * Prerenders the static pages (when the site has any) in a JVM of the project's runtime class
   * path, and puts the folder right after the project's classes in {@code dependencies}, so the
   * runnable jar holds them under {@code META-INF/next/static/}.
   */
  private static void prerender(MavenProject project, File generatedSources, File manifestFile,
      List<RunnableJar.Source> dependencies, Log log) throws MojoExecutionException, MojoFailureException {
    Path root = prerenderedFolder(project);
    call(() -> {
      Prerenderer.delete(root);
      return null;
    });
    if (!manifestFile.isFile()) {
      return;
    }
    RouteManifest routes = call(() -> RouteManifest.read(manifestFile.toPath()));
    if (routes.routes().stream().noneMatch(r -> r.kind() == RouteManifest.Kind.STATIC)) {
      return;
    }
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    Path basedir = project.getBasedir().toPath();
    String server = call(() -> MainClass.resolve(Optional.empty(), classes, generatedSources.toPath(), basedir));
    List<Path> classpath = new ArrayList<>();
    classpath.add(classes);
    dependencies.forEach(d -> classpath.add(d.path()));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    long begun = System.nanoTime();
    call(() -> Prerenderer.run(java, classpath, server, root, routes, basedir, line -> log.info(line)));
    log.debug("prerendering took " + (System.nanoTime() - begun) / 1_000_000 + " ms");
    dependencies.add(0, new RunnableJar.Source("prerendered pages", root));
  }

  private static long size(Path file) throws MojoExecutionException {
    try {
      return java.nio.file.Files.size(file);
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  static String relative(MavenProject project, Path file) {
    return ProjectPaths.relative(project.getBasedir().toPath(), file);
  }

  /** A step of the build that may fail for the user's reasons or for I/O's. */
  interface Step<T> {
    T run() throws BuildException, IOException;
  }

  /** Runs {@code step}: a user's mistake fails the build with its one line, an I/O error as an error. */
  static <T> T call(Step<T> step) throws MojoExecutionException, MojoFailureException {
    try {
      return step.run();
    } catch (BuildException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }
}
