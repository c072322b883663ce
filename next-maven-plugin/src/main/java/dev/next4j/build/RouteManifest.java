package dev.next4j.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The route manifest the generate goal writes to {@code target/next/routes.tsv}: one row per
 * route in table order, then the special pages. UTF-8, tab-separated, with a header:
 *
 * <pre>
 * pattern      kind   class                         source
 * /            page   com.acme.pages.Index          src/main/java/com/acme/pages/Index.java
 * /blog/[slug] static com.acme.pages.blog.$slug     src/main/java/com/acme/pages/blog/$slug.java
 * /api/hello   api    com.acme.pages.api.Hello      src/main/java/com/acme/pages/api/Hello.java
 *              404    com.acme.pages._404           src/main/java/com/acme/pages/_404.java
 * </pre>
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
        if (kind.token.equals(token.toLowerCase(Locale.ROOT))) {
          return kind;
        }
      }
      return null;
    }
  }

  /** One route or special page: its pattern (may be empty for specials), kind, class and page file. */
  public record Row(String pattern, Kind kind, String className, String source) {}

  /** The rows that are routes, not special pages. */
  public List<Row> routes() {
    return rows.stream().filter(r -> r.kind().isRoute()).toList();
  }

  /**
   * Reads the manifest at {@code file}.
   *
   * @throws IOException when it cannot be read or is not well formed; the message names the file and line
   */
  public static RouteManifest read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + ":1: expected the header \"" + HEADER.replace("\t", "\\t") + "\"");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != 4) {
        throw new IOException(file + ":" + (i + 1) + ": expected 4 tab-separated cells, found " + cells.length);
      }
      Kind kind = Kind.of(cells[1]);
      if (kind == null) {
        throw new IOException(file + ":" + (i + 1) + ": unknown kind '" + cells[1] + "' (expected one of "
            + Arrays.stream(Kind.values()).map(Kind::token).toList() + ")");
      }
      rows.add(new Row(cells[0], kind, cells[2], cells[3]));
    }
    return new RouteManifest(rows);
  }
}
