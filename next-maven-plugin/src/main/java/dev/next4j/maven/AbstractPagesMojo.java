package dev.next4j.maven;

import dev.next4j.codegen.GeneratorConfig;
import dev.next4j.codegen.ServerSettings;
import dev.next4j.codegen.TemplateSources;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters that say where the pages are and how the generated server behaves, shared by the
 * goals that generate the routes ({@code next:generate}, and {@code next:run} on every change), so
 * both read the same {@code <configuration>} the same way.
 */
public abstract class AbstractPagesMojo extends AbstractMojo {
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

  /**
   * The jte templates' folder ({@code .jte} files; jte's own convention). When it exists, the
   * templates are compiled to Java into {@code templatesOutputDirectory}, a compile source root.
   */
  @Parameter(property = "next.templatesDirectory", defaultValue = "${project.basedir}/src/main/jte")
  private File templatesDirectory;

  /** Where the Java sources compiled from the jte templates go. */
  @Parameter(property = "next.templatesOutputDirectory", defaultValue = "${project.build.directory}/generated-sources/jte")
  private File templatesOutputDirectory;

  /** Skips this goal; for {@code next:generate}, the generated folder is then not added as a source root. */
  @Parameter(property = "next.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The generator's configuration, looking for the pages package under {@code sourceRoots}. */
  GeneratorConfig generatorConfig(List<Path> sourceRoots) {
    return new GeneratorConfig(
        project.getBasedir().toPath(),
        sourceRoots,
        optional(pagesPackage),
        optional(generatedPackage),
        outputDirectory.toPath().toAbsolutePath().normalize(),
        manifestFile.toPath(),
        new ServerSettings(
            basePath == null ? "" : basePath, trailingSlash, poweredByHeader, generateEtags, compress, bodySizeLimit));
  }

  /** The project's jte templates and where their Java goes. */
  TemplateSources templateSources() {
    return new TemplateSources(project.getBasedir().toPath(), templatesDirectory.toPath(), templatesOutputDirectory.toPath());
  }

  MavenProject project() {
    return project;
  }

  boolean skip() {
    return skip;
  }

  File outputDirectory() {
    return outputDirectory;
  }

  static Optional<String> optional(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
