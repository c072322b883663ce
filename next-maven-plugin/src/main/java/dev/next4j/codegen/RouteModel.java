package dev.next4j.codegen;

import dev.next4j.codegen.PagesScanner.PageFile;
import dev.next4j.codegen.PagesScanner.PageSource;
import dev.next4j.codegen.PagesScanner.PagesTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * The routes the page files give (docs/architecture.md): file and folder names map to URL segments
 * ({@code AboutUs} → {@code about-us}, {@code getting_started} → {@code getting-started}, {@code $id}
 * → {@code [id]}, {@code $$path} → {@code [...path]}, {@code $$$path} → {@code [[...path]]}), {@code
 * Index} is its folder's own path, {@code api/} holds API routes, and {@code _App}, {@code _404},
 * {@code _500} and {@code _Middleware} at the pages root are the special pages. Any other name that
 * starts with {@code _}, file or folder, is private: a helper beside the pages, not a route.
 *
 * <p>Camel case splits before an upper-case letter that follows a lower-case letter or digit, and
 * before the last capital of a run followed by a lower-case letter: {@code HTMLParser} → {@code
 * html-parser}, {@code V2Api} → {@code v2-api}. A name that cannot be mapped is reported, never
 * skipped: {@code my-page} (not an identifier), {@code new} (a keyword), {@code a$b}, {@code $$$$x},
 * {@code $}, or a non-ASCII letter.
 */
final class RouteModel {
  /** What serves a route; the names are the route manifest's {@code kind} column. */
  enum Kind {
    PAGE("page"),
    STATIC("static"),
    API("api");

    final String manifestName;

    Kind(String manifestName) {
      this.manifestName = manifestName;
    }
  }

  /** The special pages, by their file names at the pages root. */
  enum SpecialKind {
    APP("_App", "/_app", "app"),
    MIDDLEWARE("_Middleware", "/_middleware", "middleware"),
    NOT_FOUND("_404", "/404", "404"),
    ERROR("_500", "/500", "500");

    final String fileName;
    final String manifestPattern;
    final String manifestName;

    SpecialKind(String fileName, String manifestPattern, String manifestName) {
      this.fileName = fileName;
      this.manifestPattern = manifestPattern;
      this.manifestName = manifestName;
    }
  }

  /** One part of a route pattern. */
  record Segment(Type type, String name) {
    enum Type {
      STATIC,
      DYNAMIC,
      CATCH_ALL,
      OPTIONAL_CATCH_ALL
    }

    boolean isParam() {
      return type != Type.STATIC;
    }

    boolean isCatchAll() {
      return type == Type.CATCH_ALL || type == Type.OPTIONAL_CATCH_ALL;
    }

    /** The segment in Next.js syntax: {@code blog}, {@code [id]}, {@code [...path]}, {@code [[...path]]}. */
    String pattern() {
      return switch (type) {
        case STATIC -> name;
        case DYNAMIC -> "[" + name + "]";
        case CATCH_ALL -> "[..." + name + "]";
        case OPTIONAL_CATCH_ALL -> "[[..." + name + "]]";
      };
    }
  }

  /**
   * A route served by a page class.
   *
   * @param file the page file
   * @param source the page file relative to the project, e.g. {@code src/main/java/com/acme/pages/blog/$slug.java}
   * @param page the page file relative to the pages folder, e.g. {@code blog/$slug.java}
   * @param pattern the route in Next.js syntax, e.g. {@code /blog/[slug]}
   */
  record PageRoute(
      List<Segment> segments, Kind kind, String pageClass, Path file, String source, String page, String pattern) {
    PageRoute {
      segments = List.copyOf(segments);
    }

    PageRoute(List<Segment> segments, Kind kind, String pageClass, Path file, String source, String page) {
      this(segments, kind, pageClass, file, source, page, pattern(segments));
    }

    List<Segment> params() {
      // A loop, not a stream: the writers ask for every route's params several times.
      List<Segment> params = new ArrayList<>(segments.size());
      for (Segment segment : segments) {
        if (segment.isParam()) {
          params.add(segment);
        }
      }
      return List.copyOf(params);
    }

    /** {@code segments} in Next.js syntax, e.g. {@code /blog/[slug]}. */
    static String pattern(List<Segment> segments) {
      return "/" + segments.stream().map(Segment::pattern).collect(Collectors.joining("/"));
    }
  }

