package dev.next4j.codegen;

import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteRule.Condition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules manifest the generator writes beside the route manifest, {@code target/next/rules.tsv},
 * and the production build's route report reads: the pom's redirects, rewrites and headers as they
 * were compiled into {@code NextServer}, in the order a request meets them. UTF-8, tab-separated,
 * a header line, one row per rule; this class is the format's only reader and writer.
 *
 * <pre>
 * list                 source          action                      conditions
 * headers              /api/:path*     Cache-Control: no-store
 * redirects            /old/:slug      /blog/:slug (308)
 * rewrites.beforeFiles /app/:path*     /dashboard/:path*           has header x-beta
 * rewrites.afterFiles  /about          /about-us                   missing query plain; basePath false
 * </pre>
 *
 * <p>{@code list} is the rule's list as {@code next.config.js} names it; {@code action} is the
 * destination (with a redirect's status) or the headers, {@code name: value} joined by {@code ; };
 * {@code conditions} the {@code has} and {@code missing} items, {@code basePath false} and {@code
 * locale false}, or empty.
 *
 * @param rows the rules in the order the pipeline runs their lists, each list in config order
 */
public record RuleManifest(List<Row> rows) {
  /** The header line the file starts with. */
  public static final String HEADER = "list\tsource\taction\tconditions";

  /** The lists in the order a request meets them (DESIGN's pipeline). */
  private static final List<RouteRule.Kind> ORDER = List.of(RouteRule.Kind.HEADERS, RouteRule.Kind.REDIRECT,
      RouteRule.Kind.BEFORE_FILES, RouteRule.Kind.AFTER_FILES, RouteRule.Kind.FALLBACK);

  public RuleManifest {
    rows = List.copyOf(rows);
  }

  /** One rule: its list's {@code next.config.js} name, source, action and conditions. */
  public record Row(String list, String source, String action, String conditions) {}

  /** Where the rules manifest of {@code config} goes: beside the route manifest. */
  static Path file(GeneratorConfig config) {
    return file(config.manifestFile());
  }

  /** The rules manifest beside the route manifest {@code routeManifest}. */
  public static Path file(Path routeManifest) {
    return routeManifest.resolveSibling("rules.tsv");
  }

  /** The manifest of {@code rules}, ordered by list as the pipeline runs them. */
  public static RuleManifest of(List<RouteRule> rules) {
    List<Row> rows = new ArrayList<>();
    for (RouteRule.Kind kind : ORDER) {
      for (RouteRule rule : rules) {
        if (rule.kind() == kind) {
          rows.add(new Row(kind.configName(), rule.source(), action(rule), conditions(rule)));
        }
      }
    }
    return new RuleManifest(rows);
  }

  private static String action(RouteRule rule) {
    if (rule.kind() == RouteRule.Kind.HEADERS) {
      return rule.headers().entrySet().stream().map(h -> h.getKey() + ": " + h.getValue()).collect(Collectors.joining("; "));
    }
    return rule.destination() + (rule.kind() == RouteRule.Kind.REDIRECT ? " (" + rule.statusCode() + ")" : "");
  }

  private static String conditions(RouteRule rule) {
    List<String> parts = new ArrayList<>();
    rule.has().forEach(c -> parts.add("has " + condition(c)));
    rule.missing().forEach(c -> parts.add("missing " + condition(c)));
    if (!rule.basePath()) {
      parts.add("basePath false");
    }
    if (!rule.locale()) {
      parts.add("locale false");
    }
    return String.join("; ", parts);
  }

  private static String condition(Condition condition) {
    return condition.type().configName() + (condition.key().isEmpty() ? "" : " " + condition.key())
        + condition.value().map(v -> "=" + v).orElse("");
  }

  /** The rows of list {@code list} ({@code redirects}, {@code rewrites.afterFiles}, ...), in order. */
  public List<Row> of(String list) {
    return rows.stream().filter(row -> row.list().equals(list)).toList();
  }

  /** The file's text: the header, then one line per row; tabs and line breaks in a cell become spaces. */
  public String text() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (Row row : rows) {
      out.append(safe(row.list())).append('\t').append(safe(row.source())).append('\t').append(safe(row.action()))
          .append('\t').append(safe(row.conditions())).append('\n');
    }
    return out.toString();
  }

  private static String safe(String cell) {
    return cell.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }

  /**
   * Reads the rules manifest at {@code file}; a site generated before rules were listed has none,
   * which reads as no rules.
   *
   * @throws IOException when it cannot be read or is not well formed; the message names the file and line
   */
  public static RuleManifest read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return new RuleManifest(List.of());
    }
    List<String> lines = Files.readString(file, StandardCharsets.UTF_8).lines().toList();
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + ":1: expected the header \"" + HEADER.replace("\t", "\\t") + "\"");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      String[] cells = lines.get(i).split("\t", -1);
      if (cells.length != 4) {
        throw new IOException(file + ":" + (i + 1) + ": expected 4 tab-separated cells, found " + cells.length);
      }
      rows.add(new Row(cells[0], cells[1], cells[2], cells[3]));
    }
    return new RuleManifest(rows);
  }

  /** Every list name, in the pipeline's order, with how the route report titles it. */
  public static Map<String, String> titles() {
    Map<String, String> titles = new java.util.LinkedHashMap<>();
    titles.put(RouteRule.Kind.HEADERS.configName(), "Headers");
    titles.put(RouteRule.Kind.REDIRECT.configName(), "Redirects");
    titles.put(RouteRule.Kind.BEFORE_FILES.configName(), "Rewrites (beforeFiles)");
    titles.put(RouteRule.Kind.AFTER_FILES.configName(), "Rewrites (afterFiles)");
    titles.put(RouteRule.Kind.FALLBACK.configName(), "Rewrites (fallback)");
    return titles;
  }
}
