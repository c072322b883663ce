package dev.next4j.runtime.internal;

import dev.next4j.runtime.generated.Segment;
import dev.next4j.runtime.internal.RouteNode.Terminal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches URL paths against route patterns in Next.js syntax, giving what Next.js gives: the first
 * route, in Next.js's sorted order, that matches.
 *
 * <pre>{@code
 * RouteMatcher m = RouteMatcher.trusted(List.of(
 *     List.of(literal("blog"), param("slug")),
 *     List.of(literal("docs"), catchAll("path")),
 *     List.of(literal("shop"), optionalCatchAll("path"))), List.of());
 * m.match("/blog/a%2Fb");   // Matched[index=0, params={slug=a/b}]
 * m.match("/docs/a/b");     // Matched[index=1, params={path=[a, b]}]
 * m.match("/shop");         // Matched[index=2, params={}]   (Next.js's {})
 * m.match("/blog/%zz");     // BAD_ENCODING: answer 400
 * m.match("/Blog/a");       // NOT_FOUND: matching is case-sensitive
 * }</pre>
 *
 * <h2>How a path is matched</h2>
 *
 * The routes form a trie, built once from their pre-split segments, in the order given: the
 * plugin's codegen parsed, checked and ordered them at build time, so nothing here parses a
 * pattern, checks a conflict or sorts. A lookup walks it segment by segment, trying at each level
 * the static child, then {@code [x]}, then {@code [...x]}, then {@code [[...x]]}, and backtracks
 * when a more specific subtree fails deeper down: with {@code /[a]/b/[c]} and {@code /x/[d]/e},
 * {@code /x/b/c} goes to {@code /[a]/b/[c]}. That depth-first order is exactly Next.js's {@code
 * sorted-routes} order, the order the plugin lists the routes in, so the first route found is the
 * one Next.js's first-regex-wins scan would pick. Static children are found by hashing a slice of
 * the path; the lookup compiles no regex and sorts nothing, and it allocates nothing until a route
 * has matched (unless a segment has escapes to decode), so its cost does not grow with the number
 * of routes.
 *
 * <h2>Paths and params</h2>
 *
 * <ul>
 *   <li>The path is the raw, still percent-encoded URL path. It is split on {@code /} first; each
 *       param segment is then percent-decoded exactly once ({@link PercentDecoder}), so {@code %2F}
 *       stays inside its segment, {@code %2525} gives {@code %25} and {@code +} stays {@code +}.
 *   <li>A catch-all gives a {@code List<String>}; an optional catch-all that matches its bare path
 *       gives no entry at all (Next.js's {@code {}}).
 *   <li>A malformed escape in a matched param is {@link Result#BAD_ENCODING} (400), decided after
 *       the route is chosen, as Next.js decodes after its regex matched: {@code /%} with {@code
 *       /[name]} is a 400, not a 404.
 *   <li>Case-sensitive throughout.
 *   <li>The dispatcher redirects {@code //} and trailing slashes before matching, but the matcher
 *       stands on its own: one trailing slash is ignored (Next.js's regexes end in {@code (?:/)?}),
 *       and a path with an empty segment, or not starting with {@code /}, matches nothing. A param
 *       never matches an empty segment.
 * </ul>
 *
 * <h2>Encoded static segments</h2>
 *
 * A static segment compares equal to its literal when the URL segment, percent-decoded once, is
 * the literal: {@code /ab%6Fut} reaches {@code /about} and {@code /bl%6Fg/x} reaches {@code
 * /blog/[slug]}, with the same precedence as the plain spelling. A segment whose escapes are
 * malformed matches no literal. Next.js production gives the same answer for pages without params
 * (it retries the decoded path for static pages before any dynamic route); it differs in two
 * places, on purpose:
 *
 * <ul>
 *   <li>Next.js compares the literals of dynamic routes with the raw path, so an encoded spelling
 *       (as browsers send for non-ASCII names such as {@code /café/[id]}) misses: its bug #10084,
 *       whose open fix (PR #89572) decodes as here.
 *   <li>Next.js decodes the whole path, so {@code /a%2Fb} would reach a page {@code /a/b}. Here an
 *       encoded slash never splits a segment, for static segments as for params, so a path a
 *       middleware saw as one segment is never routed as two.
 * </ul>
 *
 * <h2>Reserved paths</h2>
 *
 * Paths given as {@code reserved} (one static segment each; the table passes Next.js's {@code
 * _app}, {@code _document}, {@code _error} and {@code 404}) answer {@link Result#NOT_FOUND} before any dynamic route is
 * tried, as Next.js's blocked pages do, also when written encoded ({@code /%5Fapp}).
 */
public final class RouteMatcher {
  private final RouteNode root;

  private RouteMatcher(RouteNode root) {
    this.root = root;
  }

  /**
   * A matcher for {@code routes}, each given by its segments, trusted: already checked and in
   * Next.js order (a match reports the index in this list). Each of the one-segment paths {@code
   * reserved} answers {@link Result#NOT_FOUND}. Nothing is checked: of two param names at one
   * level, the first route's level is shared and each route reports its own names.
   */
  public static RouteMatcher trusted(List<List<Segment>> routes, List<String> reserved) {
    Level root = new Level();
    for (int i = 0; i < routes.size(); i++) {
      root.insert(routes.get(i), i);
    }
    for (String path : reserved) {
      Level level = root.staticChild(path);
      if (level.route == null) {
        level.route = Terminal.RESERVED;
      }
    }
    return new RouteMatcher(root.freeze());
  }

  /**
   * Matches {@code path}, the raw URL path without query. Never null: {@link Result.Matched}, or
   * one of the shared {@link Result#NOT_FOUND} and {@link Result#BAD_ENCODING}.
   */
  public Result match(String path) {
    int length = path.length();
    if (length == 0 || path.charAt(0) != '/' || path.indexOf("//") >= 0) {
      return Result.NOT_FOUND;
    }
    int end = length > 1 && path.charAt(length - 1) == '/' ? length - 1 : length;
    boolean encoded = path.indexOf('%') >= 0;
    Terminal route = find(root, path, 1, end, encoded);
    if (route == null || route == Terminal.RESERVED) {
      return Result.NOT_FOUND;
    }
    return route.hasParams ? params(route, path, end) : route.bare;
  }

  /**
   * The first route in Next.js order under {@code node} matching {@code path[pos, end)}, where
   * {@code pos} starts a segment (or is {@code end}); null when none does.
   */
  private static Terminal find(RouteNode node, String path, int pos, int end, boolean encoded) {
    if (pos == end) {
      return node.route != null ? node.route : node.optionalCatchAll;
    }
    // One pass finds the segment's end and hashes it (as String.hashCode would) for the static lookup.
    int segmentEnd = pos;
    int hash = 0;
    for (char c; segmentEnd < end && (c = path.charAt(segmentEnd)) != '/'; segmentEnd++) {
      hash = 31 * hash + c;
    }
    int next = segmentEnd == end ? end : segmentEnd + 1;
    RouteNode child = staticChild(node, path, pos, segmentEnd, hash, encoded);
    if (child != null) {
      Terminal route = find(child, path, next, end, encoded);
      if (route != null) {
        return route;
      }
    }
    if (node.param != null) {
      Terminal route = find(node.param, path, next, end, encoded);
      if (route != null) {
        return route;
      }
    }
    return node.catchAll != null ? node.catchAll : node.optionalCatchAll;
  }

  /** A static segment matches its literal once percent-decoded; see the class Javadoc. */
  private static RouteNode staticChild(RouteNode node, String path, int start, int end, int hash, boolean encoded) {
    if (encoded) {
      int percent = path.indexOf('%', start);
      if (percent >= 0 && percent < end) {
        String decoded = PercentDecoder.decode(path, start, end);
        return decoded == null ? null : node.staticChild(decoded, 0, decoded.length(), decoded.hashCode());
      }
    }
    return node.staticChild(path, start, end, hash);
  }

  private static int segmentEnd(String path, int pos, int end) {
    int slash = path.indexOf('/', pos);
    return slash < 0 || slash > end ? end : slash;
  }

  /** The params of {@code route}, which matched {@code path[1, end)}, decoded. */
  private static Result params(Terminal route, String path, int end) {
    String[] names = route.paramNames;
    Object[] values = new Object[names.length];
    int found = 0;
    int pos = 1;
    for (Segment.Kind kind : route.kinds) {
      if (pos >= end) {
        break; // only an optional catch-all can remain: it matched the bare path, so has no entry
      }
      int segmentEnd = segmentEnd(path, pos, end);
      if (kind == Segment.Kind.PARAM) {
        String value = PercentDecoder.decode(path, pos, segmentEnd);
        if (value == null) {
          return Result.BAD_ENCODING;
        }
        values[found++] = value;
      } else if (kind != Segment.Kind.STATIC) {
        List<String> rest = decodeEach(path, pos, end);
        if (rest == null) {
          return Result.BAD_ENCODING;
        }
        values[found++] = rest;
        break;
      }
      pos = segmentEnd + 1;
    }
    return found == 0 ? route.bare : new Result.Matched(route.index, new RouteParams(names, values, found));
  }

  /** The segments of {@code path[pos, end)}, each decoded; null when one is malformed. */
  private static List<String> decodeEach(String path, int pos, int end) {
    int count = 1;
    for (int i = pos; i < end; i++) {
      if (path.charAt(i) == '/') {
        count++;
      }
    }
    String[] parts = new String[count];
    for (int k = 0; k < count; k++) {
      int segmentEnd = segmentEnd(path, pos, end);
      parts[k] = PercentDecoder.decode(path, pos, segmentEnd);
      if (parts[k] == null) {
        return null;
      }
      pos = segmentEnd + 1;
    }
    return List.of(parts);
  }

  /** The outcome of a match: never null. */
  public sealed interface Result {
    /** No route matches (or the path is reserved). */
    Result NOT_FOUND = new Miss("NOT_FOUND");
    /** A route matched, but one of its params has a malformed escape: 400. */
    Result BAD_ENCODING = new Miss("BAD_ENCODING");

    /** The route at {@code index} in the list given to {@link #trusted} matched, with its decoded params. */
    record Matched(int index, Map<String, Object> params) implements Result {}

    /** The two shared misses. */
    final class Miss implements Result {
      private final String name;

      private Miss(String name) {
        this.name = name;
      }

      @Override
      public String toString() {
        return name;
      }
    }
  }

  /** A trie level while the matcher is built; {@link #freeze} makes the immutable {@link RouteNode}. */
  private static final class Level {
    private Terminal route;
    private final Map<String, Level> statics = new HashMap<>();
    private Level param;
    private Terminal catchAll;
    private Terminal optional;

    void insert(List<Segment> segments, int index) {
      Level level = this;
      // An if chain, not a switch on the enum: that would load a synthetic class at startup.
      for (Segment segment : segments) {
        Segment.Kind kind = segment.kind();
        if (kind == Segment.Kind.STATIC) {
          level = level.staticChild(segment.text());
        } else if (kind == Segment.Kind.PARAM) {
          if (level.param == null) {
            level.param = new Level();
          }
          level = level.param;
        } else if (kind == Segment.Kind.CATCH_ALL) {
          if (level.catchAll == null) {
            level.catchAll = new Terminal(index, segments);
          }
          return;
        } else {
          if (level.optional == null) {
            level.optional = new Terminal(index, segments);
          }
          return;
        }
      }
      if (level.route == null) {
        level.route = new Terminal(index, segments);
      }
    }

    /** The static child {@code text}, made when missing. */
    Level staticChild(String text) {
      Level child = statics.get(text);
      if (child == null) {
        child = new Level();
        statics.put(text, child);
      }
      return child;
    }

    RouteNode freeze() {
      Map<String, RouteNode> children = new HashMap<>();
      for (Map.Entry<String, Level> child : statics.entrySet()) {
        children.put(child.getKey(), child.getValue().freeze());
      }
      return new RouteNode(route, children, param == null ? null : param.freeze(), catchAll, optional);
    }
  }
}
