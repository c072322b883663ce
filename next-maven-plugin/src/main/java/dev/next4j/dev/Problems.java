package dev.next4j.dev;

import dev.next4j.codegen.Diagnostic;
import dev.next4j.codegen.ProjectPaths;
import dev.next4j.codegen.SourceMap;
import dev.next4j.codegen.TemplateSources;
import dev.next4j.dev.IncrementalCompiler.CompileError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what went wrong in a reload into a {@link DevProblem}: the page file and line a user
 * should open, a one-line message, and the full text for the terminal and the error page.
 *
 * <p>An error javac reports in the generated route table is put on the page file the generated
 * line was made from, as the generator's {@link SourceMap} records it, since that is the file to fix.
 */
final class Problems {
  static final String COMPILE_ERROR = "Compile error";
  static final String ROUTE_ERROR = "Route error";
  static final String LOAD_ERROR = "Error loading the pages";
  static final String SERVER_ERROR = "Custom server error";
  static final String TEMPLATE_ERROR = "Template error";
  static final String POM_ERROR = "Project error";

  private final Path projectDir;
  private final Path sourceMapFile;
  private final TemplateSources templates;

  /**
   * Problems of the project at {@code projectDir}, whose generator writes {@code sourceMapFile}
   * and whose jte templates compile to Java as {@code templates} says.
   */
  Problems(Path projectDir, Path sourceMapFile, TemplateSources templates) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.sourceMapFile = sourceMapFile;
    this.templates = templates;
  }

  /** The problem for javac's {@code errors} (at least one), placed at the first. */
  DevProblem compile(List<CompileError> errors) {
    StringBuilder detail = new StringBuilder();
    Place first = null;
    for (CompileError error : errors) {
      Place place = place(error);
      if (first == null) {
        first = place;
      }
      detail.append(place.file().isEmpty() ? "javac" : place.file() + (place.line() > 0 ? ":" + place.line() : ""))
          .append(": error: ").append(error.message()).append('\n');
      if (!error.sourceLine().isEmpty()) {
        detail.append(error.sourceLine()).append('\n');
        if (error.column() > 0) {
          detail.append(" ".repeat((int) error.column() - 1)).append("^\n");
        }
      }
      place.note().ifPresent(note -> detail.append(note).append('\n'));
    }
    String message = firstLine(errors.get(0).message());
    if (errors.size() > 1) {
      message += " (and " + (errors.size() - 1) + " more " + (errors.size() == 2 ? "error" : "errors") + ")";
    }
    return new DevProblem(COMPILE_ERROR, first.file(), first.line(), message, detail.toString());
  }

  /** The problem for the route generator's diagnostics (at least one), placed at the first. */
  DevProblem routes(List<Diagnostic> diagnostics) {
    Diagnostic first = diagnostics.get(0);
    StringBuilder detail = new StringBuilder();
    if (diagnostics.size() > 1) {
      diagnostics.forEach(d -> detail.append(d.format()).append('\n'));
    }
    String message = "[" + first.code() + "] " + first.message();
    if (diagnostics.size() > 1) {
      message += " (and " + (diagnostics.size() - 1) + " more " + (diagnostics.size() == 2 ? "problem" : "problems") + ")";
    }
    return new DevProblem(ROUTE_ERROR, first.file(), first.line(), message, detail.toString());
  }

  /** The problem for a jte template that could not be compiled, at the template's file and line. */
  DevProblem template(Diagnostic diagnostic) {
    return new DevProblem(TEMPLATE_ERROR, diagnostic.file(), diagnostic.line(),
        "[" + diagnostic.code() + "] " + diagnostic.message(), diagnostic.format());
  }

  /**
   * The problem for an exception thrown by project code, placed at the deepest frame of the stack
   * that is a project source file, or a jte template (for a frame in the Java compiled from it).
   */
  DevProblem exception(String kind, Throwable error, List<Path> sourceRoots) {
    String file = "";
    int line = 0;
    for (Throwable t = error; t != null && file.isEmpty(); t = t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        Optional<TemplateSources.Place> template = sourceOf(frame, List.of(templates.outputDir()))
            .flatMap(generated -> templates.templateOf(generated, frame.getLineNumber()));
        if (template.isPresent()) {
          file = template.get().file();
          line = template.get().line();
          break;
        }
        Optional<Path> source = sourceOf(frame, sourceRoots);
        if (source.isPresent()) {
          file = relative(source.get());
          line = Math.max(0, frame.getLineNumber());
          break;
        }
      }
    }
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return new DevProblem(kind, file, line, firstLine(error.toString()), trace.toString());
  }

  /** {@code file} relative to the project, with {@code /}, or the absolute path when outside it. */
  String relative(Path file) {
    return ProjectPaths.relative(projectDir, file);
  }

  private static Optional<Path> sourceOf(StackTraceElement frame, List<Path> sourceRoots) {
    if (frame.getFileName() == null || !frame.getFileName().endsWith(".java")) {
      return Optional.empty();
    }
    String className = frame.getClassName();
    int dot = className.lastIndexOf('.');
    String folder = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
    for (Path root : sourceRoots) {
      Path candidate = root.resolve(folder + frame.getFileName());
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Where to send the user for {@code error}, with a note when that is not where javac saw it. */
  private Place place(CompileError error) {
    if (error.file().isEmpty()) {
      return new Place("", 0, Optional.empty());
    }
    Optional<TemplateSources.Place> template = templates.templateOf(error.file().get(), (int) error.line());
    if (template.isPresent()) {
      return new Place(template.get().file(), template.get().line(), Optional.of("  (javac saw this in the generated "
          + relative(error.file().get()) + ":" + error.line() + ", which was compiled from this template)"));
    }
    String file = relative(error.file().get());
    Optional<Path> page = pageOf(file, (int) error.line());
    if (page.isPresent()) {
      String generated = file + ":" + error.line();
      return new Place(relative(page.get()), classLine(page.get()),
          Optional.of("  (javac saw this in the generated " + generated + ", which was made from this page)"));
    }
    return new Place(file, (int) error.line(), Optional.empty());
  }

  /** The page file that {@code line} of {@code file} (relative to the project) was generated from. */
  private Optional<Path> pageOf(String file, int line) {
    SourceMap map;
    try {
      map = SourceMap.read(sourceMapFile);
    } catch (IOException unreadable) {
      return Optional.empty(); // then the error stays where javac saw it, which is still true
    }
    return map.sourceOf(file, line).map(projectDir::resolve).filter(Files::isRegularFile);
  }

  /** The line that declares the page's class, where its {@code implements} clause usually is. */
  private static int classLine(Path page) {
    String name = page.getFileName().toString().replaceFirst("\\.java$", "");
    Pattern declaration = Pattern.compile("\\b(class|record|enum|interface)\\s+" + Pattern.quote(name) + "\\b");
    try {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        if (declaration.matcher(lines.get(i)).find()) {
          return i + 1;
        }
      }
    } catch (IOException unreadable) {
      return 0;
    }
    return 0;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private record Place(String file, int line, Optional<String> note) {}
}
