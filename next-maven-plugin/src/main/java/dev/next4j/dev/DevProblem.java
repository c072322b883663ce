package dev.next4j.dev;

import java.util.Objects;

/**
 * A build problem the dev server shows in the browser (on the {@link DevErrorPage}) and the log.
 *
 * @param kind what went wrong: {@code "Compile error"}, {@code "Route error"} ...
 * @param file the file at fault, relative to the project; empty when none
 * @param line the 1-based line in {@code file}, or 0 when unknown
 * @param message the problem in one line
 * @param detail more text (compiler output, a stack trace); may be empty
 */
record DevProblem(String kind, String file, int line, String message, String detail) {
  DevProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(detail, "detail");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 1-based, or 0 when unknown: " + line);
    }
  }

  /** Where, as {@code file:line}, {@code file}, or empty. */
  String place() {
    return file.isEmpty() ? "" : file + (line > 0 ? ":" + line : "");
  }
}
