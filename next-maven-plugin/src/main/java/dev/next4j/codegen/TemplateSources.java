package dev.next4j.codegen;

import dev.next4j.jte.compiler.TemplateCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The project's jte templates and where their Java goes: {@code src/main/jte} (jte's own Maven
 * convention) to {@code target/generated-sources/jte}, compiled by jte's compiler through the
 * next-jte integration ({@link TemplateCompiler}). {@code next:generate} runs it before javac;
 * {@code next:run} on every reload. A project without a templates folder has no templates, and
 * pays nothing.
 *
 * @param projectDir the project's base directory; diagnostics name templates relative to it
 * @param templatesDir the {@code .jte} files' folder
 * @param outputDir where the generated Java sources go; {@link TemplateCompiler} owns it
 */
public record TemplateSources(Path projectDir, Path templatesDir, Path outputDir) {
  public TemplateSources {
    projectDir = Objects.requireNonNull(projectDir, "projectDir").toAbsolutePath().normalize();
    templatesDir = Objects.requireNonNull(templatesDir, "templatesDir").toAbsolutePath().normalize();
    outputDir = Objects.requireNonNull(outputDir, "outputDir").toAbsolutePath().normalize();
  }

  /** {@code src/main/jte} to {@code target/generated-sources/jte} under {@code projectDir}. */
  public static TemplateSources defaults(Path projectDir) {
    return new TemplateSources(
        projectDir, projectDir.resolve("src/main/jte"), projectDir.resolve("target/generated-sources/jte"));
  }

  /** Whether there is a templates folder (then its output folder is a compile source root). */
  public boolean present() {
    return Files.isDirectory(templatesDir);
  }

  /**
   * Compiles the templates to Java. Without a templates folder it only deletes sources generated
   * before, if any.
   *
   * @throws IOException when a file cannot be read or written
   */
  public TemplateCompiler.Result generate() throws IOException {
    if (!present() && !Files.isDirectory(outputDir)) {
      return new TemplateCompiler.Generated(0, List.of(), List.of());
    }
    return TemplateCompiler.generate(templatesDir, outputDir);
  }

  /** The diagnostic for a template jte could not compile, at the template's file and line. */
  public Diagnostic diagnostic(TemplateCompiler.Failed failed) {
    String file = failed.template().isEmpty()
        ? ProjectPaths.relative(projectDir, templatesDir)
        : ProjectPaths.relative(projectDir, templatesDir.resolve(failed.template()));
    Messages.Problem problem = Messages.templateError(failed.message());
    return new Diagnostic(file, failed.line(), problem.code(), problem.message());
  }

  /**
   * The template file (relative to the project) and line that {@code line} of the generated source
   * {@code generatedSource} came from; empty when that file is not a generated template.
   */
  public Optional<Place> templateOf(Path generatedSource, int line) {
    Path source = generatedSource.toAbsolutePath().normalize();
    if (!source.startsWith(outputDir)) {
      return Optional.empty();
    }
    return TemplateCompiler.templateLineOf(source, line).map(
        at -> new Place(ProjectPaths.relative(projectDir, templatesDir.resolve(at.template())), at.line()));
  }

  /**
   * A line of a template.
   *
   * @param file relative to the project, with {@code /}
   * @param line 1-based
   */
  public record Place(String file, int line) {}
}
