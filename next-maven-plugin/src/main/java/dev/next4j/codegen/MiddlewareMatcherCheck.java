package dev.next4j.codegen;

import dev.next4j.codegen.PagesScanner.PageFile;
import dev.next4j.codegen.PagesScanner.PageSource;
import dev.next4j.codegen.RouteModel.SpecialKind;
import dev.next4j.runtime.Middleware;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the sources of {@code _Middleware}'s matcher at build time, as Next.js checks its constant
 * {@code config.matcher}: every {@code Matcher.of("...")} with a string literal in {@code
 * _Middleware.java} is checked with the runtime's own {@link Middleware.Matcher#check}, and a bad
 * one is {@code next.invalid-matcher} at its line. The generator runs before javac, so this reads
 * the source text; a source built at run time (not a literal) is checked when the route table is
 * built, at startup, with the same checks.
 */
final class MiddlewareMatcherCheck {
  /** {@code Matcher.of(} in code (comments and literals blanked), followed by a string literal in the source. */
  private static final Pattern CALL = Pattern.compile("\\bMatcher\\s*\\.\\s*of\\s*\\(");

  private MiddlewareMatcherCheck() {}

  /**
   * Reports every invalid matcher source literal of the project's {@code _Middleware} (the file of
   * that name at the pages root), if it has one.
   */
  static void check(List<PageSource> sources, Diagnostics diagnostics) throws IOException {
    for (PageSource page : sources) {
      PageFile file = page.file();
      if (file.folders().isEmpty() && file.name().equals(SpecialKind.MIDDLEWARE.fileName)) {
        String source = Files.readString(file.path());
        checkSource(source, (line, problem) -> diagnostics.report(file.path(), line, problem));
      }
    }
  }

  /** Where a problem goes: its line (from 1) and the problem. */
  interface Sink {
    void report(int line, Messages.Problem problem);
  }

  /** Checks the matcher literals of {@code source}, the text of {@code _Middleware.java}. */
  static void checkSource(String source, Sink sink) {
    String code = JavaSourceText.blankCommentsAndLiterals(source);
    Matcher call = CALL.matcher(code);
    while (call.find()) {
      int at = call.end();
      while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
        at++; // in the source text: the blanked code has spaces for the literal too
      }
      if (at >= source.length() || source.charAt(at) != '"' || source.startsWith("\"\"\"", at)) {
        continue; // not a plain literal: checked at startup
      }
      String literal = literal(source, at);
      if (literal == null) {
        continue;
      }
      int line = 1 + (int) source.substring(0, at).chars().filter(c -> c == '\n').count();
      for (String problem : Middleware.Matcher.check(List.of(Middleware.Matcher.of(literal)))) {
        sink.report(line, Messages.invalidMatcher(literal, problem.substring(problem.indexOf(' ') + 1)));
      }
    }
  }

  /** The value of the string literal starting at {@code at} (a {@code "}), or null if it has an escape this check does not read. */
  private static String literal(String source, int at) {
    StringBuilder value = new StringBuilder();
    for (int i = at + 1; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\n') {
        return null;
      }
      if (c == '\\') {
        if (i + 1 >= source.length()) {
          return null;
        }
        char next = source.charAt(++i);
        switch (next) {
          case '\\', '"', '\'' -> value.append(next);
          case 'n' -> value.append('\n');
          case 't' -> value.append('\t');
          default -> {
            return null;
          }
        }
        continue;
      }
      value.append(c);
    }
    return null;
  }
}
