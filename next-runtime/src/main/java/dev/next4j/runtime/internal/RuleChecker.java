package dev.next4j.runtime.internal;

import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteRule.Condition;
import dev.next4j.runtime.RouteRule.Kind;
import dev.next4j.runtime.RouteRule.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks custom routes the way Next.js's {@code checkCustomRoutes} does, with its wording where it
 * has one, and what next4j refuses on top: a rewrite to another origin (next4j does not proxy) and
 * a redirect loop visible without a request. {@code RouteRule.check} is its public face.
 */
public final class RuleChecker {
  private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_BUILT_LENGTH = 4096;
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9]*)>");

  private RuleChecker() {}

  /** Every problem with {@code rules} under {@code basePath}; empty when they are valid. */
  public static List<Problem> check(List<RouteRule> rules, String basePath) {
    List<Problem> problems = new ArrayList<>();
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    List<CustomRoutes.Compiled> redirects = new ArrayList<>();
    List<Integer> redirectIndexes = new ArrayList<>();
    for (RouteRule rule : rules) {
      int index = counts.merge(rule.kind(), 1, Integer::sum) - 1;
      int before = problems.size();
      check(rule, index, basePath, problems);
      if (problems.size() == before) {
        try {
          CustomRoutes.Compiled compiled = new CustomRoutes.Compiled(rule, basePath, false);
          if (rule.kind() == Kind.REDIRECT) {
            redirects.add(compiled);
            redirectIndexes.add(index);
          }
        } catch (IllegalArgumentException e) {
          problems.add(new Problem(rule.kind(), index, "source",
              "`" + rule.source() + "` is not a regular expression Java can compile: " + e.getMessage()));
        }
      }
    }
    reportLoops(redirects, redirectIndexes, basePath, problems);
    return problems;
  }

  /**
   * The problems of one item of a middleware matcher ({@code source: ...}, {@code has: ...}): its
   * source and conditions are checked as a rule's are ({@link MiddlewareGate#carrier}).
   */
  public static List<String> checkMatcher(String source, List<Condition> has, List<Condition> missing) {
    RouteRule carrier = MiddlewareGate.carrier(source, has, missing);
    List<Problem> problems = new ArrayList<>();
    check(carrier, 0, "", problems);
    if (problems.isEmpty()) {
      try {
        new CustomRoutes.Compiled(carrier, "", true);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(Kind.HEADERS, 0, "source",
            "`" + source + "` is not a regular expression Java can compile: " + e.getMessage()));
      }
    }
    return problems.stream().map(p -> p.field() + ": " + p.message()).toList();
  }

  private static void check(RouteRule rule, int index, String basePath, List<Problem> problems) {
    Kind kind = rule.kind();
    List<PathPattern.Token> source = null;
    if (rule.source().isEmpty()) {
      problems.add(new Problem(kind, index, "source", "`source` is missing"));
    } else if (!rule.source().startsWith("/")) {
      problems.add(new Problem(kind, index, "source", "`source` does not start with /"));
    } else {
      try {
        source = PathPattern.parse(rule.source());
        if (PathPattern.regex(source).length() > MAX_BUILT_LENGTH) {
          problems.add(new Problem(kind, index, "source", "`source` exceeds max built length of " + MAX_BUILT_LENGTH));
        }
      } catch (PathPattern.InvalidPattern e) {
        problems.add(new Problem(kind, index, "source",
            "Error parsing `" + rule.source() + "`; Reason: " + e.getMessage()));
      }
    }
    Set<String> available = new HashSet<>();
    checkConditions(rule, index, "has", rule.has(), available, problems);
    checkConditions(rule, index, "missing", rule.missing(), new HashSet<>(), problems);
    if (kind == Kind.HEADERS) {
      if (rule.headers().isEmpty()) {
        problems.add(new Problem(kind, index, "headers", "`headers` field cannot be empty"));
      }
      for (Map.Entry<String, String> header : rule.headers().entrySet()) {
        if (header.getKey() == null || header.getKey().isBlank()) {
          problems.add(new Problem(kind, index, "headers", "`key` in header item must be string"));
        } else if (header.getValue() == null) {
          problems.add(new Problem(kind, index, "headers", "`value` in header item must be string"));
        }
      }
      return;
    }
    if (kind == Kind.REDIRECT && !REDIRECT_STATUSES.contains(rule.statusCode())) {
      problems.add(new Problem(kind, index, "statusCode", "`statusCode` is not undefined or valid statusCode ("
          + rule.statusCode() + "); Valid redirect statusCode values are 301, 302, 303, 307, 308"));
    }
    String destination = rule.destination();
    if (destination.isEmpty()) {
      problems.add(new Problem(kind, index, "destination", "`destination` is missing"));
      return;
    }
    boolean external = destination.startsWith("http://") || destination.startsWith("https://");
    if (kind.rewrite()) {
      if (!rule.basePath()) {
        problems.add(new Problem(kind, index, "basePath", "The route " + rule.source()
            + " rewrites urls outside of the basePath. Please use a destination that starts with `http://` or"
            + " `https://`; next4j does not proxy those either, so use a redirect instead"));
        return;
      }
      if (external) {
        problems.add(new Problem(kind, index, "destination", "`destination` " + destination
            + " is on another origin: next4j does not proxy rewrites; use a redirect"));
        return;
      }
      if (!destination.startsWith("/")) {
        problems.add(new Problem(kind, index, "destination",
            "`destination` does not start with `/`, `http://`, or `https://`"));
        return;
      }
    }
    if (external) {
      return;
    }
    String path = destination.replaceAll("[?#].*$", "");
    List<PathPattern.Token> tokens;
    try {
      tokens = PathPattern.parse(path);
    } catch (PathPattern.InvalidPattern e) {
      problems.add(new Problem(kind, index, "destination",
          "Error parsing `" + destination + "`; Reason: " + e.getMessage()));
      return;
    }
    if (PathPattern.regex(tokens).length() > MAX_BUILT_LENGTH) {
      problems.add(new Problem(kind, index, "destination", "`destination` exceeds max built length of "
          + MAX_BUILT_LENGTH));
    }
    if (source == null) {
      return;
    }
    Map<String, PathPattern.Key> sourceKeys = new LinkedHashMap<>();
    for (PathPattern.Key key : PathPattern.keys(source)) {
      sourceKeys.put(key.name(), key);
    }
    Set<String> unnamed = new java.util.TreeSet<>();
    Set<String> missing = new java.util.TreeSet<>();
    for (PathPattern.Key key : PathPattern.keys(tokens)) {
      PathPattern.Key from = sourceKeys.get(key.name());
      if (key.unnamed() || (from != null && from.unnamed())) {
        unnamed.add(":" + key.name());
      } else if (from == null && !available.contains(key.name())) {
        missing.add(key.name());
      } else if (from != null && from.repeats() && !key.repeats()) {
        problems.add(new Problem(kind, index, "destination", "`destination` uses :" + key.name()
            + ", which `source` matches as several segments; write :" + key.name() + "* to signify it should repeat"));
      }
    }
    if (!unnamed.isEmpty()) {
      problems.add(new Problem(kind, index, "destination",
          "`destination` has unnamed params " + String.join(", ", unnamed)));
    }
    if (!missing.isEmpty()) {
      problems.add(new Problem(kind, index, "destination",
          "`destination` has segments not in `source` or `has` (" + String.join(", ", missing) + ")"));
    }
  }

  private static void checkConditions(
      RouteRule rule, int index, String field, List<Condition> conditions, Set<String> names, List<Problem> problems) {
    for (Condition condition : conditions) {
      String where = condition.type().configName() + (condition.key().isEmpty() ? "" : " " + condition.key());
      if (condition.type() != Condition.Type.HOST && condition.key().isBlank()) {
        problems.add(new Problem(rule.kind(), index, field,
            "invalid `" + field + "` item: invalid key \"\" for a " + condition.type().configName() + " item"));
        continue;
      }
      if (condition.value().isEmpty()) {
        if (condition.type() == Condition.Type.HOST) {
          problems.add(new Problem(rule.kind(), index, field,
              "invalid `" + field + "` item: invalid value \"undefined\" for a host item (host needs a value)"));
        } else {
          names.add(condition.key().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-zA-Z]", ""));
          names.add(condition.key().replaceAll("[^a-zA-Z]", ""));
        }
        continue;
      }
      String value = condition.value().get();
      try {
        Pattern.compile("^" + value + "$");
      } catch (PatternSyntaxException e) {
        problems.add(new Problem(rule.kind(), index, field,
            "invalid `" + field + "` item: the value of " + where + " is not a regular expression: "
                + e.getDescription()));
        continue;
      }
      Matcher groups = GROUP_NAME.matcher(value);
      boolean named = false;
      while (groups.find()) {
        names.add(groups.group(1));
        named = true;
      }
      if (!named && condition.type() == Condition.Type.HOST) {
        names.add("host");
      }
    }
  }

  /**
   * Reports redirects that send a request back to themselves: following unconditional redirects
   * from each one's destination, without a request, comes back to a redirect already seen.
   */
  private static void reportLoops(
      List<CustomRoutes.Compiled> redirects, List<Integer> indexes, String basePath, List<Problem> problems) {
    for (int start = 0; start < redirects.size(); start++) {
      CustomRoutes.Compiled rule = redirects.get(start);
      String destination = CustomRoutes.fullDestination(rule.rule, basePath);
      if (!unconditional(rule) || !destination.startsWith("/") || destination.indexOf(':') >= 0) {
        continue;
      }
      List<Integer> seen = new ArrayList<>(List.of(start));
      String path = destination.replaceAll("[?#].*$", "");
      for (int hop = 0; hop <= redirects.size(); hop++) {
        int next = firstMatch(redirects, path);
        if (next < 0 || !unconditional(redirects.get(next))) {
          break;
        }
        if (seen.contains(next)) {
          if (next == start) {
            List<String> chain = new ArrayList<>();
            for (int i : seen) {
              chain.add(redirects.get(i).rule.source());
            }
            chain.add(rule.rule.source());
            problems.add(new Problem(Kind.REDIRECT, indexes.get(start), "destination",
                "the redirects form a loop: " + String.join(" -> ", chain)));
          }
          break;
        }
        seen.add(next);
        String nextDestination = CustomRoutes.fullDestination(redirects.get(next).rule, basePath);
        if (!nextDestination.startsWith("/") || nextDestination.indexOf(':') >= 0) {
          break;
        }
        path = nextDestination.replaceAll("[?#].*$", "");
      }
    }
  }

  private static boolean unconditional(CustomRoutes.Compiled rule) {
    return rule.rule.has().isEmpty() && rule.rule.missing().isEmpty();
  }

  private static int firstMatch(List<CustomRoutes.Compiled> redirects, String path) {
    for (int i = 0; i < redirects.size(); i++) {
      if (redirects.get(i).matchesPath(path)) {
        return i;
      }
    }
    return -1;
  }
}