  /** A special page ({@code _App}, {@code _Middleware}, {@code _404}, {@code _500}). */
  record Special(SpecialKind kind, String pageClass, Path file, String source) {}

  private final String pagesPackage;
  private final String generatedPackage;
  private final List<String> pagesDirs;
  private final List<PageRoute> routes;
  private final List<Special> specials;

  private RouteModel(
      String pagesPackage, String generatedPackage, List<String> pagesDirs, List<PageRoute> routes, List<Special> specials) {
    this.pagesPackage = pagesPackage;
    this.generatedPackage = generatedPackage;
    this.pagesDirs = List.copyOf(pagesDirs);
    this.routes = List.copyOf(routes);
    this.specials = List.copyOf(specials);
  }

  /** Maps every page file to its route or special page, reporting names that cannot be mapped. */
  static RouteModel of(PagesTree tree, List<PageSource> sources, Diagnostics diagnostics) {
    List<PageRoute> routes = new ArrayList<>();
    List<Special> specials = new ArrayList<>();
    // A folder's package and segments are worked out once for all the files in it; a file's path
    // relative to the project is its pages folder's, then its path in there.
    Map<List<String>, String> packages = new HashMap<>();
    Map<Path, Map<List<String>, Optional<List<Segment>>>> folderSegments = new HashMap<>();
    Map<Path, String> pagesDirs = new HashMap<>();
    for (PageSource source : sources) {
      PageFile file = source.file();
      if (isPrivate(file)) {
        continue;
      }
      String pageClass = packages.computeIfAbsent(file.folders(), folders -> packageOf(tree.pagesPackage(), folders))
          + "." + file.name();
      String projectPath = pagesDirs.computeIfAbsent(file.pagesDir(), diagnostics::relative) + "/" + file.relative();
      Optional<SpecialKind> special = special(file);
      if (special.isPresent()) {
        specials.add(new Special(special.get(), pageClass, file.path(), projectPath));
        continue;
      }
      Optional<List<Segment>> folders = folderSegments.computeIfAbsent(file.pagesDir(), dir -> new HashMap<>())
          .computeIfAbsent(file.folders(), names -> folderSegments(file.pagesDir(), names, diagnostics));
      List<Segment> segments = new ArrayList<>(folders.orElse(List.of()));
      boolean mapped = folders.isPresent();
      if (!file.name().equals("Index") && !file.name().equals("index")) {
        Optional<Segment> segment = segment(file.name(), "file", file.path(), diagnostics);
        segment.ifPresent(segments::add);
        mapped &= segment.isPresent();
      }
      if (mapped) {
        routes.add(new PageRoute(segments, kind(segments, source), pageClass, file.path(), projectPath, file.relative()));
      }
    }
    specials.sort(java.util.Comparator.comparing(Special::kind));
    List<String> pagesDirNames = tree.pagesDirs().stream().map(diagnostics::relative).toList();
    return new RouteModel(tree.pagesPackage(), tree.generatedPackage(), pagesDirNames, routes, specials);
  }

  /** The segments of the folders {@code names} under {@code pagesDir}; empty when one cannot be mapped (reported). */
  private static Optional<List<Segment>> folderSegments(Path pagesDir, List<String> names, Diagnostics diagnostics) {
    List<Segment> segments = new ArrayList<>(names.size());
    boolean mapped = true;
    Path folder = pagesDir;
    for (String name : names) {
      folder = folder.resolve(name);
      Optional<Segment> segment = segment(name, "folder", folder, diagnostics);
      segment.ifPresent(segments::add);
      mapped &= segment.isPresent();
    }
    return mapped ? Optional.of(List.copyOf(segments)) : Optional.empty();
  }

  private static String packageOf(String pagesPackage, List<String> folders) {
    StringBuilder name = new StringBuilder(pagesPackage);
    for (String folder : folders) {
      name.append('.').append(folder);
    }
    return name.toString();
  }

  String pagesPackage() {
    return pagesPackage;
  }

  String generatedPackage() {
    return generatedPackage;
  }

