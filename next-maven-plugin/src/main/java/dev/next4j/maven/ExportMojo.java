package dev.next4j.maven;

import dev.next4j.build.BuildException;
import dev.next4j.build.PrerenderedPages;
import dev.next4j.build.Prerenderer;
import dev.next4j.build.StaticExport;
import dev.next4j.codegen.Messages;
import dev.next4j.codegen.RouteManifest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The static export, as Next.js's {@code output: 'export'}: runs the build up to {@code package}
 * (which prerenders the static pages), then writes every prerendered page and every file of {@code
 * src/main/resources/public} to {@code target/next-export/} as plain files, ready for any static
 * host.
 *
 * <pre>
 * mvn next:export                               # fails if a page needs a server
 * mvn next:export -Dnext.export.skipDynamic     # exports the static part, lists what it left out
 * </pre>
 *
 * <p>{@code /about} becomes {@code about.html}, or {@code about/index.html} with {@code
 * trailingSlash}; see {@code build/StaticExport} for the rules.
 */
@Mojo(name = "export", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PACKAGE)
public final class ExportMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution mojoExecution;

  /** Where the generate goal wrote {@code NextServer}; the prerendering JVM starts it. */
  @Parameter(
      property = "next.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/next",
      required = true)
  private File outputDirectory;

  /** The route manifest the generate goal writes; it tells which routes need a server. */
  @Parameter(property = "next.manifestFile", defaultValue = "${project.build.directory}/next/routes.tsv", required = true)
  private File manifestFile;

  /** The site's {@code trailingSlash}: export {@code about/index.html} rather than {@code about.html}. */
  @Parameter(property = "next.trailingSlash", defaultValue = "false")
  private boolean trailingSlash;

  /** Leave server pages and API routes out (each is listed) instead of failing. */
  @Parameter(property = "next.export.skipDynamic", defaultValue = "false")
  private boolean skipDynamic;

  /** The folder written; emptied first. */
  @Parameter(property = "next.export.directory", defaultValue = "${project.build.directory}/next-export", required = true)
  private File exportDirectory;

  /** The files served at {@code /}, copied as they are. */
  @Parameter(property = "next.publicDirectory", defaultValue = "${project.basedir}/src/main/resources/public", required = true)
  private File publicDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (!Packaging.isJarProject(project)) {
      getLog().info("Skipping next:export: the packaging is " + project.getPackaging() + ", not jar");
      return;
    }
    if (!Packaging.packageGoalIsDeclared(project, mojoExecution)) {
      // The forked lifecycle ran only the jar plugin: package (and so prerender) here.
      Packaging.packageJar(project, null, outputDirectory, manifestFile, getLog());
    }
    Path manifest = manifestFile.toPath();
    StaticExport.Result result = Packaging.call(() -> {
      if (!Files.isRegularFile(manifest)) {
        throw new BuildException(Messages.noRouteManifest(Packaging.relative(project, manifest)));
      }
      return StaticExport.run(RouteManifest.read(manifest),
          PrerenderedPages.read(Packaging.prerenderedFolder(project).resolve(Prerenderer.STATIC_FOLDER)),
          publicDirectory.toPath(), exportDirectory.toPath(), trailingSlash, skipDynamic);
    });
    for (String skipped : result.skipped()) {
      getLog().warn("Not exported (needs a server): " + skipped);
    }
    getLog().info("Exported " + result.pages() + " pages and " + result.publicFiles() + " public files to "
        + Packaging.relative(project, exportDirectory.toPath()));
  }
}
