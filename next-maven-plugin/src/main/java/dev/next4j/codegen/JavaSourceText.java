package dev.next4j.codegen;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few facts the generator reads from a page's source text before anything is compiled: its
 * {@code package} line and the interfaces its class declares. Comments and string literals are
 * blanked out first (keeping line breaks), so a mention of {@code StaticPage} in a comment counts
 * for nothing.
 *
 * <pre>{@code
 * JavaSourceText text = JavaSourceText.of("package com.acme.pages;\nclass About implements StaticPage<Routes.About> {}");
 * text.packageLine();                                 // Optional[PackageLine[name=com.acme.pages, line=1]]
 * text.implementsInterface("About", "StaticPage");    // true
 * }</pre>
 */
final class JavaSourceText {
  private static final Pattern PACKAGE = Pattern.compile("\\A\\s*package\\s+([\\p{javaJavaIdentifierPart}.\\s]+?)\\s*;");

  private final String code;

  private JavaSourceText(String code) {
    this.code = code;
  }

  /** The package a file declares and the line it is on. */
  record PackageLine(String name, int line) {}

  static JavaSourceText of(String source) {
    String withoutBom = source.startsWith("\uFEFF") ? source.substring(1) : source;
    return new JavaSourceText(blankCommentsAndLiterals(withoutBom));
  }

  /** The {@code package} declaration, if the file starts with one (after comments). */
  Optional<PackageLine> packageLine() {
    Matcher matcher = PACKAGE.matcher(code);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String name = matcher.group(1).replaceAll("\\s+", "");
    int start = matcher.start(1);
    int line = 1;
    for (int i = 0; i < start; i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return Optional.of(new PackageLine(name, line));
  }

  /**
   * Whether the top-level type {@code typeName} declares {@code interfaceName} with type arguments
   * ({@code implements StaticPage<...>}, also when qualified) before its body starts.
   */
  boolean implementsInterface(String typeName, String interfaceName) {
    Matcher declaration =
        Pattern.compile("\\b(?:class|record|enum|interface)\\s+" + Pattern.quote(typeName) + "(?![\\p{javaJavaIdentifierPart}])([^{]*)\\{")
            .matcher(code);
    if (!declaration.find()) {
      return false;
    }
    return Pattern.compile("(?<![\\p{javaJavaIdentifierPart}])" + Pattern.quote(interfaceName) + "\\s*<")
        .matcher(declaration.group(1))
        .find();
  }

  /** {@code source} with comments, strings, text blocks and char literals replaced by spaces. */
  static String blankCommentsAndLiterals(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        while (i < n && source.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
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
      }
    }
    return out.toString();
  }

  private static void blank(String source, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      out.append(source.charAt(i) == '\n' ? '\n' : ' ');
    }
  }
}
