package dev.next4j.runtime.generated;

import java.util.Objects;

/**
 * One segment of a route, split and classified at build time by the plugin's codegen, which is the
 * only place a route pattern is parsed and checked. Generated {@code Routes.table()} lists a route's
 * segments with the static factories, e.g. {@code literal("blog"), param("slug")} for {@code
 * /blog/[slug]}; the runtime builds its trie from them without reading the pattern string.
 *
 * @param kind what the segment matches
 * @param text the literal of a {@link Kind#STATIC} segment, or the parameter's name
 */
public record Segment(Kind kind, String text) {
  /** What one segment matches. */
  public enum Kind {
    /** Its literal text, compared after percent-decoding the URL segment. */
    STATIC,
    /** {@code [x]}: exactly one non-empty segment. */
    PARAM,
    /** {@code [...x]}: one or more segments; always last. */
    CATCH_ALL,
    /** {@code [[...x]]}: zero or more segments; always last. */
    OPTIONAL_CATCH_ALL
  }

  public Segment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** A static segment, e.g. {@code blog}. */
  public static Segment literal(String text) {
    return new Segment(Kind.STATIC, text);
  }

  /** {@code [name]}. */
  public static Segment param(String name) {
    return new Segment(Kind.PARAM, name);
  }

  /** {@code [...name]}. */
  public static Segment catchAll(String name) {
    return new Segment(Kind.CATCH_ALL, name);
  }

  /** {@code [[...name]]}. */
  public static Segment optionalCatchAll(String name) {
    return new Segment(Kind.OPTIONAL_CATCH_ALL, name);
  }

  /** Whether this segment is a parameter of any kind. */
  public boolean isParam() {
    return kind != Kind.STATIC;
  }
}
