package dev.next4j.runtime.internal;

import dev.next4j.runtime.NextConfig.I18n;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteRule.Condition;
import dev.next4j.runtime.RouteRule.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The redirects, rewrites and headers of a {@code NextConfig}, compiled once when the app is
 * created: each source becomes one {@link Pattern} (Next.js's path-to-regexp with its optional
 * trailing slash, and {@code (?!/_next)} for redirects), each destination its tokens.
 *
 * <p>A request costs no regex work for a rule that cannot match it: rules whose source starts with
 * a literal segment ({@code /blog/:slug}) are filed under that segment, so a request is tested only
 * against the rules of its own first segment and the few that start with a parameter ({@code
 * /:path*}). Matching runs on the raw path, percent-encoded and with the base path, as in Next.js.
 */
final class CustomRoutes {
  private static final CustomRoutes NONE = new CustomRoutes(List.of(), false);
  /** The param Next.js's i18n puts in front of a rule's source and destination; never part of a query. */
  static final String LOCALE_PARAM = "nextInternalLocale";

  private final Map<Kind, Phase> phases = new EnumMap<>(Kind.class);
  private final boolean empty;

  private CustomRoutes(List<Compiled> rules, boolean caseSensitive) {
    this.empty = rules.isEmpty();
    for (Kind kind : Kind.values()) {
      List<Compiled> ofKind = new ArrayList<>();
      for (Compiled rule : rules) {
        if (rule.rule.kind() == kind) {
          rule.position = ofKind.size();
          ofKind.add(rule);
        }
      }
      phases.put(kind, new Phase(ofKind));
    }
  }

  /**
   * {@code rules} compiled for an app under {@code basePath}; sources match regardless of case
   * unless {@code caseSensitive} (beforeFiles rewrites always ignore case, as in Next.js).
   *
   * @throws IllegalArgumentException when a rule does not compile (the config checks them first)
   */
  static CustomRoutes compile(List<RouteRule> rules, String basePath, boolean caseSensitive) {
    return compile(rules, basePath, caseSensitive, null, false);
  }

  /**
   * {@code rules} compiled for an app under {@code basePath} with {@code i18n} (null for none):
   * each rule that is not {@code locale: false} is first rewritten as Next.js's {@code
   * load-custom-routes} does it ({@link #localised}); the request path the rules then see is the one
   * {@link LocaleRouting#rulePath} gives.
   *
   * @throws IllegalArgumentException when a rule does not compile (the config checks them first)
   */
  static CustomRoutes compile(
      List<RouteRule> rules, String basePath, boolean caseSensitive, I18n i18n, boolean trailingSlash) {
    if (rules.isEmpty()) {
      return NONE;
    }
    List<Compiled> compiled = new ArrayList<>();
    for (RouteRule rule : i18n == null ? rules : localised(rules, i18n, basePath, trailingSlash)) {
      compiled.add(new Compiled(rule, basePath, caseSensitive && rule.kind() != Kind.BEFORE_FILES));
    }
    return new CustomRoutes(compiled, caseSensitive);
  }

  /**
   * {@code rules} as they match under {@code i18n}, in order. A rule that is not {@code locale:
   * false} gets {@code /:nextInternalLocale(en|fr|...)} in front of its source and {@code
   * /:nextInternalLocale} in front of a relative destination ({@code /} alone is left out unless
   * {@code trailingSlash}), so that it matches behind every locale prefix and keeps the locale. A
   * redirect with a relative destination is preceded by one variant per default locale (each
   * domain's, then the app's), whose source names that locale and whose destination goes without
   * a locale prefix (to the domain, for a domain's): a default locale is served without its prefix.
   * The results are {@code locale: false} rules, matched as written.
   */
  static List<RouteRule> localised(List<RouteRule> rules, I18n i18n, String basePath, boolean trailingSlash) {
    // Locales are letters, digits and '-' (NextConfig.I18n.check), none of them special in a regex group.
    String prefix = "/:" + LOCALE_PARAM + "(" + String.join("|", i18n.locales()) + ")";
    List<RouteRule> localised = new ArrayList<>();
    for (RouteRule rule : rules) {
      if (!rule.locale()) {
        localised.add(rule);
        continue;
      }
      String tail = rule.source().equals("/") && !trailingSlash ? "" : rule.source();
      String destination = rule.destination();
      if (rule.kind() == Kind.REDIRECT && destination.startsWith("/")) {
        String destinationBase = rule.basePath() ? basePath : "";
        for (I18n.Domain domain : i18n.domains()) {
          String origin = (domain.http() ? "http://" : "https://") + domain.domain();
          localised.add(variant(rule, "/" + domain.defaultLocale() + tail, origin + destinationBase + destination));
        }
        localised.add(variant(rule, "/" + i18n.defaultLocale() + tail, destination));
      }
      String localisedDestination = destination.startsWith("/")
          ? "/:" + LOCALE_PARAM + (destination.equals("/") && !trailingSlash ? "" : destination)
          : destination;
      localised.add(variant(rule, prefix + tail, localisedDestination));
    }
    return localised;
  }

