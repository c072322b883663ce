package dev.next4j.codegen;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few facts the generator reads from a page's source text before anything is compiled: its
 * {@code package} line and the interfaces its class declares. Comments and string literals are
 * blanked out first (keeping line breaks), so a mention of {@code StaticPage} in a comment counts
 * for nothing. Only the text up to the class body is looked at.
 *
 * <pre>{@code
 * JavaSourceText text = JavaSourceText.of("package com.acme.pages;\nclass About implements StaticPage<Routes.About> {}", "About");
 * text.packageLine();                      // Optional[PackageLine[name=com.acme.pages, line=1]]
 * text.implementsInterface("StaticPage");  // true
 * }</pre>
 */
final class JavaSourceText {
  private static final Pattern PACKAGE = Pattern.compile("\\A\\s*package\\s+([\\p{javaJavaIdentifierPart}.\\s]+?)\\s*;");
  private static final Pattern DECLARATION =
      Pattern.compile("\\b(?:class|record|enum|interface)\\s+(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)");

  private final String code;
  private final String header;

  private JavaSourceText(String code, String header) {
    this.code = code;
    this.header = header;
  }

  /** The package line and the declaration of the top-level type {@code typeName} in {@code source}. */
  static JavaSourceText of(String source, String typeName) {
    String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
    StringBuilder code = new StringBuilder(Math.min(text.length(), 4096));
    int at = 0;
    // Blank brace by brace until the type's body opens: usually the first brace of the file.
    while (at < text.length()) {
      at = blankUntilBrace(text, at, code);
      Matcher declaration = DECLARATION.matcher(code);
      while (declaration.find()) {
        if (declaration.group(1).equals(typeName)) {
          return new JavaSourceText(code.toString(), code.substring(declaration.end()));
        }
      }
    }
    return new JavaSourceText(code.toString(), "");
  }

  /** The package a file declares and the line it is on. */
  record PackageLine(String name, int line) {}

  /** The {@code package} declaration, if the file starts with one (after comments). */
  Optional<PackageLine> packageLine() {
    Matcher matcher = PACKAGE.matcher(code);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String name = matcher.group(1).replaceAll("\\s+", "");
    int line = 1;
    for (int i = 0; i < matcher.start(1); i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return Optional.of(new PackageLine(name, line));
  }

  /**
   * Whether the type declares {@code interfaceName} with type arguments ({@code implements
   * StaticPage<...>}, also when qualified) before its body starts.
   */
  boolean implementsInterface(String interfaceName) {
    for (int at = header.indexOf(interfaceName); at >= 0; at = header.indexOf(interfaceName, at + 1)) {
      boolean startsName = at == 0 || !Character.isJavaIdentifierPart(header.charAt(at - 1));
      int after = at + interfaceName.length();
      while (after < header.length() && Character.isWhitespace(header.charAt(after))) {
        after++;
      }
      if (startsName && after < header.length() && header.charAt(after) == '<') {
        return true;
      }
    }
    return false;
  }

  /** {@code source} with comments, strings, text blocks and char literals replaced by spaces. */
  static String blankCommentsAndLiterals(String source) {
    StringBuilder out = new StringBuilder(source.length());
    for (int at = 0; at < source.length(); ) {
      at = blankUntilBrace(source, at, out);
    }
    return out.toString();
  }

  /**
   * Appends {@code source} from {@code from} to {@code out}, comments and literals blanked, up to
   * and including the next {@code {} outside them; returns where it stopped.
   */
  private static int blankUntilBrace(String source, int from, StringBuilder out) {
    int i = from;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        int end = source.indexOf('\n', i);
        end = end < 0 ? n : end;
        blank(source, i, end, out);
        i = end;
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        blank(source, i, end, out);
        i = end;
      } else if (c == '"' && source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        while (end > 0 && source.charAt(end - 1) == '\\') {
          end = source.indexOf("\"\"\"", end + 1);
        }
        end = end < 0 ? n : end + 3;
        blank(source, i, end, out);
        i = end;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(n, end + 1);
        blank(source, i, end, out);
        i = end;
      } else {
        out.append(c);
        i++;
        if (c == '{') {
          return i;
        }
      }
    }
    return n;
  }

  private static void blank(String source, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      out.append(source.charAt(i) == '\n' ? '\n' : ' ');
    }
  }
}
