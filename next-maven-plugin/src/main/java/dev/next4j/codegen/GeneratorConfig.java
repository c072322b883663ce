package dev.next4j.codegen;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link NextGenerator#generate} works on: where the pages are, where the sources go, and the
 * server settings from the pom.
 *
 * @param projectDir the project's base directory; diagnostics name files relative to it
 * @param sourceRoots the compile source roots to look for the pages package in (roots that do not
 *     exist, and {@code outputDir} itself, are ignored)
 * @param pagesPackage {@code <pagesPackage>}; empty finds the one package whose last name is {@code pages}
 * @param generatedPackage {@code <generatedPackage>}; empty means the pages package's parent
 * @param outputDir where the sources go, e.g. {@code target/generated-sources/next}; the generator
 *     owns it and deletes files it generated there before that are no longer generated
 * @param manifestFile the route manifest, e.g. {@code target/next/routes.tsv} (see {@code RouteManifest})
 * @param settings the server settings compiled into {@code NextServer}
 * @param engine the HTTP engine {@code NextServer.main} serves on
 */
public record GeneratorConfig(
    Path projectDir,
    List<Path> sourceRoots,
    Optional<String> pagesPackage,
    Optional<String> generatedPackage,
    Path outputDir,
    Path manifestFile,
    ServerSettings settings,
    ServerEngine engine) {

  public GeneratorConfig {
    projectDir = Objects.requireNonNull(projectDir, "projectDir").toAbsolutePath().normalize();
    sourceRoots = sourceRoots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
    Objects.requireNonNull(pagesPackage, "pagesPackage");
    Objects.requireNonNull(generatedPackage, "generatedPackage");
    outputDir = Objects.requireNonNull(outputDir, "outputDir").toAbsolutePath().normalize();
    manifestFile = Objects.requireNonNull(manifestFile, "manifestFile").toAbsolutePath().normalize();
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(engine, "engine");
  }

  /** A configuration whose {@code NextServer} serves on the JDK's server. */
  public GeneratorConfig(
      Path projectDir,
      List<Path> sourceRoots,
      Optional<String> pagesPackage,
      Optional<String> generatedPackage,
      Path outputDir,
      Path manifestFile,
      ServerSettings settings) {
    this(projectDir, sourceRoots, pagesPackage, generatedPackage, outputDir, manifestFile, settings, ServerEngine.JDK);
  }

  /**
   * The conventional layout of a Maven project at {@code projectDir}: pages under {@code
   * src/main/java}, sources to {@code target/generated-sources/next}, manifest to {@code
   * target/next/routes.tsv}, packages found, default settings.
   */
  public static GeneratorConfig defaults(Path projectDir) {
    return new GeneratorConfig(
        projectDir,
        List.of(projectDir.resolve("src/main/java")),
        Optional.empty(),
        Optional.empty(),
        projectDir.resolve("target/generated-sources/next"),
        projectDir.resolve("target/next/routes.tsv"),
        ServerSettings.defaults());
  }
}
