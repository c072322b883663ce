package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.Match;
import dev.next4j.runtime.internal.PercentDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the build and the runtime together against Next.js's own algorithm on random tables: the
 * codegen checks and orders the routes and the runtime's trie matches ({@link RouteAuthority});
 * Next.js tries each route's regex (built as its {@code getRouteRegex} builds it) in sorted order
 * against the raw path; the first match wins and its groups are decoded (catch-alls split on
 * {@code /} first).
 *
 * <p>The generated paths avoid what the two deliberately treat differently (see {@link
 * dev.next4j.runtime.internal.RouteMatcher}): empty segments, and escapes that decode to a literal.
 */
class RouteMatcherDifferentialTest {
  record NoParams() {}

  private static final String[] LITERALS = {"a", "b", "ab"};
  private static final String[] NAMES = {"p", "q", "r", "s"};
  private static final String[] PATH_SEGMENTS = {"a", "b", "ab", "x", "%2F", "%25", "%zz", "a+b", "%C3%A9"};

  @Test
  void agreesWithNextJsRegexMatchingOnRandomTables() {
    Random random = new Random(20_260_123);
    int checked = 0;
    int matched = 0;
    for (int round = 0; round < 400; round++) {
      List<String> patterns = randomTable(random);
      List<String> sorted = RouteAuthority.ordered(patterns).stream().map(PageRoute::pattern).toList();
      RouteTable table = RouteAuthority.table(patterns, r -> new NoParams(), (request, params) -> Response.text(""));
      for (int p = 0; p < 40; p++) {
        String path = randomPath(random);
        String expected = nextJs(sorted, path);
        String actual = describe(table.routing().match("GET", path));
        assertThat(actual).as("table %s, path %s", patterns, path).isEqualTo(expected);
        checked++;
        if (!expected.equals("NOT_FOUND")) {
          matched++;
        }
      }
    }
    assertThat(checked).isEqualTo(16_000);
    assertThat(matched).as("enough paths match something to mean anything").isGreaterThan(4_000);
  }

  /** Up to 12 random patterns that the codegen's {@link RouteValidator} accepts together. */
  private static List<String> randomTable(Random random) {
    List<String> patterns = new ArrayList<>();
    int wanted = 1 + random.nextInt(12);
    for (int attempt = 0; attempt < 60 && patterns.size() < wanted; attempt++) {
      String pattern = randomPattern(random);
      List<String> candidate = new ArrayList<>(patterns);
      candidate.add(pattern);
      if (RouteAuthority.problems(candidate).isEmpty()) {
        patterns.add(pattern);
      } // else Next.js would refuse this table too; try another pattern.
    }
    return patterns;
  }

  private static String randomPattern(Random random) {
    int depth = random.nextInt(4);
    StringBuilder pattern = new StringBuilder();
    List<String> names = new ArrayList<>(List.of(NAMES));
    for (int i = 0; i < depth; i++) {
      int kind = random.nextInt(10);
      boolean last = i == depth - 1;
      String name = names.remove(random.nextInt(names.size()));
      if (kind < 5) {
        pattern.append('/').append(LITERALS[random.nextInt(LITERALS.length)]);
      } else if (kind < 8 || !last) {
        pattern.append("/[").append(name).append(']');
      } else if (kind == 8) {
        pattern.append("/[...").append(name).append(']');
      } else {
        pattern.append("/[[...").append(name).append("]]");
      }
    }
    return pattern.length() == 0 ? "/" : pattern.toString();
  }

  private static String randomPath(Random random) {
    int depth = random.nextInt(5);
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      path.append('/').append(PATH_SEGMENTS[random.nextInt(PATH_SEGMENTS.length)]);
    }
    if (path.length() == 0) {
      return "/";
    }
    return random.nextInt(8) == 0 ? path.append('/').toString() : path.toString();
  }

  /** Next.js: the first route in sorted order whose regex matches the raw path, then decode. */
  private static String nextJs(List<String> sorted, String path) {
    for (String pattern : sorted) {
      List<String> names = new ArrayList<>();
      List<Boolean> repeat = new ArrayList<>();
      Matcher m = routeRegex(pattern, names, repeat).matcher(path);
      if (!m.matches()) {
        continue;
      }
      Map<String, Object> params = new LinkedHashMap<>();
      for (int g = 0; g < names.size(); g++) {
        String group = m.group(g + 1);
        if (group == null) {
          continue; // an optional catch-all on its bare path
        }
        if (repeat.get(g)) {
          List<String> parts = new ArrayList<>();
          for (String part : group.split("/", -1)) {
            String decoded = PercentDecoder.decode(part);
            if (decoded == null) {
              return "BAD_ENCODING";
            }
            parts.add(decoded);
          }
          params.put(names.get(g), parts);
        } else {
          String decoded = PercentDecoder.decode(group);
          if (decoded == null) {
            return "BAD_ENCODING";
          }
          params.put(names.get(g), decoded);
        }
      }
      return pattern + " " + params;
    }
    return "NOT_FOUND";
  }

  /** Next.js's route regex: static /lit, [x] /([^/]+?), [...x] /(.+?), [[...x]] (?:/(.+?))?. */
  private static Pattern routeRegex(String pattern, List<String> names, List<Boolean> repeat) {
    if (pattern.equals("/")) {
      return Pattern.compile("^/(?:/)?$");
    }
    StringBuilder regex = new StringBuilder("^");
    for (String segment : pattern.substring(1).split("/")) {
      if (segment.startsWith("[[...")) {
        names.add(segment.substring(5, segment.length() - 2));
        repeat.add(true);
        regex.append("(?:/(.+?))?");
      } else if (segment.startsWith("[...")) {
        names.add(segment.substring(4, segment.length() - 1));
        repeat.add(true);
        regex.append("/(.+?)");
      } else if (segment.startsWith("[")) {
        names.add(segment.substring(1, segment.length() - 1));
        repeat.add(false);
        regex.append("/([^/]+?)");
      } else {
        regex.append('/').append(Pattern.quote(segment));
      }
    }
    return Pattern.compile(regex.append("(?:/)?$").toString());
  }

  private static String describe(Match match) {
    if (match instanceof Match.Found found) {
      return found.route().pattern() + " " + new LinkedHashMap<>(found.params());
    }
    return match == Match.BadRequest.INSTANCE ? "BAD_ENCODING" : "NOT_FOUND";
  }
}
