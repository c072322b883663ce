package dev.next4j.runtime.generated;

import dev.next4j.runtime.ApiRoute;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.StaticPage;
import dev.next4j.runtime.internal.RouteMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Routes for runtime tests, built through the same entry points generated code calls, with the
 * segments split from a pattern written in Next.js syntax. The split trusts the pattern as the
 * runtime trusts generated tables: the plugin's codegen is what checks patterns.
 */
public final class TestRoutes {
  private TestRoutes() {}

  /** {@code pattern} split into segments: {@code /blog/[slug]} → {@code literal("blog"), param("slug")}. */
  public static Segment[] segments(String pattern) {
    List<Segment> segments = new ArrayList<>();
    for (String part : pattern.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.startsWith("[[...")) {
        segments.add(Segment.optionalCatchAll(part.substring(5, part.length() - 2)));
      } else if (part.startsWith("[...")) {
        segments.add(Segment.catchAll(part.substring(4, part.length() - 1)));
      } else if (part.startsWith("[")) {
        segments.add(Segment.param(part.substring(1, part.length() - 1)));
      } else {
        segments.add(Segment.literal(part));
      }
    }
    return segments.toArray(Segment[]::new);
  }

  public static <P extends Record> Route page(String pattern, ParamsFactory<P> params, Page<P> page) {
    return Route.page(pattern, params, page, segments(pattern));
  }

  public static <P extends Record> Route api(String pattern, ParamsFactory<P> params, ApiRoute<P> api) {
    return Route.api(pattern, params, api, segments(pattern));
  }

  /** A static page whose params records become URLs through {@code href}, as a generated record's {@code href()}. */
  public static <P extends Record> Route staticPage(
      String pattern, ParamsFactory<P> params, Function<P, String> href, StaticPage<P> page) {
    return Route.staticPage(pattern, params, href, page, segments(pattern));
  }

  /** A static page without params (its href is never asked). */
  public static <P extends Record> Route staticPage(String pattern, ParamsFactory<P> params, StaticPage<P> page) {
    return Route.staticPage(pattern, params, p -> {
      throw new AssertionError("a static page without params has no href to ask");
    }, page, segments(pattern));
  }

  /** A builder for {@code routes}; the trie does not depend on their order, only the indices do. */
  public static TableBuilder builder(Route... routes) {
    return TableBuilder.of(routes);
  }

  public static RouteTable table(Route... routes) {
    return TableBuilder.of(routes).build();
  }

  public static RouteTable table(List<Route> routes) {
    return TableBuilder.of(routes).build();
  }

  /** A matcher for {@code patterns} with no reserved paths; a match reports the index in this list. */
  public static RouteMatcher matcher(List<String> patterns) {
    return matcher(patterns, List.of());
  }

  public static RouteMatcher matcher(List<String> patterns, List<String> reserved) {
    return RouteMatcher.trusted(patterns.stream().map(p -> List.of(segments(p))).toList(), reserved);
  }
}
