package dev.next4j.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
  private static final String[] TYPE_KEYWORDS = {"class", "record", "enum", "interface"};
  private static final Pattern ANNOTATION = Pattern.compile("@[\\p{javaJavaIdentifierPart}.]+(\\s*\\([^)]*\\))?");
  private static final Pattern FINAL = Pattern.compile("\\bfinal\\b");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final String source;
  private final String typeName;
  private final String code;
  private final String header;
  private final Optional<Declaration> declaration;
  /** Where the declaration is in {@code code}; null when there is none. */
  private final Found found;

  private JavaSourceText(
      String source, String typeName, String code, String header, Optional<Declaration> declaration, Found found) {
    this.source = source;
    this.typeName = typeName;
    this.code = code;
    this.header = header;
    this.declaration = declaration;
    this.found = found;
  }

  /** The package line and the declaration of the top-level type {@code typeName} in {@code source}. */
  static JavaSourceText of(String source, String typeName) {
    String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
    StringBuilder code = new StringBuilder(Math.min(text.length(), 4096));
    int at = 0;
    // Blank brace by brace until the type's body opens: usually the first brace of the file.
    // Each chunk is searched from where the one before ended: a declaration cannot span a brace.
    int searched = 0;
    while (at < text.length()) {
      at = blankUntilBrace(text, at, code);
      for (Found found = nextDeclaration(code, searched); found != null; found = nextDeclaration(code, found.nameEnd())) {
        if (found.nameEnd() - found.nameStart() == typeName.length() && startsWith(code, typeName, found.nameStart())) {
          String header = code.substring(found.nameEnd());
          return new JavaSourceText(text, typeName, code.toString(), header,
              Optional.of(Declaration.parse(code, found.keyword(), found.nameStart(), header)), found);
        }
      }
      searched = code.length();
    }
    return new JavaSourceText(text, typeName, code.toString(), "", Optional.empty(), null);
  }

  /** A type declaration in the blanked code: its keyword, where the keyword starts, where its name starts and ends. */
  private record Found(String keyword, int keywordStart, int nameStart, int nameEnd) {}

  /**
   * The next type declaration in {@code code} at or after {@code from}: a keyword ({@code class},
   * {@code record}, {@code enum}, {@code interface}) as a whole word, whitespace, then a name; as
   * null when there is none. A hand-written scan: this runs on every
   * page file, where a regular expression with Unicode classes was most of the parse.
   */
  private static Found nextDeclaration(CharSequence code, int from) {
    int n = code.length();
    for (int i = Math.max(0, from); i < n; i++) {
      char c = code.charAt(i);
      if ((c != 'c' && c != 'r' && c != 'e' && c != 'i') || (i > 0 && isWordChar(code.charAt(i - 1)))) {
        continue;
      }
      for (String keyword : TYPE_KEYWORDS) {
        int end = i + keyword.length();
        if (end < n && startsWith(code, keyword, i) && Character.isWhitespace(code.charAt(end))) {
          int name = end;
          while (name < n && Character.isWhitespace(code.charAt(name))) {
            name++;
          }
          if (name < n && Character.isJavaIdentifierStart(code.charAt(name))) {
            int nameEnd = name + 1;
            while (nameEnd < n && Character.isJavaIdentifierPart(code.charAt(nameEnd))) {
              nameEnd++;
            }
            return new Found(keyword, i, name, nameEnd);
          }
        }
      }
    }
    return null;
  }

  private static boolean startsWith(CharSequence text, String prefix, int at) {
    if (at + prefix.length() > text.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (text.charAt(at + i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A character of a regular expression's word ({@code \\w}): what {@code \\b} sees as inside a word. */
  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Whether {@code word} occurs in {@code text} as a whole word (not inside a longer one). */
  private static boolean containsWord(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      if ((at == 0 || !isWordChar(text.charAt(at - 1))) && (end == text.length() || !isWordChar(text.charAt(end)))) {
        return true;
      }
    }
    return false;
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

    private static Declaration parse(CharSequence code, String keyword, int nameStart, String header) {
      int line = lineOf(code, nameStart);
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
      String type = withoutAnnotationsAndSpaces(text);
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

    /**
     * {@code text} without annotations ({@code @A}, {@code @a.B(x)}) and without whitespace, as
     * {@code replaceAll("@[\\p{javaJavaIdentifierPart}.]+(\\([^)]*\\))?", "")} then {@code replaceAll("\\s+", "")}.
     */
    private static String withoutAnnotationsAndSpaces(CharSequence text) {
      StringBuilder out = new StringBuilder(text.length());
      int n = text.length();
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c == '@') {
          int end = i + 1;
          while (end < n && (Character.isJavaIdentifierPart(text.charAt(end)) || text.charAt(end) == '.')) {
            end++;
          }
          if (end > i + 1) {
            if (end < n && text.charAt(end) == '(') {
              int close = end + 1;
              while (close < n && text.charAt(close) != ')') {
                close++;
              }
              end = close < n ? close + 1 : end;
            }
            i = end - 1;
            continue;
          }
        }
        if (!isSpace(c)) {
          out.append(c);
        }
      }
      return out.toString();
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
    if (found == null) {
      return List.of();
    }
    // The blanked text so far is the file's start: blank only the rest, and find the body from the name on.
    StringBuilder rest = new StringBuilder(source.length()).append(code);
    for (int at = code.length(); at < source.length(); ) {
      at = blankUntilBrace(source, at, rest);
    }
    String blank = rest.toString();
    int nameStart = found.keywordStart();
    int bodyStart = blank.indexOf('{', found.nameEnd());
    if (bodyStart < 0) {
      return List.of();
    }
    List<Constructor> constructors = new ArrayList<>();
    if (found.keyword().equals("record")) {
      int open = blank.indexOf('(', nameStart);
      if (open >= 0 && open < bodyStart) {
        int lineStart = Math.max(blank.lastIndexOf(';', nameStart), Math.max(blank.lastIndexOf('}', nameStart), 0));
        boolean isPublic = containsWord(blank.substring(lineStart, nameStart), "public");
        constructors.add(new Constructor(lineOf(blank, nameStart), isPublic, parameters(blank, open)));
      }
    }
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
        // The name as a whole word (not the end of getItem when the type is Item, nor after a dot),
        // then an opening parenthesis.
        char before = blank.charAt(i - 1);
        int open = i + typeName.length();
        while (open < blank.length() && Character.isWhitespace(blank.charAt(open))) {
          open++;
        }
        if (!Character.isJavaIdentifierPart(before) && before != '.' && open < blank.length() && blank.charAt(open) == '(') {
          String member = blank.substring(memberStart, i);
          if (!endsWithNew(member)) {
            constructors.add(new Constructor(lineOf(blank, i), containsWord(member, "public"), parameters(blank, open)));
          }
          i = open;
        }
      }
    }
    return constructors;
  }

  /** Whether {@code text} ends in the word {@code new} and maybe whitespace: a constructor call, not a declaration. */
  private static boolean endsWithNew(String text) {
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end >= 3 && text.startsWith("new", end - 3) && (end == 3 || !isWordChar(text.charAt(end - 4)));
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
        String text = FINAL.matcher(ANNOTATION.matcher(parameter).replaceAll(" ")).replaceAll(" ").strip();
        if (!text.isEmpty()) {
          // The type is everything before the parameter's name, spaces removed.
          int cut = text.length();
          while (cut > 0 && Character.isJavaIdentifierPart(text.charAt(cut - 1))) {
            cut--;
          }
          String typeText = SPACES.matcher(text.substring(0, cut)).replaceAll("");
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

  private static int lineOf(CharSequence code, int at) {
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
    // What "\\A\\s*package\\s+([\\p{javaJavaIdentifierPart}.\\s]+?)\\s*;" matches, scanned by hand.
    int at = 0;
    while (at < code.length() && isSpace(code.charAt(at))) {
      at++;
    }
    if (!code.startsWith("package", at)) {
      return Optional.empty();
    }
    at += "package".length();
    int spaces = at;
    while (at < code.length() && isSpace(code.charAt(at))) {
      at++;
    }
    if (at == spaces) {
      return Optional.empty();
    }
    int nameStart = at;
    StringBuilder name = new StringBuilder();
    for (; at < code.length() && code.charAt(at) != ';'; at++) {
      char c = code.charAt(at);
      if (Character.isJavaIdentifierPart(c) || c == '.') {
        name.append(c);
      } else if (!isSpace(c)) {
        return Optional.empty();
      }
    }
    // The name takes at least one character: with no name, one of two or more spaces before the ';'.
    if (at == code.length() || (at == nameStart && at - spaces < 2)) {
      return Optional.empty();
    }
    int firstOfName = at == nameStart ? at - 1 : nameStart;
    return Optional.of(new PackageLine(name.toString(), lineOf(code, firstOfName)));
  }

  /** A regular expression's {@code \\s}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
