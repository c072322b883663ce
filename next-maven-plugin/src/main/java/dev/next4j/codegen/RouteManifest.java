package dev.next4j.codegen;

import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.codegen.RouteModel.Special;
import java.util.List;

/**
 * The route manifest, for tools that report on the routes (the production build's route table):
 * UTF-8, tab-separated, with a header line, one row per route in matching order, then the special
 * pages ({@code /_app}, {@code /_middleware}, {@code /404}, {@code /500}).
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
 */
final class RouteManifest {
  static final String HEADER = "pattern\tkind\tclass\tsource\n";

  private RouteManifest() {}

  /** The manifest of {@code routes} (in matching order) and {@code specials}. */
  static String tsv(List<PageRoute> routes, List<Special> specials) {
    StringBuilder out = new StringBuilder(HEADER);
    for (PageRoute route : routes) {
      row(out, route.pattern(), route.kind().manifestName, route.pageClass(), route.source());
    }
    for (Special special : specials) {
      row(out, special.kind().manifestPattern, special.kind().manifestName, special.pageClass(), special.source());
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String pattern, String kind, String pageClass, String source) {
    // Patterns and class names cannot hold tabs or line breaks; a path could, so it is made safe.
    out.append(pattern).append('\t').append(kind).append('\t').append(pageClass).append('\t')
        .append(source.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ')).append('\n');
  }
}
