package dev.next4j.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem the stages find, so a build reports them all at once (AutoValue's {@code
 * ErrorReporter}). Files are named relative to the project, with {@code /} separators.
 */
final class Diagnostics {
  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line).thenComparing(Diagnostic::code)
          .thenComparing(Diagnostic::message);

  private final Path projectDir;
  private final Set<Diagnostic> reported = new LinkedHashSet<>();

  Diagnostics(Path projectDir) {
    this.projectDir = projectDir;
  }

  /** Reports {@code problem} at {@code file} (0 = no particular line); a repeat is reported once. */
  void report(Path file, int line, Messages.Problem problem) {
    reported.add(new Diagnostic(relative(file), line, problem.code(), problem.message()));
  }

  void report(Path file, Messages.Problem problem) {
    report(file, 0, problem);
  }

  /** How many problems were reported so far. */
  int count() {
    return reported.size();
  }

  boolean hasErrors() {
    return !reported.isEmpty();
  }

  /** Every problem reported, sorted by file, line and code. */
  List<Diagnostic> all() {
    List<Diagnostic> sorted = new ArrayList<>(reported);
    sorted.sort(ORDER);
    return List.copyOf(sorted);
  }

  /** {@code file} as diagnostics name it: relative to the project when inside it, with {@code /}. */
  String relative(Path file) {
    return ProjectPaths.relative(projectDir, file);
  }
}