  /** {@code rule} with another source and destination, matched as written ({@code locale: false}). */
  private static RouteRule variant(RouteRule rule, String source, String destination) {
    RouteRule variant = switch (rule.kind()) {
      case REDIRECT -> RouteRule.redirect(source, destination, rule.statusCode());
      case HEADERS -> RouteRule.headers(source, rule.headers());
      default -> RouteRule.rewrite(rule.kind(), source, destination);
    };
    return variant.has(rule.has().toArray(Condition[]::new))
        .missing(rule.missing().toArray(Condition[]::new))
        .basePath(rule.basePath())
        .locale(false);
  }

  /** Whether there are no rules at all. */
  boolean isEmpty() {
    return empty;
  }

  /**
   * The headers the header rules give {@code request} (matched on its path as received), in rule
   * order, a later rule replacing an earlier one's value for the same name, {@code Set-Cookie}
   * values accumulating.
   */
  Map<String, List<String>> headers(Request request) {
    return headers(request, request.path());
  }

  /** The headers the header rules give {@code request}, matched on {@code path} (under i18n, {@link LocaleRouting#rulePath}). */
  Map<String, List<String>> headers(Request request, String path) {
    if (empty) {
      return Map.of();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Compiled rule : phases.get(Kind.HEADERS).candidates(path)) {
      Map<String, Object> params = rule.match(path, request);
      if (params == null) {
        continue;
      }
      for (Map.Entry<String, String> header : rule.rule.headers().entrySet()) {
        String key = params.isEmpty() ? header.getKey() : fillNonPath(header.getKey(), params);
        String value = params.isEmpty() ? header.getValue() : fillNonPath(header.getValue(), params);
        String lower = key.toLowerCase(Locale.ROOT);
        String earlier = names.putIfAbsent(lower, key);
        String name = earlier == null ? key : earlier;
        if (lower.equals("set-cookie")) {
          headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        } else {
          headers.put(name, new ArrayList<>(List.of(value)));
        }
      }
    }
    return headers;
  }

  /** The answer of the first redirect rule matching {@code request}, if any. */
  Optional<Response> redirect(Request request) {
    return redirect(request, request.path());
  }

  /** The answer of the first redirect rule matching {@code request} on {@code path} (under i18n, {@link LocaleRouting#rulePath}). */
  Optional<Response> redirect(Request request, String path) {
    if (empty) {
      return Optional.empty();
    }
    for (Compiled rule : phases.get(Kind.REDIRECT).candidates(path)) {
      Map<String, Object> params = rule.match(path, request);
      if (params != null) {
        String location = rule.redirectLocation(params, request.rawQuery());
        Response response = Response.redirect(rule.rule.statusCode(), location)
            .withBody(location)
            .withHeader("Content-Type", "text/plain; charset=utf-8");
        return Optional.of(rule.rule.statusCode() == 308 ? response.withHeader("Refresh", "0;url=" + location) : response);
      }
    }
    return Optional.empty();
  }

  /**
   * The rules of rewrite phase {@code phase} that may match {@code path}, in config order; a rule's
   * {@link Compiled#position} is its place in the phase, so a caller that rewrote the path asks
   * again and goes on after the rule that matched.
   */
  List<Compiled> candidates(Kind phase, String path) {
    return empty ? List.of() : phases.get(phase).candidates(path);
  }

  /** The rules of one kind, filed by the first literal segment of their source. */
  private static final class Phase {
    private final List<Compiled> always;
    private final Map<String, List<Compiled>> bySegment = new HashMap<>();

