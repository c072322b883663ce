package dev.next4j.codegen;

import java.util.ArrayList;
import java.util.List;
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
 * text.declaration();                      // Optional[Declaration[keyword=class, line=2, superclass=false,
 *                                          //   interfaces=[Supertype[name=StaticPage, typeArguments=Routes.About]]]]
 * }</pre>
 *
 * <p>The declaration is read by a small tolerant parser, not javac's: it only has to say which
 * supertypes the class names, and javac still judges the file. What it cannot tell (a type
 * argument it does not understand) it reports as written, and the caller decides to say nothing.
 */
final class JavaSourceText {
  private static final Pattern PACKAGE = Pattern.compile("\\A\\s*package\\s+([\\p{javaJavaIdentifierPart}.\\s]+?)\\s*;");
  private static final Pattern DECLARATION =
      Pattern.compile("\\b(?:class|record|enum|interface)\\s+(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)");

  private final String source;
  private final String typeName;
  private final String code;
  private final String header;
  private final Optional<Declaration> declaration;

  private JavaSourceText(String source, String typeName, String code, String header, Optional<Declaration> declaration) {
    this.source = source;
    this.typeName = typeName;
    this.code = code;
    this.header = header;
    this.declaration = declaration;
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
          String header = code.substring(declaration.end());
          return new JavaSourceText(text, typeName, code.toString(), header,
              Optional.of(Declaration.parse(code, declaration, header)));
        }
      }
    }
    return new JavaSourceText(text, typeName, code.toString(), "", Optional.empty());
  }

  /**
   * A supertype as the declaration writes it, without spaces or annotations: {@code name}
   * {@code dev.next4j.runtime.Page} or {@code Page}, {@code typeArguments} {@code Routes.BlogSlug}
   * (empty for a raw type).
   */
  record Supertype(String name, String typeArguments) {
    /** The name without its package or enclosing types: {@code Page}. */
    String simpleName() {
      return name.substring(name.lastIndexOf('.') + 1);
    }
  }

  /**
   * The top-level type's declaration: {@code keyword} {@code class}, {@code record}, {@code enum} or
   * {@code interface} (also for {@code @interface}), the 1-based {@code line} of its name, whether
   * it {@code extends} a class (for an interface: other interfaces), and the interfaces it
   * implements.
   */
  record Declaration(String keyword, int line, boolean superclass, List<Supertype> interfaces) {
    Declaration {
      interfaces = List.copyOf(interfaces);
    }

    private static Declaration parse(CharSequence code, Matcher declaration, String header) {
      String keyword = declaration.group().split("\\s")[0];
      int line = 1;
      for (int i = 0; i < declaration.start(1); i++) {
        if (code.charAt(i) == '\n') {
          line++;
        }
      }
      // Sections at depth 0 of <> and (): the type parameters and record components come before
      // the first keyword and are skipped; extends, implements and permits start a list of types.
      String section = "";
      boolean superclass = false;
      List<Supertype> interfaces = new ArrayList<>();
      StringBuilder type = new StringBuilder();
      int depth = 0;
      int end = header.endsWith("{") ? header.length() - 1 : header.length();
      for (int i = 0; i <= end; i++) {
        char c = i < end ? header.charAt(i) : ',';
        if (c == '<' || c == '(') {
          depth++;
        } else if ((c == '>' || c == ')') && depth > 0) {
          depth--;
        }
        boolean wordStart = depth == 0 && Character.isJavaIdentifierStart(c) && (i == 0 || !Character.isJavaIdentifierPart(header.charAt(i - 1)));
        String word = wordStart ? word(header, i) : "";
        if (word.equals("extends") || word.equals("implements") || word.equals("permits") || (depth == 0 && c == ',')) {
          superclass |= add(section, keyword, type, interfaces);
          type.setLength(0);
          if (c != ',') {
            section = word;
            i += word.length() - 1;
          }
          continue;
        }
        if (!section.isEmpty()) {
          type.append(c);
        }
      }
      return new Declaration(keyword, line, superclass, interfaces);
    }

    /** Adds the type written in {@code text} to its section; true if it is a class's superclass. */
    private static boolean add(String section, String keyword, StringBuilder text, List<Supertype> interfaces) {
      String type = text.toString().replaceAll("@[\\p{javaJavaIdentifierPart}.]+(\\([^)]*\\))?", "").replaceAll("\\s+", "");
      if (type.isEmpty() || section.equals("permits")) {
        return false;
      }
      if (section.equals("extends") && !keyword.equals("interface")) {
        return true;
      }
      int open = type.indexOf('<');
      int close = type.lastIndexOf('>');
      interfaces.add(open < 0 ? new Supertype(type, "")
          : new Supertype(type.substring(0, open), close > open ? type.substring(open + 1, close) : type.substring(open + 1)));
      return false;
    }

    private static String word(String text, int from) {
      int to = from;
      while (to < text.length() && Character.isJavaIdentifierPart(text.charAt(to))) {
        to++;
      }
      return text.substring(from, to);
    }
  }

  /**
   * A constructor the top-level type declares, as written: the 1-based {@code line} of its name,
   * whether it is {@code public}, and its parameters' types without annotations, {@code final} or
   * spaces ({@code _Context}, {@code com.acme.pages._Context}). A record's header counts as its
   * canonical constructor, public when the record is.
   */
  record Constructor(int line, boolean isPublic, List<String> parameterTypes) {
    Constructor {
      parameterTypes = List.copyOf(parameterTypes);
    }
  }

  /**
   * The constructors the top-level type declares in its body (and a record's header), in source
   * order; empty when it declares none (javac then gives a class the no-argument one) or the file
   * declares no type of its name. Read from the text with comments and literals blanked: a
   * constructor is its type's name followed by {@code (} directly in the type's body, not after
   * {@code new} or a dot.
   */
  List<Constructor> constructors() {
    if (declaration.isEmpty()) {
      return List.of();
    }
    String blank = blankCommentsAndLiterals(source);
    Matcher type = DECLARATION.matcher(blank);
    int bodyStart = -1;
    int nameStart = -1;
    while (type.find()) {
      if (type.group(1).equals(typeName)) {
        nameStart = type.start();
        bodyStart = blank.indexOf('{', type.end());
        break;
      }
    }
    if (bodyStart < 0) {
      return List.of();
    }
    List<Constructor> constructors = new ArrayList<>();
    if (declaration.get().keyword().equals("record")) {
      int open = blank.indexOf('(', nameStart);
      if (open >= 0 && open < bodyStart) {
        int lineStart = Math.max(blank.lastIndexOf(';', nameStart), Math.max(blank.lastIndexOf('}', nameStart), 0));
        boolean isPublic = Pattern.compile("\\bpublic\\b").matcher(blank.substring(lineStart, nameStart)).find();
        constructors.add(new Constructor(lineOf(blank, nameStart), isPublic, parameters(blank, open)));
      }
    }
    Pattern name = Pattern.compile("(?<![\\p{javaJavaIdentifierPart}.$])" + Pattern.quote(typeName) + "\\s*\\(");
    int depth = 0;
    int memberStart = bodyStart + 1;
    for (int i = bodyStart + 1; i < blank.length(); i++) {
      char c = blank.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          break;
        }
        depth--;
        if (depth == 0) {
          memberStart = i + 1;
        }
      } else if (c == ';' && depth == 0) {
        memberStart = i + 1;
      } else if (depth == 0 && blank.startsWith(typeName, i)) {
        Matcher at = name.matcher(blank).region(i, blank.length());
        if (at.lookingAt()) {
          String before = blank.substring(memberStart, i);
          if (!before.matches("(?s).*\\bnew\\s*$")) {
            boolean isPublic = Pattern.compile("\\bpublic\\b").matcher(before).find();
            constructors.add(new Constructor(lineOf(blank, i), isPublic, parameters(blank, at.end() - 1)));
          }
          i = at.end() - 1;
        }
      }
    }
    return constructors;
  }

  /** The types of the parameter list whose {@code (} is at {@code open}. */
  private static List<String> parameters(String code, int open) {
    List<String> types = new ArrayList<>();
    StringBuilder parameter = new StringBuilder();
    int depth = 0;
    for (int i = open + 1; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(' || c == '<') {
        depth++;
      } else if ((c == ')' || c == '>') && depth > 0) {
        depth--;
      } else if ((c == ')' || c == ',') && depth == 0) {
        String text = parameter.toString()
            .replaceAll("@[\\p{javaJavaIdentifierPart}.]+(\\s*\\([^)]*\\))?", " ")
            .replaceAll("\\bfinal\\b", " ")
            .strip();
        if (!text.isEmpty()) {
          // The type is everything before the parameter's name, spaces removed.
          int cut = text.length();
          while (cut > 0 && Character.isJavaIdentifierPart(text.charAt(cut - 1))) {
            cut--;
          }
          String typeText = text.substring(0, cut).replaceAll("\\s+", "");
          types.add(typeText.isEmpty() ? text : typeText);
        }
        parameter.setLength(0);
        if (c == ')') {
          break;
        }
        continue;
      }
      parameter.append(c);
    }
    return types;
  }

  private static int lineOf(String code, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The declaration of the top-level type the file is named for, if the file has one. */
  Optional<Declaration> declaration() {
    return declaration;
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
