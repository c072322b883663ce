package dev.next4j.build;

import dev.next4j.codegen.RouteManifest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The route table a production build prints, in the manner of {@code next build}: one line per
 * route with its pattern, kind and size, then the special pages, the totals and the jar.
 *
 * <pre>
 * Route (pages)    Kind         Size
 * /                server page  1.21 kB
 * /blog/[slug]     static page  2.05 kB
 * /api/hello       API          986 B
 * /404             404 page     702 B
 *
 * 3 routes: 1 static page, 1 server page, 1 API route; page classes 4.95 kB
 * Runnable jar: target/site-1.0.jar (61.2 kB)
 * </pre>
 *
 * <p>A route's size is the size of its compiled page class with its nested and anonymous classes:
 * what the page adds to the jar, as Next.js's size column is what a page adds to the download.
 */
public record RouteReport(List<String> lines) {
  private static final String ROUTE_HEADER = "Route (pages)";
  private static final String KIND_HEADER = "Kind";

  public RouteReport {
    lines = List.copyOf(lines);
  }

  /**
   * The report for {@code manifest}, sizing page classes under {@code classes}; {@code jar} is
   * shown as {@code jarLabel} with its size.
   */
  public static RouteReport of(RouteManifest manifest, Path classes, Path jar, String jarLabel) throws IOException {
    List<RouteManifest.Row> rows = manifest.rows();
    List<String> names = rows.stream().map(RouteReport::displayName).toList();
    int nameWidth = Math.max(ROUTE_HEADER.length(), names.stream().mapToInt(String::length).max().orElse(0)) + 2;
    int kindWidth = 13;

    List<String> lines = new ArrayList<>();
    lines.add(pad(ROUTE_HEADER, nameWidth) + pad(KIND_HEADER, kindWidth) + "Size");
    long pageBytes = 0;
    for (int i = 0; i < rows.size(); i++) {
      RouteManifest.Row row = rows.get(i);
      long size = classSize(classes, row.className());
      if (row.kind().isRoute() && size > 0) {
        pageBytes += size;
      }
      lines.add(pad(names.get(i), nameWidth) + pad(row.kind().label(), kindWidth) + (size < 0 ? "-" : bytes(size)));
    }
    lines.add("");
    List<RouteManifest.Row> routes = manifest.routes();
    lines.add(count(routes.size(), "route") + ": "
        + count(routes, RouteManifest.Kind.STATIC, "static page") + ", "
        + count(routes, RouteManifest.Kind.PAGE, "server page") + ", "
        + count(routes, RouteManifest.Kind.API, "API route") + "; page classes " + bytes(pageBytes));
    lines.add("Runnable jar: " + jarLabel + " (" + bytes(Files.size(jar)) + ")");
    return new RouteReport(lines);
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