    Phase(List<Compiled> rules) {
      List<Compiled> always = new ArrayList<>();
      Map<String, TreeSet<Integer>> indexes = new HashMap<>();
      for (int i = 0; i < rules.size(); i++) {
        String segment = rules.get(i).firstSegment;
        if (segment == null) {
          always.add(rules.get(i));
        } else {
          TreeSet<Integer> own = indexes.get(segment);
          if (own == null) {
            own = new TreeSet<>();
            indexes.put(segment, own);
          }
          own.add(i);
        }
      }
      this.always = List.copyOf(always);
      for (Map.Entry<String, TreeSet<Integer>> entry : indexes.entrySet()) {
        List<Compiled> merged = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
          if (entry.getValue().contains(i) || rules.get(i).firstSegment == null) {
            merged.add(rules.get(i));
          }
        }
        bySegment.put(entry.getKey(), List.copyOf(merged));
      }
    }

    List<Compiled> candidates(String path) {
      if (bySegment.isEmpty()) {
        return always;
      }
      int end = path.indexOf('/', 1);
      String segment = (end < 0 ? path.substring(1) : path.substring(1, end)).toLowerCase(Locale.ROOT);
      return bySegment.getOrDefault(segment, always);
    }
  }

  /** One rule, compiled. */
  static final class Compiled {
    final RouteRule rule;
    /** The rule's place among the rules of its kind, from 0. */
    int position;
    private final Pattern source;
    private final List<PathPattern.Key> keys;
    private final String firstSegment;
    private final List<Pattern> hasValues;
    private final List<Pattern> missingValues;
    private final Destination destination;

    Compiled(RouteRule rule, String basePath, boolean caseSensitive) {
      this.rule = rule;
      String sourceText = fullSource(rule, basePath);
      List<PathPattern.Token> tokens;
      try {
        tokens = PathPattern.parse(sourceText);
      } catch (PathPattern.InvalidPattern e) {
        throw new IllegalArgumentException(rule + ": " + e.getMessage(), e);
      }
      String regex = PathPattern.regex(tokens);
      regex = regex.substring(0, regex.length() - 1) + "(?:/)?$";
      if (rule.kind() == Kind.REDIRECT) {
        regex = "^(?!" + Pattern.quote(basePath + "/_next") + ")" + regex.substring(1);
      }
      this.source = Pattern.compile(regex, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      this.keys = PathPattern.keys(tokens);
      this.firstSegment = firstSegment(tokens);
      this.hasValues = rule.has().stream().map(Compiled::valuePattern).toList();
      this.missingValues = rule.missing().stream().map(Compiled::valuePattern).toList();
      this.destination = rule.kind() == Kind.HEADERS ? null : new Destination(fullDestination(rule, basePath));
    }

    /** Whether the source matches {@code path}, whatever the conditions. */
    boolean matchesPath(String path) {
      return source.matcher(path).matches();
    }

    /** The params of {@code path} and the {@code has} captures, or null when the rule does not apply. */
    Map<String, Object> match(String path, Request request) {
      Matcher m = source.matcher(path);
      if (!m.matches()) {
        return null;
      }
      Map<String, Object> params = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        PathPattern.Key key = keys.get(i);
        String value = m.group(i + 1);
        if (value == null || key.unnamed()) {
          continue;
        }
        if (key.repeats()) {
          String separator = key.prefix() + key.suffix();
          params.put(key.name(), separator.isEmpty() ? List.of(value) : List.of(value.split(Pattern.quote(separator), -1)));
        } else {
          params.put(key.name(), value);
        }
      }
      for (int i = 0; i < rule.has().size(); i++) {
        if (!matchCondition(rule.has().get(i), hasValues.get(i), request, params)) {
          return null;
        }
      }
      for (int i = 0; i < rule.missing().size(); i++) {
        if (matchCondition(rule.missing().get(i), missingValues.get(i), request, new HashMap<>())) {
          return null;
        }
      }
      return params;
    }

    /** The rewritten target ({@code /path?query}, with the base path) for a match with {@code params}. */
    String rewriteTarget(Map<String, Object> params, String rawQuery) {
      String path = PathPattern.fill(destination.path, params);
      Map<String, List<String>> query = new LinkedHashMap<>(QueryStrings.parse(rawQuery));
      Map<String, List<String>> destinationQuery = destination.query(params);
      if (!destination.usesParams(params)) {
        params.forEach((name, value) -> {
          if (!destinationQuery.containsKey(name) && !name.equals(LOCALE_PARAM)) {
            query.put(name, value instanceof List<?> list
                ? list.stream().map(String.class::cast).toList()
                : List.of((String) value));
          }
        });
      }
      query.putAll(destinationQuery);
      StringBuilder target = new StringBuilder(path);
      char separator = '?';
      for (Map.Entry<String, List<String>> entry : query.entrySet()) {
        for (String value : entry.getValue()) {
          target.append(separator).append(encodeComponent(entry.getKey())).append('=').append(encodeComponent(value));
          separator = '&';
        }
      }
      return target.toString();
    }

    /** The {@code Location} of a redirect for a match with {@code params}. */
    String redirectLocation(Map<String, Object> params, String rawQuery) {
      String path = PathPattern.fill(destination.path, params).replaceAll("/{2,}", "/");
      Map<String, List<String>> destinationQuery = destination.query(params);
      StringBuilder query = new StringBuilder();
      for (Map.Entry<String, List<String>> entry : QueryStrings.parse(rawQuery).entrySet()) {
        if (destinationQuery.containsKey(entry.getKey())) {
          for (String value : destinationQuery.remove(entry.getKey())) {
            query.append('&').append(entry.getKey()).append('=').append(value);
          }
          continue;
        }
        for (String value : entry.getValue()) {
          query.append('&').append(encodeComponent(entry.getKey())).append('=').append(encodeComponent(value));
        }
      }
      destinationQuery.forEach((key, values) -> values.forEach(v -> query.append('&').append(key).append('=').append(v)));
      StringBuilder location = new StringBuilder();
      if (destination.origin != null) {
        location.append(fillNonPath(destination.origin, params));
        if (path.isEmpty()) {
          path = "/";
        }
      }
      location.append(path);
      if (query.length() > 0) {
        location.append('?').append(query, 1, query.length());
      }
      if (destination.hash != null) {
        location.append('#').append(fillNonPath(destination.hash, params));
      }
      return location.toString();
    }

    private static Pattern valuePattern(Condition condition) {
      return condition.value().map(v -> Pattern.compile("^" + v + "$")).orElse(null);
    }

    private static boolean matchCondition(Condition condition, Pattern pattern, Request request, Map<String, Object> params) {
      String value = switch (condition.type()) {
        case HEADER -> request.header(condition.key()).orElse(null);
        case COOKIE -> request.cookie(condition.key()).orElse(null);
        case QUERY -> {
          List<String> values = QueryStrings.parse(request.rawQuery()).get(condition.key());
          yield values == null || values.isEmpty() ? null : values.get(values.size() - 1);
        }
        case HOST -> request.header("host").map(h -> hostName(h)).orElse(null);
      };
      if (pattern == null) {
        if (value == null || value.isEmpty()) {
          return false;
        }
        String key = condition.type() == Condition.Type.HEADER ? condition.key().toLowerCase(Locale.ROOT) : condition.key();
        params.put(key.replaceAll("[^a-zA-Z]", ""), value);
        return true;
      }
      if (value == null) {
        return false;
      }
      Matcher m = pattern.matcher(value);
      if (!m.matches()) {
        return false;
      }
      boolean named = false;
      Matcher names = Patterns.GROUP_NAME.matcher(pattern.pattern());
      while (names.find()) {
        named = true;
        String group = m.group(names.group(1));
        if (group != null) {
          params.put(names.group(1), group);
        }
      }
      if (!named && condition.type() == Condition.Type.HOST) {
        params.put("host", m.group());
      }
      return true;
    }

    static String hostName(String host) {
      int colon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.indexOf(':');
      return (colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    /** The first segment when the source starts with a literal one, lower-cased; else null. */
    private static String firstSegment(List<PathPattern.Token> tokens) {
      if (tokens.isEmpty() || !(tokens.get(0) instanceof PathPattern.Text text) || !text.text().startsWith("/")) {
        return null;
      }
      String rest = text.text().substring(1);
      int slash = rest.indexOf('/');
      if (slash >= 0) {
        return rest.substring(0, slash).toLowerCase(Locale.ROOT);
      }
      if (tokens.size() == 1) {
        return rest.toLowerCase(Locale.ROOT);
      }
      PathPattern.Token next = tokens.get(1);
      return next instanceof PathPattern.Key key && key.prefix().equals("/") ? rest.toLowerCase(Locale.ROOT) : null;
    }
  }

  /** A destination split into its origin, path tokens, query items and hash. */
  private static final class Destination {
    final String origin;
    final List<PathPattern.Token> path;
    final List<String[]> query = new ArrayList<>();
    final String hash;

    Destination(String text) {
      String rest = text;
      String origin = null;
      int scheme = rest.indexOf("://");
      if (rest.startsWith("http://") || rest.startsWith("https://")) {
        int end = scheme + 3;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
          end++;
        }
        origin = rest.substring(0, end);
        rest = rest.substring(end);
      }
      this.origin = origin;
      int sharp = rest.indexOf('#');
      this.hash = sharp < 0 ? null : rest.substring(sharp + 1);
      rest = sharp < 0 ? rest : rest.substring(0, sharp);
      int q = rest.indexOf('?');
      if (q >= 0) {
        for (String pair : rest.substring(q + 1).split("&")) {
          if (!pair.isEmpty()) {
            int eq = pair.indexOf('=');
            query.add(new String[] {
                decodedQuery(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decodedQuery(pair.substring(eq + 1))});
          }
        }
        rest = rest.substring(0, q);
      }
      try {
        this.path = PathPattern.parse(rest);
      } catch (PathPattern.InvalidPattern e) {
        throw new IllegalArgumentException("destination " + text + ": " + e.getMessage(), e);
      }
    }

    Map<String, List<String>> query(Map<String, Object> params) {
      Map<String, List<String>> values = new LinkedHashMap<>();
      for (String[] item : query) {
        values.computeIfAbsent(item[0], k -> new ArrayList<>()).add(fillNonPath(item[1], params));
      }
      return values;
    }

    /** Whether a param of {@code params} appears in the path or the origin (the locale param does not count, as in Next.js). */
    boolean usesParams(Map<String, Object> params) {
      for (PathPattern.Token token : path) {
        if (token instanceof PathPattern.Key key && params.containsKey(key.name()) && !key.name().equals(LOCALE_PARAM)) {
          return true;
        }
      }
      if (origin != null) {
        Matcher m = Patterns.NON_PATH_PARAM.matcher(origin);
        while (m.find()) {
          if (params.containsKey(m.group(1))) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** The source with the base path in front, unless the rule opts out ({@code /} becomes the base path). */
  static String fullSource(RouteRule rule, String basePath) {
    if (!rule.basePath() || basePath.isEmpty()) {
      return rule.source();
    }
    return rule.source().equals("/") ? basePath : basePath + rule.source();
  }

  /** The destination with the base path in front when it is relative and the source has it. */
  static String fullDestination(RouteRule rule, String basePath) {
    String destination = rule.destination();
    return rule.basePath() && destination.startsWith("/") && !basePath.isEmpty() ? basePath + destination : destination;
  }

  /**
   * {@code text} with {@code :name}, {@code :name*}, {@code :name+} and {@code :name?} replaced
   * where {@code name} is a param (lists joined with {@code /}); everything else stays as written.
   */
  static String fillNonPath(String text, Map<String, Object> params) {
    if (text.indexOf(':') < 0) {
      return text;
    }
    Matcher m = Patterns.NON_PATH_PARAM.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = params.get(m.group(1));
      String replacement = value == null
          ? m.group()
          : value instanceof List<?> list ? String.join("/", list.stream().map(String::valueOf).toList()) : (String) value;
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decoded(String text) {
    String decoded = PercentDecoder.decode(text);
    return decoded == null ? text : decoded;
  }

  private static String decodedQuery(String text) {
    return decoded(text.replace('+', ' '));
  }

  /** JavaScript's {@code encodeURIComponent}. */
  static String encodeComponent(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!~*'()".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** The regexes rules need, compiled when the first rule is, not when an app without rules starts. */
  private static final class Patterns {
    static final Pattern NON_PATH_PARAM = Pattern.compile(":([A-Za-z0-9_]+)([*+?])?");
    static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9]*)>");
  }
}