  /** The pages folders relative to the project, e.g. {@code [src/main/java/com/acme/pages]}. */
  List<String> pagesDirs() {
    return pagesDirs;
  }

  /** The routes in the order of their files (see {@link RouteOrder} for matching order). */
  List<PageRoute> routes() {
    return routes;
  }

  /** The special pages, in {@link SpecialKind} order. */
  List<Special> specials() {
    return specials;
  }

  private static boolean isPrivate(PageFile file) {
    for (String folder : file.folders()) {
      if (folder.startsWith("_")) {
        return true;
      }
    }
    return file.name().startsWith("_") && special(file).isEmpty();
  }

  private static Optional<SpecialKind> special(PageFile file) {
    if (!file.folders().isEmpty()) {
      return Optional.empty();
    }
    for (SpecialKind kind : SpecialKind.values()) {
      if (kind.fileName.equals(file.name())) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  private static Kind kind(List<Segment> segments, PageSource source) {
    boolean api = !segments.isEmpty() && segments.get(0).type() == Segment.Type.STATIC && segments.get(0).name().equals("api");
    if (api) {
      return Kind.API;
    }
    return source.staticPage() ? Kind.STATIC : Kind.PAGE;
  }

  /**
   * The segment a file or folder name gives, or empty after reporting why it gives none. {@code
   * kind} is {@code "file"} or {@code "folder"}, {@code where} the file or folder.
   */
  static Optional<Segment> segment(String name, String kind, Path where, Diagnostics diagnostics) {
    if (!SourceVersion.isIdentifier(name)) {
      diagnostics.report(where, Messages.notAnIdentifier(kind, name, suggestion(name, kind)));
      return Optional.empty();
    }
    if (SourceVersion.isKeyword(name)) {
      diagnostics.report(where, Messages.keyword(kind, name, Character.toUpperCase(name.charAt(0)) + name.substring(1)));
      return Optional.empty();
    }
    int dollars = 0;
    while (dollars < name.length() && name.charAt(dollars) == '$') {
      dollars++;
    }
    if (name.indexOf('$', dollars) >= 0) {
      diagnostics.report(where, Messages.dollarInside(kind, name));
      return Optional.empty();
    }
    if (dollars > 3) {
      diagnostics.report(where, Messages.tooManyDollars(kind, name, dollars));
      return Optional.empty();
    }
    if (dollars > 0 && dollars == name.length()) {
      diagnostics.report(where, Messages.emptyParamName(kind, name));
      return Optional.empty();
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) > 0x7f) {
        diagnostics.report(where, Messages.notAscii(kind, name, new String(Character.toChars(name.codePointAt(i)))));
        return Optional.empty();
      }
    }
    String rest = name.substring(dollars);
    return Optional.of(switch (dollars) {
      case 0 -> new Segment(Segment.Type.STATIC, kebab(name));
      case 1 -> new Segment(Segment.Type.DYNAMIC, rest);
      case 2 -> new Segment(Segment.Type.CATCH_ALL, rest);
      default -> new Segment(Segment.Type.OPTIONAL_CATCH_ALL, rest);
    });
  }

  /** A static name as a URL segment: {@code AboutUs} → {@code about-us}, {@code getting_started} → {@code getting-started}. */
  static String kebab(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_') {
        out.append('-');
        continue;
      }
      if (i > 0 && isUpper(c)) {
        char before = name.charAt(i - 1);
        boolean afterLowerOrDigit = isLower(before) || isDigit(before);
        boolean endsAcronym = isUpper(before) && i + 1 < name.length() && isLower(name.charAt(i + 1));
        if (afterLowerOrDigit || endsAcronym) {
          out.append('-');
        }
      }
      out.append(isUpper(c) ? (char) (c + ('a' - 'A')) : c);
    }
    return out.toString();
  }

  private static String suggestion(String name, String kind) {
    List<String> words = new ArrayList<>();
    for (String word : name.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    if (words.isEmpty() || isDigit(words.get(0).charAt(0))) {
      return "names start with a letter; for a number in the URL use a parameter such as $id.";
    }
    String better;
    if (kind.equals("file")) {
      better = words.stream().map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining());
    } else {
      better = String.join("_", words);
    }
    return "name it '" + better + "' instead (route segment '" + kebab(better) + "').";
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
