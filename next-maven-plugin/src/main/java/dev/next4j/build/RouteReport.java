package dev.next4j.build;

import dev.next4j.codegen.RouteManifest;
import dev.next4j.codegen.RuleManifest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The route table a production build prints, in the manner of {@code next build}: one line per
 * route with Next.js's mark, its pattern, kind, class size and prerendered HTML, then the special
 * pages, the totals, the legend and the jar.
 *
 * <pre>
 *   Route (pages)     Kind                    Size     HTML
 * λ /                 server page             1.21 kB  -
 * ○ /about            static                  1.02 kB  2.30 kB
 * ● /blog/[slug]      static, 3 paths         2.05 kB  6.90 kB
 * ● /news             static, ISR 60 s        1.10 kB  1.20 kB
 * λ /api/hello        API                     986 B    -
 *   /404              404 page                702 B    -
 *
 * 4 routes: 3 static pages (5 prerendered, 10.4 kB), 1 server page, 1 API route; page classes 6.36 kB
 * ○ static: prerendered as HTML   ● static with paths()   ISR: regenerated after its revalidate time   λ server: rendered per request
 * Runnable jar: target/site-1.0.jar (61.2 kB)
 * </pre>
 *
 * <p>A route's size is the size of its compiled page class with its nested and anonymous classes:
 * what the page adds to the jar, as Next.js's size column is what a page adds to the download. The
 * HTML column is the bytes of the pages prerendered for it (all its paths). Where the console's
 * charset cannot write Next.js's marks, they are {@code o}, {@code *} and {@code L}.
 */
public record RouteReport(List<String> lines) {
  private static final String ROUTE_HEADER = "Route (pages)";
  private static final String KIND_HEADER = "Kind";
  /** The marks: Next.js's, and the ASCII ones used when the console's charset cannot print those. */
  public enum Marks {
    UNICODE("\u25cb", "\u25cf", "\u03bb"),
    ASCII("o", "*", "L");

    final String plain;
    final String paths;
    final String server;

    Marks(String plain, String paths, String server) {
      this.plain = plain;
      this.paths = paths;
      this.server = server;
    }

    /** Next.js's marks when {@code charset} can write them, else the ASCII ones. */
    public static Marks forCharset(java.nio.charset.Charset charset) {
      return charset.newEncoder().canEncode("\u25cb\u25cf\u03bb") ? UNICODE : ASCII;
    }

    String legend() {
      return plain + " static: prerendered as HTML   " + paths + " static with paths()   "
          + "ISR: regenerated after its revalidate time   " + server + " server: rendered per request";
    }
  }

  public RouteReport {
    lines = List.copyOf(lines);
  }

  /** The report without prerendered pages (a site without static pages) and without rules. */
  public static RouteReport of(RouteManifest manifest, Path classes, Path jar, String jarLabel) throws IOException {
    return of(manifest, new PrerenderedPages(Path.of("."), List.of()), new RuleManifest(List.of()), classes, jar,
        jarLabel, Marks.UNICODE);
  }

  /**
   * The report for {@code manifest} and the {@code prerendered} pages, sizing page classes under
   * {@code classes}; {@code jar} is shown as {@code jarLabel} with its size.
   */
  public static RouteReport of(RouteManifest manifest, PrerenderedPages prerendered, RuleManifest rules, Path classes,
      Path jar, String jarLabel, Marks marks) throws IOException {
    List<RouteManifest.Row> rows = manifest.rows();
    List<String> names = rows.stream().map(RouteReport::displayName).toList();
    List<String> kinds = rows.stream().map(row -> kind(row, prerendered)).toList();
    int nameWidth = Math.max(ROUTE_HEADER.length(), names.stream().mapToInt(String::length).max().orElse(0)) + 2;
    int kindWidth = Math.max(13, kinds.stream().mapToInt(String::length).max().orElse(0) + 2);

    List<String> lines = new ArrayList<>();
    lines.add("  " + pad(ROUTE_HEADER, nameWidth) + pad(KIND_HEADER, kindWidth) + pad("Size", 9) + "HTML");
    long pageBytes = 0;
    long htmlBytes = 0;
    for (int i = 0; i < rows.size(); i++) {
      RouteManifest.Row row = rows.get(i);
      long size = classSize(classes, row.className());
      if (row.kind().isRoute() && size > 0) {
        pageBytes += size;
      }
      long html = prerendered.of(row.pattern()).stream().mapToLong(PrerenderedPages.Page::bytes).sum();
      boolean isStatic = row.kind() == RouteManifest.Kind.STATIC;
      htmlBytes += isStatic ? html : 0;
      lines.add(mark(row, marks) + " " + pad(names.get(i), nameWidth) + pad(kinds.get(i), kindWidth)
          + pad(size < 0 ? "-" : bytes(size), 9) + (isStatic ? bytes(html) : "-"));
    }
    lines.addAll(rules(rules));
    lines.add("");
    List<RouteManifest.Row> routes = manifest.routes();
    int pages = (int) routes.stream().filter(r -> r.kind() == RouteManifest.Kind.STATIC)
        .mapToLong(r -> prerendered.of(r.pattern()).size()).sum();
    lines.add(count(routes.size(), "route") + ": "
        + count(routes, RouteManifest.Kind.STATIC, "static page")
        + (routes.stream().anyMatch(r -> r.kind() == RouteManifest.Kind.STATIC)
            ? " (" + pages + " prerendered, " + bytes(htmlBytes) + ")" : "") + ", "
        + count(routes, RouteManifest.Kind.PAGE, "server page") + ", "
        + count(routes, RouteManifest.Kind.API, "API route") + "; page classes " + bytes(pageBytes));
    lines.add(marks.legend());
    lines.add("Runnable jar: " + jarLabel + " (" + bytes(Files.size(jar)) + ")");
    return new RouteReport(lines);
  }

