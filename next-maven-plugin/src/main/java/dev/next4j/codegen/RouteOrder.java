package dev.next4j.codegen;

import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.codegen.RouteModel.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Next.js's matching order ({@code sorted-routes.ts}), computed once at build time: routes are
 * compared segment by segment, and at the first difference a route that has ended comes first, then
 * a static segment (static segments in UTF-16 order, as JavaScript's default sort), then {@code
 * [x]}, then {@code [...x]}, then {@code [[...x]]}.
 *
 * <pre>{@code
 * /, /blog/abc, /blog/abc/[id], /blog/[id], /blog/[id]/comments, /p/[...rest], /posts, /[slug], /[...rest]
 * }</pre>
 *
 * <p>This is the depth-first walk of Next.js's route trie, written as a comparison: its order at a
 * node (the node's own page, static children, {@code [x]}, {@code [...x]}, {@code [[...x]]}) is the
 * order of the first differing segment.
 */
final class RouteOrder {
  /** Compares segment lists in Next.js order. */
  static final Comparator<List<Segment>> SEGMENTS = RouteOrder::compare;

  private RouteOrder() {}

  /** {@code routes} in matching order. */
  static List<PageRoute> sort(List<PageRoute> routes) {
    List<PageRoute> sorted = new ArrayList<>(routes);
    sorted.sort(Comparator.comparing(PageRoute::segments, SEGMENTS).thenComparing(PageRoute::page));
    return List.copyOf(sorted);
  }

  private static int compare(List<Segment> a, List<Segment> b) {
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      Segment x = a.get(i);
      Segment y = b.get(i);
      int byType = Integer.compare(x.type().ordinal(), y.type().ordinal());
      if (byType != 0) {
        return byType;
      }
      // Two names of one parameter kind at one level are rejected by the validator; comparing
      // them anyway keeps the order total and deterministic.
      int byName = x.name().compareTo(y.name());
      if (byName != 0) {
        return byName;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
