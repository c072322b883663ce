package dev.next4j.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Makes the project's jar runnable: {@code target/<finalName>.jar} gets the project's classes,
 * next-runtime and every runtime dependency inside, and a {@code Main-Class}, so {@code java -jar}
 * starts the server. Bound to the {@code package} phase, after the jar plugin, so plain {@code mvn
 * package} gives the same jar as {@code mvn next:build}.
 *
 * <p>Dependencies are unpacked and merged: {@code META-INF/services} files are concatenated,
 * signature files dropped, and an entry that two jars hold with different content is taken from
 * the first (the project, then dependencies in classpath order) and reported. The jar plugin's
 * own jar is kept as {@code target/next/<finalName>.original.jar}.
 */
@Mojo(
    name = "package",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public final class PackageMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

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

  /**
   * The route manifest the generate goal writes (its {@code manifestFile}); a site without pages
   * is packaged with a warning.
   */
  @Parameter(
      property = "next.manifestFile",
      defaultValue = "${project.build.directory}/next/routes.tsv",
      required = true)
  private File manifestFile;

  /** Skips making the jar runnable. */
  @Parameter(property = "next.package.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping next:package");
      return;
    }
    if (!Packaging.isJarProject(project)) {
      getLog().info("Skipping next:package: the packaging is " + project.getPackaging() + ", not jar");
      return;
    }
    Packaging.packageJar(project, mainClass, outputDirectory, manifestFile, getLog());
  }
}
