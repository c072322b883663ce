package dev.next4j.codegen;

import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.codegen.RouteModel.Special;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The route manifest the generator writes to {@code target/next/routes.tsv} and the production
 * build reads (route report, AOT training): UTF-8, tab-separated, a header line, one row per route
 * in matching order, then the special pages. This class is the format's only reader and writer.
 *
 * <pre>
 * pattern        kind    class                        source
 * /              page    com.acme.pages.Index         src/main/java/com/acme/pages/Index.java
 * /blog/[slug]   static  com.acme.pages.blog.$slug    src/main/java/com/acme/pages/blog/$slug.java
 * /api/hello     api     com.acme.pages.api.Hello     src/main/java/com/acme/pages/api/Hello.java
 * /404           404     com.acme.pages._404          src/main/java/com/acme/pages/_404.java
 * </pre>
 *
 * <p>{@code kind} is one of {@code page}, {@code static}, {@code api}, {@code app}, {@code
 * middleware}, {@code 404}, {@code 500}; {@code source} is relative to the project.
 *
 * @param rows the routes in matching order, then the special pages
 */
public record RouteManifest(List<Row> rows) {
  /** The header line the file starts with. */
  public static final String HEADER = "pattern\tkind\tclass\tsource";

  public RouteManifest {
    rows = List.copyOf(rows);
  }

  /** What a row serves. */
  public enum Kind {
    PAGE("page", "server page"),
    STATIC("static", "static page"),
    API("api", "API"),
    APP("app", "app"),
    MIDDLEWARE("middleware", "middleware"),
    NOT_FOUND("404", "404 page"),
    ERROR("500", "500 page");

    private final String token;
    private final String label;

    Kind(String token, String label) {
      this.token = token;
      this.label = label;
    }

    /** How the kind is spelled in the manifest. */
    public String token() {
      return token;
    }

    /** How the route report names it. */
    public String label() {
      return label;
    }

    /** Whether this kind is a route a URL reaches, rather than a special page. */
    public boolean isRoute() {
      return this == PAGE || this == STATIC || this == API;
    }

    static Kind of(String token) {
      for (Kind kind : values()) {
        if (kind.token.equals(token)) {
          return kind;
        }
      }
      return null;
    }
  }

  /** One route or special page: its pattern, kind, page class and page file (relative to the project). */
  public record Row(String pattern, Kind kind, String className, String source) {}

  /** The manifest of {@code routes} (in matching order) and {@code specials}. */
  static RouteManifest of(List<PageRoute> routes, List<Special> specials) {
    List<Row> rows = new ArrayList<>();
    for (PageRoute route : routes) {
      rows.add(new Row(route.pattern(), Kind.of(route.kind().manifestName), route.pageClass(), route.source()));
    }
    for (Special special : specials) {
      rows.add(new Row(special.kind().manifestPattern, Kind.of(special.kind().manifestName), special.pageClass(),
          special.source()));
    }
    return new RouteManifest(rows);
  }

  /** The rows that are routes, not special pages. */
  public List<Row> routes() {
    return rows.stream().filter(r -> r.kind().isRoute()).toList();
  }

  /** The file's text: the header, then one line per row, each ending in a line feed. */
  public String text() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (Row row : rows) {
      // Patterns and class names cannot hold tabs or line breaks; a path could, so it is made safe.
      out.append(row.pattern()).append('\t').append(row.kind().token()).append('\t').append(row.className())
          .append('\t').append(row.source().replace('\t', ' ').replace('\r', ' ').replace('\n', ' ')).append('\n');
    }
    return out.toString();
  }

  /**
   * Reads the manifest at {@code file}.
   *
   * @throws IOException when it cannot be read or is not well formed; the message names the file and line
   */
  public static RouteManifest read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses a manifest's text; {@code where} names it in errors.
   *
   * @throws IOException when the text is not well formed; the message names {@code where} and the line
   */
  public static RouteManifest parse(String text, String where) throws IOException {
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(where + ":1: expected the header \"" + HEADER.replace("\t", "\\t") + "\"");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != 4) {
        throw new IOException(where + ":" + (i + 1) + ": expected 4 tab-separated cells, found " + cells.length);
      }
      Kind kind = Kind.of(cells[1]);
      if (kind == null) {
        throw new IOException(where + ":" + (i + 1) + ": unknown kind '" + cells[1] + "' (expected one of "
            + Arrays.stream(Kind.values()).map(Kind::token).toList() + ")");
      }
      rows.add(new Row(cells[0], kind, cells[2], cells[3]));
    }
    return new RouteManifest(rows);
  }
}