  /**
   * The rules after the pages, as {@code next build} prints the config's custom routes: one block
   * per list that has rules, in the order a request meets them, one line per rule ({@code source ->
   * destination (status)} or {@code source  Name: value}, then its conditions).
   */
  private static List<String> rules(RuleManifest rules) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String> list : RuleManifest.titles().entrySet()) {
      List<RuleManifest.Row> rows = rules.of(list.getKey());
      if (rows.isEmpty()) {
        continue;
      }
      lines.add("");
      lines.add(list.getValue());
      int width = rows.stream().mapToInt(row -> row.source().length()).max().orElse(0) + 1;
      boolean headers = list.getKey().equals("headers");
      for (RuleManifest.Row row : rows) {
        String line = "  " + pad(row.source(), width) + (headers ? " " : "-> ") + row.action()
            + (row.conditions().isEmpty() ? "" : "   [" + row.conditions() + "]");
        lines.add(line.stripTrailing());
      }
    }
    return lines;
  }

  /** Next.js's mark: ○ a static page without params, ● one with paths, λ a server page or API route. */
  private static String mark(RouteManifest.Row row, Marks marks) {
    return switch (row.kind()) {
      case STATIC -> row.pattern().contains("[") ? marks.paths : marks.plain;
      case PAGE, API -> marks.server;
      default -> " ";
    };
  }

  /** The kind column: {@code static, 3 paths, ISR 60 s} for a static page, the manifest's label otherwise. */
  private static String kind(RouteManifest.Row row, PrerenderedPages prerendered) {
    if (row.kind() != RouteManifest.Kind.STATIC) {
      return row.kind().label();
    }
    List<PrerenderedPages.Page> pages = prerendered.of(row.pattern());
    String kind = "static";
    if (row.pattern().contains("[")) {
      kind += ", " + count(pages.size(), "path");
    }
    long revalidate = pages.isEmpty() ? -1 : pages.get(0).revalidateSeconds();
    if (revalidate >= 0) {
      kind += ", ISR " + revalidate + " s";
    }
    return kind;
  }

  /** The size of class {@code className} under {@code classes} with its nested classes; -1 when it is missing. */
  static long classSize(Path classes, String className) throws IOException {
    int dot = className.lastIndexOf('.');
    Path dir = dot < 0 ? classes : classes.resolve(className.substring(0, dot).replace('.', '/'));
    String simple = className.substring(dot + 1);
    Path main = dir.resolve(simple + ".class");
    if (!Files.isRegularFile(main)) {
      return -1;
    }
    long size = Files.size(main);
    try (DirectoryStream<Path> nested = Files.newDirectoryStream(dir, simple + "$*.class")) {
      for (Path file : nested) {
        size += Files.size(file);
      }
    }
    return size;
  }

  /** Bytes as Next.js prints them: {@code 512 B}, {@code 1.21 kB}, {@code 12.3 kB}, {@code 123 kB}, {@code 1.05 MB}. */
  static String bytes(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    double value = bytes / 1000.0;
    String unit = "kB";
    if (value >= 999.5) {
      value /= 1000.0;
      unit = "MB";
    }
    String digits = value >= 99.95 ? "%.0f" : value >= 9.995 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, digits, value) + " " + unit;
  }

  private static String displayName(RouteManifest.Row row) {
    if (!row.pattern().isEmpty()) {
      return row.pattern();
    }
    return switch (row.kind()) {
      case APP -> "/_app";
      case MIDDLEWARE -> "(middleware)";
      case NOT_FOUND -> "/404";
      case ERROR -> "/500";
      default -> "?";
    };
  }

  private static String count(List<RouteManifest.Row> routes, RouteManifest.Kind kind, String noun) {
    return count((int) routes.stream().filter(r -> r.kind() == kind).count(), noun);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }

  @Override
  public String toString() {
    return lines.stream().collect(Collectors.joining("\n"));
  }
}
