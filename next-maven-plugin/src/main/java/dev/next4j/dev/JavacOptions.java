package dev.next4j.dev;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The javac options a project's {@code mvn compile} would use, from the maven-compiler-plugin's
 * configuration and the project's properties, so that classes compiled by the dev server are the
 * ones Maven would compile.
 *
 * <pre>{@code
 * JavacOptions.of(Map.of(), List.of(), Map.of("maven.compiler.release", "21"))
 *     // [--release, 21, -encoding, UTF-8]
 * }</pre>
 */
public final class JavacOptions {
  private JavacOptions() {}

  /**
   * @param configuration the compiler plugin's simple parameters as configured in the pom
   *     ({@code release}, {@code source}, {@code target}, {@code encoding}, {@code parameters},
   *     {@code enablePreview}, {@code proc}); absent ones fall back to their user properties
   * @param compilerArgs the plugin's {@code <compilerArgs>}, passed on as they are
   * @param properties the project's properties ({@code maven.compiler.release} and the like)
   */
  public static List<String> of(Map<String, String> configuration, List<String> compilerArgs, Map<String, String> properties) {
    Values values = new Values(configuration, properties);
    List<String> options = new ArrayList<>();
    Optional<String> release = values.get("release", "maven.compiler.release");
    if (release.isPresent()) {
      options.addAll(List.of("--release", release.get()));
    } else {
      values.get("source", "maven.compiler.source").ifPresent(source -> options.addAll(List.of("-source", source)));
      values.get("target", "maven.compiler.target").ifPresent(target -> options.addAll(List.of("-target", target)));
    }
    options.addAll(List.of("-encoding", values.get("encoding", "project.build.sourceEncoding").orElse("UTF-8")));
    if (values.isTrue("parameters", "maven.compiler.parameters")) {
      options.add("-parameters");
    }
    if (values.isTrue("enablePreview", "maven.compiler.enablePreview")) {
      options.add("--enable-preview");
    }
    values.get("proc", "maven.compiler.proc").ifPresent(proc -> options.add("-proc:" + proc));
    options.addAll(compilerArgs);
    return List.copyOf(options);
  }

  /**
   * The options that run the annotation processors in {@code processorPath} (the compiler
   * plugin's {@code <annotationProcessorPaths>}, resolved), writing the sources they generate to
   * {@code generatedSources}, as {@code mvn compile} does.
   */
  public static List<String> processorPath(List<Path> processorPath, Path generatedSources) {
    String path = processorPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    return List.of("-processorpath", path, "-s", generatedSources.toString());
  }

  private record Values(Map<String, String> configuration, Map<String, String> properties) {
    Optional<String> get(String parameter, String property) {
      String value = configuration.get(parameter);
      if (value == null || value.isBlank()) {
        value = properties.get(property);
      }
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    boolean isTrue(String parameter, String property) {
      return get(parameter, property).map(Boolean::parseBoolean).orElse(false);
    }
  }
}
