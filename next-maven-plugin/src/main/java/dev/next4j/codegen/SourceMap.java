package dev.next4j.codegen;

import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.codegen.RouteModel.Special;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which generated line was made from which page file, so an error javac reports in generated code
 * can be shown at the page to fix. The generator writes it beside the route manifest ({@code
 * target/next/generated-lines.tsv}); dev mode reads it. UTF-8, tab-separated, a header line, paths
 * relative to the project:
 *
 * <pre>
 * generated                                              line  source
 * target/generated-sources/next/com/acme/Routes.java     41    src/main/java/com/acme/pages/Index.java
 * target/generated-sources/next/com/acme/Routes.java     42    src/main/java/com/acme/pages/blog/$slug.java
 * </pre>
 *
 * <p>A line is mapped when it constructs a page ({@code new com.acme.pages.Index()}, or {@code
 * new com.acme.pages.Index(context)} for a page that takes the site's services): that is where
 * javac reports a page that does not implement what its route needs. The {@code // src/...}
 * comment at the end of such a line is for people reading the code; nothing parses it.
 *
 * @param lines every mapped line, in file and line order
 */
public record SourceMap(List<Line> lines) {
  /** The header line the file starts with. */
  public static final String HEADER = "generated\tline\tsource";

  public SourceMap {
    lines = List.copyOf(lines);
  }

  /** One generated line and the page file it was made from, both relative to the project. */
  public record Line(String generated, int line, String source) {}

  /**
   * The class {@code text} constructs at {@code at} ({@code new com.acme.pages.Index()} or {@code
   * new com.acme.pages.Index(context)}), or an empty string: what {@code \\bnew ([\\w$.]+)\\((?:context)?\\)}
   * matches there.
   */
  private static String constructed(String text, int at) {
    if (at > 0 && isWordChar(text.charAt(at - 1))) {
      return "";
    }
    int start = at + "new ".length();
    int end = start;
    while (end < text.length() && (isWordChar(text.charAt(end)) || text.charAt(end) == '$' || text.charAt(end) == '.')) {
      end++;
    }
    if (end == start || !text.startsWith("(", end)) {
      return "";
    }
    int close = text.startsWith("context)", end + 1) ? end + 1 + "context".length() : end + 1;
    return text.startsWith(")", close) ? text.substring(start, end) : "";
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Where the source map of {@code config}'s output is kept: beside the route manifest. */
  public static Path file(GeneratorConfig config) {
    return config.manifestFile().resolveSibling("generated-lines.tsv");
  }

  /** The map of {@code sources} (generated file → text), whose page constructions name {@code routes} and {@code specials}. */
  static SourceMap of(Path projectDir, Map<Path, String> sources, List<PageRoute> routes, List<Special> specials) {
    Map<String, String> sourceByClass = new HashMap<>();
    routes.forEach(route -> sourceByClass.put(route.pageClass(), route.source()));
    specials.forEach(special -> sourceByClass.put(special.pageClass(), special.source()));
    List<Line> lines = new ArrayList<>();
    for (Map.Entry<Path, String> source : sources.entrySet()) {
      String generated = ProjectPaths.relative(projectDir, source.getKey());
      String text = source.getValue();
      // Generated text ends its lines with \n only. One pass over the text from one "new " to the
      // next: Routes of 10,000 pages is 200,000 lines, most of which construct nothing.
      int line = 1;
      int lineStart = 0;
      int mappedLine = 0;
      for (int at = text.indexOf("new ", 0); at >= 0; at = text.indexOf("new ", at + 4)) {
        for (int end = text.indexOf('\n', lineStart); end >= 0 && end < at; end = text.indexOf('\n', lineStart)) {
          line++;
          lineStart = end + 1;
        }
        String page = line == mappedLine ? null : sourceByClass.get(constructed(text, at));
        if (page != null) {
          lines.add(new Line(generated, line, page));
          mappedLine = line;
        }
      }
    }
    return new SourceMap(lines);
  }

  /** The page file {@code line} of the generated file {@code generated} was made from, if any. */
  public Optional<String> sourceOf(String generated, int line) {
    return lines.stream().filter(l -> l.line() == line && l.generated().equals(generated)).map(Line::source).findFirst();
  }

  /** The file's text: the header, then one line per mapped line. */
  public String text() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (Line line : lines) {
      out.append(line.generated()).append('\t').append(line.line()).append('\t').append(line.source()).append('\n');
    }
    return out.toString();
  }

  /**
   * Reads the map at {@code file}; no file is an empty map (nothing generated yet).
   *
   * @throws IOException when it cannot be read or is not well formed; the message names the file and line
   */
  public static SourceMap read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return new SourceMap(List.of());
    }
    List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (text.isEmpty() || !text.get(0).equals(HEADER)) {
      throw new IOException(file + ":1: expected the header \"" + HEADER.replace("\t", "\\t") + "\"");
    }
    List<Line> lines = new ArrayList<>();
    for (int i = 1; i < text.size(); i++) {
      String[] cells = text.get(i).split("\t", -1);
      if (cells.length != 3 || !cells[1].matches("[1-9][0-9]{0,8}")) {
        throw new IOException(file + ":" + (i + 1) + ": expected a generated file, a line number and a page file,"
            + " tab-separated: " + text.get(i));
      }
      lines.add(new Line(cells[0], Integer.parseInt(cells[1]), cells[2]));
    }
    return new SourceMap(lines);
  }
}
