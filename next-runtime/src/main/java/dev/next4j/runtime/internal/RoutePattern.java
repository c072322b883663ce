package dev.next4j.runtime.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A route pattern in Next.js syntax, split into checked segments.
 *
 * <pre>{@code
 * RoutePattern.parse("/blog/[slug]/[...rest]")
 *     // segments: STATIC "blog", PARAM "slug", CATCH_ALL "rest"; paramNames: [slug, rest]
 * RoutePattern.parse("/blog/[[slug]]")
 *     // IllegalArgumentException: route pattern '/blog/[[slug]]': optional parameters ... ('[[slug]]') ...
 * }</pre>
 */
final class RoutePattern {
  /** What one segment of a pattern matches. */
  enum Kind {
    /** Its literal text, compared after percent-decoding the URL segment. */
    STATIC,
    /** {@code [x]}: exactly one non-empty segment. */
    PARAM,
    /** {@code [...x]}: one or more segments; always last. */
    CATCH_ALL,
    /** {@code [[...x]]}: zero or more segments; always last. */
    OPTIONAL_CATCH_ALL
  }

  /** One segment: its kind, and its literal (static) or its param name. */
  record Segment(Kind kind, String text) {}

  private final String pattern;
  private final List<Segment> segments;
  private final Kind[] kinds;
  private final String[] paramNames;

  private RoutePattern(String pattern, List<Segment> segments) {
    this.pattern = pattern;
    this.segments = List.copyOf(segments);
    this.kinds = segments.stream().map(Segment::kind).toArray(Kind[]::new);
    this.paramNames =
        segments.stream().filter(s -> s.kind() != Kind.STATIC).map(Segment::text).toArray(String[]::new);
  }

  /**
   * Parses {@code pattern}, throwing an {@link IllegalArgumentException} that quotes it and lists
   * every problem found, separated by {@code "; "}.
   */
  static RoutePattern parse(String pattern) {
    List<String> problems = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    if (pattern.isEmpty() || pattern.charAt(0) != '/') {
      throw new IllegalArgumentException(quote(pattern) + " must start with '/'");
    }
    if (!pattern.equals("/")) {
      String[] parts = pattern.substring(1).split("/", -1);
      for (int i = 0; i < parts.length; i++) {
        Optional<Segment> parsed = segment(parts[i], problems);
        if (parsed.isEmpty()) {
          continue;
        }
        Segment segment = parsed.get();
        if (segment.kind() == Kind.CATCH_ALL || segment.kind() == Kind.OPTIONAL_CATCH_ALL) {
          if (i < parts.length - 1) {
            problems.add("catch-all '" + parts[i] + "' must be the last segment");
          }
        }
        segments.add(segment);
      }
    }
    Set<String> names = new HashSet<>();
    for (Segment segment : segments) {
      if (segment.kind() != Kind.STATIC && !names.add(segment.text())) {
        problems.add("parameter name '" + segment.text() + "' is used twice; give each its own name");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(quote(pattern) + ": " + String.join("; ", problems));
    }
    return new RoutePattern(pattern, segments);
  }

  /** The segment written as {@code part}, or empty after adding its problem to {@code problems}. */
  private static Optional<Segment> segment(String part, List<String> problems) {
    if (part.isEmpty()) {
      problems.add("empty segment (a '//' or a trailing '/')");
      return Optional.empty();
    }
    if (part.length() < 2 || !part.startsWith("[") || !part.endsWith("]")) {
      if (part.indexOf('[') >= 0 || part.indexOf(']') >= 0) {
        problems.add("segment '" + part + "' mixes text and brackets; a parameter must be the whole segment, as in '[id]'");
        return Optional.empty();
      }
      return Optional.of(new Segment(Kind.STATIC, part));
    }
    // Read the brackets in the order Next.js's sorted-routes does, so that its errors carry over.
    String name = part.substring(1, part.length() - 1);
    boolean optional = name.startsWith("[") && name.endsWith("]");
    if (optional) {
      name = name.substring(1, name.length() - 1);
    }
    if (name.startsWith("\u2026")) {
      problems.add("'" + part + "' has a three-dot character ('\u2026'); did you mean '...'?");
      return Optional.empty();
    }
    boolean catchAll = name.startsWith("...");
    if (catchAll) {
      name = name.substring(3);
    }
    String problem = null;
    if (name.startsWith("[") || name.endsWith("]") || name.indexOf('[') >= 0 || name.indexOf(']') >= 0) {
      problem = "segment names may not start or end with extra brackets ('" + name + "')";
    } else if (name.startsWith(".")) {
      problem = "segment names may not start with erroneous periods ('" + name + "')";
    } else if (optional && !catchAll) {
      problem = "optional parameters are not supported ('" + part + "'); write '[[..." + name
          + "]]' for an optional catch-all or '[" + name + "]' for one segment";
    } else if (name.isEmpty()) {
      problem = "segment '" + part + "' has an empty parameter name";
    }
    if (problem != null) {
      problems.add(problem);
      return Optional.empty();
    }
    Kind kind = !catchAll ? Kind.PARAM : optional ? Kind.OPTIONAL_CATCH_ALL : Kind.CATCH_ALL;
    return Optional.of(new Segment(kind, name));
  }

  static String quote(String pattern) {
    return "route pattern '" + pattern + "'";
  }

  /** The pattern as written, e.g. {@code /blog/[slug]}. */
  String pattern() {
    return pattern;
  }

  List<Segment> segments() {
    return segments;
  }

  /** The kind of each segment, in path order; shared, never modified (the matcher's hot path). */
  Kind[] kinds() {
    return kinds;
  }

  /** The param names in path order; shared, never modified. */
  String[] paramNames() {
    return paramNames;
  }

  boolean hasParams() {
    return paramNames.length > 0;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
