package dev.next4j.maven;

import dev.next4j.codegen.Diagnostic;
import dev.next4j.codegen.GenerationResult;
import dev.next4j.codegen.GeneratorConfig;
import dev.next4j.codegen.NextGenerator;
import dev.next4j.codegen.ServerSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Scans the pages package, checks it as Next.js would, and generates {@code Routes} (the typed
 * route table) and {@code NextServer} (the server's main class) into {@code outputDirectory}, which
 * becomes a compile source root. Every problem in the pages is reported at its file, then the build
 * fails once. When nothing changed since the last build, nothing is rewritten.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
  /**
   * The package that holds the pages, e.g. {@code com.acme.pages}. By default, the one package
   * under the source roots whose last name is {@code pages}.
   */
  @Parameter(property = "next.pagesPackage")
  private String pagesPackage;

  /**
   * The package for the generated {@code Routes} and {@code NextServer}. By default, the pages
   * package's parent ({@code com.acme} for {@code com.acme.pages}).
   */
  @Parameter(property = "next.generatedPackage")
  private String generatedPackage;

  /** Where the generated sources go; added as a compile source root. */
  @Parameter(property = "next.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/next")
  private File outputDirectory;

  /**
   * The route manifest: one tab-separated line per route ({@code pattern kind class source}), read
   * by the production build's route report.
   */
  @Parameter(property = "next.manifestFile", defaultValue = "${project.build.directory}/next/routes.tsv")
  private File manifestFile;

  /**
   * The path prefix the site lives under, e.g. {@code /docs} (Next.js's {@code basePath}). Empty
   * for none; otherwise it starts with {@code /} and does not end with one.
   */
  @Parameter(property = "next.basePath", defaultValue = "")
  private String basePath;

  /** Whether URLs end in a slash ({@code /about/}); the other form is redirected with a 308. */
  @Parameter(property = "next.trailingSlash", defaultValue = "false")
  private boolean trailingSlash;

  /** Whether responses carry an {@code X-Powered-By} header. */
  @Parameter(property = "next.poweredByHeader", defaultValue = "true")
  private boolean poweredByHeader;

  /** Whether pages carry an {@code ETag} and answer {@code If-None-Match} with 304. */
  @Parameter(property = "next.generateEtags", defaultValue = "true")
  private boolean generateEtags;

  /** Whether responses are gzip-compressed for clients that accept it. */
  @Parameter(property = "next.compress", defaultValue = "true")
  private boolean compress;

  /**
   * The largest request body accepted, in bytes; a larger one is answered with 413 (Next.js's
   * {@code api.bodyParser.sizeLimit}).
   */
  @Parameter(property = "next.bodySizeLimit", defaultValue = "1048576")
  private long bodySizeLimit;

  /** Skips generating (the generated folder is then not added as a source root). */
  @Parameter(property = "next.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("next: skipped (next.skip)");
      return;
    }
    GeneratorConfig config = new GeneratorConfig(
        project.getBasedir().toPath(),
        project.getCompileSourceRoots().stream().map(Path::of).toList(),
        optional(pagesPackage),
        optional(generatedPackage),
        outputDirectory.toPath(),
        manifestFile.toPath(),
        new ServerSettings(
            basePath == null ? "" : basePath, trailingSlash, poweredByHeader, generateEtags, compress, bodySizeLimit));
    GenerationResult result;
    try {
      result = NextGenerator.generate(config);
    } catch (IOException e) {
      throw new MojoExecutionException("next: could not generate the routes: " + e, e);
    }
    if (result instanceof GenerationResult.Failed failed) {
      List<Diagnostic> diagnostics = failed.diagnostics();
      diagnostics.forEach(diagnostic -> getLog().error(diagnostic.format()));
      throw new MojoFailureException("next: " + diagnostics.size() + (diagnostics.size() == 1 ? " problem" : " problems")
          + " found; each is listed above at its file.");
    }
    GenerationResult.Generated generated = (GenerationResult.Generated) result;
    project.addCompileSourceRoot(outputDirectory.getPath());
    getLog().info("next: " + generated.routeCount() + (generated.routeCount() == 1 ? " route" : " routes")
        + " in " + generated.generatedPackage() + ".Routes (" + generated.written().size() + " files written, "
        + generated.unchanged().size() + " unchanged)");
  }

  private static Optional<String> optional(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
