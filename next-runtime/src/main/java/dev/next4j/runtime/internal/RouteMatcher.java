package dev.next4j.runtime.internal;

import dev.next4j.runtime.internal.RoutePattern.Kind;
import dev.next4j.runtime.internal.RoutePattern.Segment;
import dev.next4j.runtime.internal.RouteNode.Terminal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Matches URL paths against route patterns in Next.js syntax, giving what Next.js gives: the first
 * route, in Next.js's sorted order, that matches.
 *
 * <pre>{@code
 * RouteMatcher m = RouteMatcher.of(List.of("/blog/[slug]", "/docs/[...path]", "/shop/[[...path]]"));
 * m.match("/blog/a%2Fb");   // Matched[index=0, params={slug=a/b}]
 * m.match("/docs/a/b");     // Matched[index=1, params={path=[a, b]}]
 * m.match("/shop");         // Matched[index=2, params={}]   (Next.js's {})
 * m.match("/blog/%zz");     // BAD_ENCODING: answer 400
 * m.match("/Blog/a");       // NOT_FOUND: matching is case-sensitive
 * }</pre>
 *
 * <h2>How a path is matched</h2>
 *
 * The patterns form a trie, built once. A lookup walks it segment by segment, trying at each level
 * the static child, then {@code [x]}, then {@code [...x]}, then {@code [[...x]]}, and backtracks
 * when a more specific subtree fails deeper down: with {@code /[a]/b/[c]} and {@code /x/[d]/e},
 * {@code /x/b/c} goes to {@code /[a]/b/[c]}. That depth-first order is exactly Next.js's {@code
 * sorted-routes} order (see {@link #order()}), so the first route found is the one Next.js's
 * first-regex-wins scan would pick. Static children are found by hashing a slice of the path; the
 * lookup compiles no regex and sorts nothing, and it allocates nothing until a route has matched
 * (unless a segment has escapes to decode), so its cost does not grow with the number of routes.
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
 * Paths given as {@code reserved} (the table passes Next.js's {@code /_app}, {@code /_document},
 * {@code /_error} and {@code /404}) answer {@link Result#NOT_FOUND} before any dynamic route is
 * tried, as Next.js's blocked pages do, also when written encoded ({@code /%5Fapp}).
 */
public final class RouteMatcher {
  /** No route (while building). */
  private static final int NONE = -1;
  /** A reserved path (while building). */
  private static final int RESERVED = -2;

  private final RouteNode root;
  private final List<Integer> order;

  private RouteMatcher(RouteNode root, List<Integer> order) {
    this.root = root;
    this.order = order;
  }

  /** A matcher for {@code patterns}, in any order, with no reserved paths; see {@link #of(List, Set)}. */
  public static RouteMatcher of(List<String> patterns) {
    return of(patterns, Set.of());
  }

  /**
   * A matcher for {@code patterns} (Next.js syntax, in any order; a match reports the index in
   * this list), where the static paths {@code reserved} answer {@link Result#NOT_FOUND}.
   *
   * @throws IllegalArgumentException listing, one per line and each quoting its pattern, every
   *     malformed pattern, duplicate, pair with two different param names at one level, required
   *     and optional catch-all at one level, route beside an optional catch-all of the same
   *     specificity, and pattern that is a reserved path
   */
  public static RouteMatcher of(List<String> patterns, Set<String> reserved) {
    List<String> problems = new ArrayList<>();
    RoutePattern[] parsed = new RoutePattern[patterns.size()];
    Level root = new Level();
    for (int i = 0; i < parsed.length; i++) {
      String pattern = Objects.requireNonNull(patterns.get(i), "patterns[" + i + "]");
      try {
        parsed[i] = RoutePattern.parse(pattern);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        continue;
      }
      root.insert(parsed[i], i, problems);
    }
    for (String path : new TreeSet<>(reserved)) {
      RoutePattern pattern = RoutePattern.parse(path);
      if (pattern.hasParams()) {
        throw new IllegalArgumentException("reserved path '" + path + "' must be static");
      }
      root.reserve(pattern, problems);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    List<Integer> order = new ArrayList<>();
    root.collect(order);
    return new RouteMatcher(root.freeze(parsed), Collections.unmodifiableList(order));
  }

  /**
   * The indices of the patterns in Next.js's sorted order (its {@code getSortedRoutes}): at each
   * level the route itself, then static children by UTF-16 code units, then {@code [x]}, {@code
   * [...x]} and {@code [[...x]]}.
   */
  public List<Integer> order() {
    return order;
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
    RoutePattern pattern = route.pattern;
    String[] names = pattern.paramNames();
    Object[] values = new Object[names.length];
    int found = 0;
    int pos = 1;
    for (Kind kind : pattern.kinds()) {
      if (pos >= end) {
        break; // only an optional catch-all can remain: it matched the bare path, so has no entry
      }
      int segmentEnd = segmentEnd(path, pos, end);
      if (kind == Kind.PARAM) {
        String value = PercentDecoder.decode(path, pos, segmentEnd);
        if (value == null) {
          return Result.BAD_ENCODING;
        }
        values[found++] = value;
      } else if (kind != Kind.STATIC) {
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

    /** The route at {@code index} in the list given to {@link #of} matched, with its decoded params. */
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
    private int route = NONE;
    private String routePattern;
    private final SortedMap<String, Level> statics = new TreeMap<>(); // String order = UTF-16 units
    private Level param;
    private String paramName;
    private String paramPattern;
    private int catchAll = NONE;
    private String catchAllName;
    private String catchAllPattern;
    private int optional = NONE;
    private String optionalName;
    private String optionalPattern;

    void insert(RoutePattern pattern, int index, List<String> problems) {
      String text = pattern.pattern();
      Level level = this;
      for (Segment segment : pattern.segments()) {
        String name = segment.text();
        switch (segment.kind()) {
          case STATIC -> level = level.statics.computeIfAbsent(name, k -> new Level());
          case PARAM -> {
            if (level.param == null) {
              level.param = new Level();
              level.paramName = name;
              level.paramPattern = text;
            } else if (!level.paramName.equals(name)) {
              problems.add(differentNames(level.paramPattern, text, level.paramName, name));
              return;
            }
            level = level.param;
          }
          case CATCH_ALL -> {
            if (level.optional != NONE) {
              problems.add(bothCatchAlls(level.optionalPattern, text));
            } else if (level.catchAll == NONE) {
              level.catchAll = index;
              level.catchAllName = name;
              level.catchAllPattern = text;
            } else {
              problems.add(level.catchAllName.equals(name)
                  ? duplicate(text)
                  : differentNames(level.catchAllPattern, text, level.catchAllName, name));
            }
            return;
          }
          case OPTIONAL_CATCH_ALL -> {
            if (level.catchAll != NONE) {
              problems.add(bothCatchAlls(level.catchAllPattern, text));
            } else if (level.route >= 0) {
              problems.add(sameSpecificity(level.routePattern, text));
            } else if (level.optional == NONE) {
              level.optional = index;
              level.optionalName = name;
              level.optionalPattern = text;
            } else {
              problems.add(level.optionalName.equals(name)
                  ? duplicate(text)
                  : differentNames(level.optionalPattern, text, level.optionalName, name));
            }
            return;
          }
        }
      }
      if (level.route != NONE) {
        problems.add(duplicate(text));
      } else if (level.optional != NONE) {
        problems.add(sameSpecificity(text, level.optionalPattern));
      } else {
        level.route = index;
        level.routePattern = text;
      }
    }

    void reserve(RoutePattern pattern, List<String> problems) {
      Level level = this;
      for (Segment segment : pattern.segments()) {
        level = level.statics.computeIfAbsent(segment.text(), k -> new Level());
      }
      if (level.route >= 0) {
        problems.add(RoutePattern.quote(level.routePattern)
            + " is a reserved path: Next.js answers it with 404 and never routes it; leave it out of the table");
      }
      level.route = RESERVED;
    }

    /** Appends the routes under this level in Next.js's sorted order. */
    void collect(List<Integer> order) {
      if (route >= 0) {
        order.add(route);
      }
      statics.values().forEach(child -> child.collect(order));
      if (param != null) {
        param.collect(order);
      }
      if (catchAll != NONE) {
        order.add(catchAll);
      }
      if (optional != NONE) {
        order.add(optional);
      }
    }

    RouteNode freeze(RoutePattern[] patterns) {
      SortedMap<String, RouteNode> children = new TreeMap<>();
      statics.forEach((key, child) -> children.put(key, child.freeze(patterns)));
      return new RouteNode(
          route == RESERVED ? Terminal.RESERVED : terminal(route, patterns),
          children,
          param == null ? null : param.freeze(patterns),
          terminal(catchAll, patterns),
          terminal(optional, patterns));
    }

    private static Terminal terminal(int index, RoutePattern[] patterns) {
      return index == NONE ? null : new Terminal(index, patterns[index]);
    }

    private static String duplicate(String pattern) {
      return RoutePattern.quote(pattern) + " is listed twice";
    }

    private static String differentNames(String first, String second, String firstName, String secondName) {
      return RoutePattern.quote(second) + " and '" + first + "' give one level two parameter names ('"
          + firstName + "' and '" + secondName + "'); use one name";
    }

    private static String bothCatchAlls(String first, String second) {
      return RoutePattern.quote(second) + " and '" + first
          + "' put a required and an optional catch-all at one level; keep one";
    }

    private static String sameSpecificity(String page, String optional) {
      return RoutePattern.quote(page) + " has the same specificity as the optional catch-all '" + optional
          + "', which already matches it; remove one";
    }
  }
}
