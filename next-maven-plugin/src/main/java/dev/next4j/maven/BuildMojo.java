package dev.next4j.maven;

import dev.next4j.build.AotCache;
import dev.next4j.build.BuildException;
import dev.next4j.build.PrerenderedPages;
import dev.next4j.build.Prerenderer;
import dev.next4j.codegen.Messages;
import dev.next4j.codegen.RouteManifest;
import dev.next4j.codegen.RuleManifest;
import dev.next4j.build.RouteReport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * The production build, as {@code next build}: runs the lifecycle up to {@code package} (so
 * sources are generated, compiled and tested), leaves the runnable jar at {@code
 * target/<finalName>.jar} with the static pages prerendered inside it, and prints the route table
 * with Next.js's marks (○ static, ● static with paths, ISR, λ server), each route's size and the
 * size of its prerendered HTML.
 *
 * <pre>
 * mvn next:build
 * java -jar target/my-site-1.0.jar
 * </pre>
 *
 * <p>With {@code -Dnext.aot} it also trains a JVM archive for faster starts (an AOT cache on JDK
 * 25+, AppCDS before) and writes {@code target/<finalName>.sh}, which starts the jar with it.
 */
@Mojo(name = "build", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PACKAGE)
public final class BuildMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution mojoExecution;

  /**
   * The class {@code java -jar} starts, when it is your own server rather than the generated
   * {@code NextServer}: a class of this project with a {@code main} method (a custom server).
   */
  @Parameter(property = "next.mainClass")
  private String mainClass;

  /**
   * Where the generate goal wrote {@code NextServer} (the generate goal's {@code outputDirectory});
   * the main class is found there.
   */
  @Parameter(
      property = "next.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/next",
      required = true)
  private File outputDirectory;

  /** The route manifest the generate goal writes (its {@code manifestFile}); the route report is read from it. */
  @Parameter(
      property = "next.manifestFile",
      defaultValue = "${project.build.directory}/next/routes.tsv",
      required = true)
  private File manifestFile;

  /**
   * Also make a JVM archive of the server's startup classes and a launcher script that uses it:
   * an AOT cache ({@code target/<finalName>.aot}) on JDK 25 and newer, an AppCDS archive ({@code
   * .jsa}) before. The server is started once, its pages without parameters are requested, and it
   * is stopped.
   */
  @Parameter(property = "next.aot", defaultValue = "false")
  private boolean aot;

  /**
   * The JDK (its home folder) that makes the archive, and that the launcher runs; an archive only
   * fits the JDK that made it. Default: the JDK running Maven.
   */
  @Parameter(property = "next.jvm", defaultValue = "${java.home}")
  private File jvm;

  /** How long, in seconds, the AOT training run may take to start and to stop. */
  @Parameter(property = "next.aotTimeout", defaultValue = "120")
  private int aotTimeout;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (!Packaging.isJarProject(project)) {
      // In a reactor, `mvn next:build` reaches the parent and other modules too: only sites build.
      getLog().info("Skipping next:build: the packaging is " + project.getPackaging() + ", not jar");
      return;
    }
    Path jar = Packaging.jar(project);
    if (!Packaging.packageGoalIsDeclared(project, mojoExecution)) {
      // The forked lifecycle ran only the jar plugin: make the jar runnable here.
      Packaging.packageJar(project, mainClass, outputDirectory, manifestFile, getLog());
    }
    Path manifest = manifestFile.toPath();
    RouteReport report = Packaging.call(() -> {
      if (!Files.isRegularFile(manifest)) {
        throw new BuildException(Messages.noRouteManifest(Packaging.relative(project, manifest)));
      }
      return RouteReport.of(
          RouteManifest.read(manifest),
          PrerenderedPages.read(Packaging.prerenderedFolder(project).resolve(Prerenderer.STATIC_FOLDER)),
          RuleManifest.read(RuleManifest.file(manifest)),
          Path.of(project.getBuild().getOutputDirectory()), jar, Packaging.relative(project, jar),
          RouteReport.Marks.forCharset(java.nio.charset.Charset.defaultCharset()));
    });
    getLog().info("");
    report.lines().forEach(getLog()::info);

    if (aot) {
      AotCache.Result result = Packaging.call(() -> AotCache.create(
          AotCache.Jvm.of(jvm.toPath()), jar, AotCache.trainingPaths(RouteManifest.read(manifest)),
          Packaging.workDirectory(project).resolve("aot-training.log"), Duration.ofSeconds(aotTimeout)));
      getLog().info("JVM archive: " + Packaging.relative(project, result.archive())
          + "; start with it: " + Packaging.relative(project, result.launcher()));
    }
  }
}
