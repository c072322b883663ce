package dev.next4j.codegen;

import java.util.Objects;

/**
 * One problem found in a user's pages or configuration, at a file and (when known) a line, with a
 * stable code.
 *
 * <pre>{@code
 * new Diagnostic("src/main/java/com/acme/pages/blog/$id.java", 0, "next.param-name-conflict",
 *     "Pages blog/$id.java and blog/$slug.java give one level two parameter names ('id' and 'slug'); rename one.")
 *     .format();
 * // src/main/java/com/acme/pages/blog/$id.java: error: [next.param-name-conflict] Pages blog/$id.java and ...
 * }</pre>
 *
 * @param file the file, relative to the project with {@code /} separators (absolute if outside it)
 * @param line the 1-based line, or 0 when the problem is not at one line
 * @param code a stable code such as {@code next.duplicate-route}, for searching and for tests
 * @param message what is wrong and what to do
 */
public record Diagnostic(String file, int line, String code, String message) {
  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 (unknown) or positive: " + line);
    }
  }

  /** The javac-style line: {@code file: error: [code] message}, or {@code file:line: error: ...}. */
  public String format() {
    return file + (line > 0 ? ":" + line : "") + ": error: [" + code + "] " + message;
  }
}
