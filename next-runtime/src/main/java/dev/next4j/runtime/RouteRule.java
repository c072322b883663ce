package dev.next4j.runtime;

import dev.next4j.runtime.internal.RuleChecker;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of Next.js's {@code redirects()}, {@code rewrites()} or {@code headers()}: a {@code
 * source} pattern as Next.js's path-to-regexp reads it ({@code /blog/:slug}, {@code /docs/:path*},
 * {@code /a/:rest+}, {@code /post/:id(\\d+)}, {@code /(.*)}), optional {@code has} / {@code missing}
 * conditions, and what the rule does. Rules are values; {@link NextConfig.Builder#rules} checks
 * them all at once and the app compiles each pattern once, when it is created.
 *
 * <pre>{@code
 * RouteRule.redirect("/old/:slug", "/new/:slug", true)
 * RouteRule.rewrite(RouteRule.Kind.BEFORE_FILES, "/docs/:path*", "/manual/:path*")
 * RouteRule.headers("/api/:path*", Map.of("Cache-Control", "no-store"))
 *     .has(RouteRule.Condition.header("x-debug"))
 * }</pre>
 */
public final class RouteRule {
  /** What a rule does, and for rewrites in which phase of the pipeline it runs. */
  public enum Kind {
    /** Answers with a redirect (Next.js's {@code redirects()}); the first match wins. */
    REDIRECT("redirects"),
    /** Rewrites before {@code public/} files and pages are looked at; every match applies. */
    BEFORE_FILES("rewrites.beforeFiles"),
    /** Rewrites after files and static pages, before dynamic routes (a plain {@code rewrites} list). */
    AFTER_FILES("rewrites.afterFiles"),
    /** Rewrites after every route failed, before the 404. */
    FALLBACK("rewrites.fallback"),
    /** Adds response headers; every match applies, a later one overriding an earlier one. */
    HEADERS("headers");

    private final String configName;

    Kind(String configName) {
      this.configName = configName;
    }

    /** The name of the list in {@code next.config.js} ({@code rewrites.beforeFiles}). */
    public String configName() {
      return configName;
    }

    /** Whether the rule rewrites the request. */
    public boolean rewrite() {
      return this == BEFORE_FILES || this == AFTER_FILES || this == FALLBACK;
    }
  }

  /**
   * A {@code has} or {@code missing} item: a request header, cookie, query parameter or the host,
   * present and non-empty when {@code value} is absent, else matching {@code value} as a whole
   * (a regular expression whose named groups become params).
   */
  public record Condition(Type type, String key, Optional<String> value) {
    /** Where the tested value comes from. */
    public enum Type {
      HEADER,
      COOKIE,
      QUERY,
      HOST;

      /** The name Next.js gives the type ({@code header}). */
      public String configName() {
        return name().toLowerCase(Locale.ROOT);
      }
    }

    public Condition {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
      key = key == null ? "" : key;
    }

    /** Request header {@code key} is present and non-empty. */
    public static Condition header(String key) {
      return new Condition(Type.HEADER, key, Optional.empty());
    }

    /** Request header {@code key} matches {@code regex}. */
    public static Condition header(String key, String regex) {
      return new Condition(Type.HEADER, key, Optional.of(regex));
    }

    /** Cookie {@code key} is present and non-empty. */
    public static Condition cookie(String key) {
      return new Condition(Type.COOKIE, key, Optional.empty());
    }

    /** Cookie {@code key} matches {@code regex}. */
    public static Condition cookie(String key, String regex) {
      return new Condition(Type.COOKIE, key, Optional.of(regex));
    }

    /** Query parameter {@code key} is present and non-empty (its last value counts). */
    public static Condition query(String key) {
      return new Condition(Type.QUERY, key, Optional.empty());
    }

    /** Query parameter {@code key} matches {@code regex}. */
    public static Condition query(String key, String regex) {
      return new Condition(Type.QUERY, key, Optional.of(regex));
    }

    /** The {@code Host} header without its port, lower-cased, matches {@code regex}. */
    public static Condition host(String regex) {
      return new Condition(Type.HOST, "", Optional.of(regex));
    }
  }

  /**
   * A problem with the rule at {@code index} (counted from 0 within its {@link Kind}'s list) in
   * {@code field} ({@code source}, {@code destination}, {@code statusCode}, {@code headers}, {@code
   * has}, {@code missing} or {@code basePath}).
   */
  public record Problem(Kind kind, int index, String field, String message) {
    @Override
    public String toString() {
      return kind.configName() + "[" + index + "] " + field + ": " + message;
    }
  }

  private final Kind kind;
  private final String source;
  private final String destination;
  private final int statusCode;
  private final Map<String, String> headers;
  private final List<Condition> has;
  private final List<Condition> missing;
  private final boolean basePath;
  private final boolean locale;

  private RouteRule(
      Kind kind,
      String source,
      String destination,
      int statusCode,
      Map<String, String> headers,
      List<Condition> has,
      List<Condition> missing,
      boolean basePath,
      boolean locale) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.source = Objects.requireNonNull(source, "source");
    this.destination = Objects.requireNonNull(destination, "destination");
    this.statusCode = statusCode;
    this.headers = headers;
    this.has = List.copyOf(has);
    this.missing = List.copyOf(missing);
    this.basePath = basePath;
    this.locale = locale;
  }

  /** A redirect with 308 ({@code permanent}) or 307. */
  public static RouteRule redirect(String source, String destination, boolean permanent) {
    return redirect(source, destination, permanent ? 308 : 307);
  }

  /** A redirect with {@code statusCode}: 301, 302, 303, 307 or 308 (checked when the config is built). */
  public static RouteRule redirect(String source, String destination, int statusCode) {
    return new RouteRule(Kind.REDIRECT, source, destination, statusCode, Map.of(), List.of(), List.of(), true, true);
  }

  /** A rewrite in {@code phase} ({@link Kind#BEFORE_FILES}, {@link Kind#AFTER_FILES} or {@link Kind#FALLBACK}). */
  public static RouteRule rewrite(Kind phase, String source, String destination) {
    if (!phase.rewrite()) {
      throw new IllegalArgumentException(phase + " is not a rewrite phase; use BEFORE_FILES, AFTER_FILES or FALLBACK");
    }
    return new RouteRule(phase, source, destination, 0, Map.of(), List.of(), List.of(), true, true);
  }

  /** Response headers for requests matching {@code source}, in the map's iteration order. */
  public static RouteRule headers(String source, Map<String, String> headers) {
    return new RouteRule(Kind.HEADERS, source, "", 0,
        Collections.unmodifiableMap(new LinkedHashMap<>(headers)), List.of(), List.of(), true, true);
  }

  /** This rule, applying only when every one of {@code conditions} (and the earlier ones) holds. */
  public RouteRule has(Condition... conditions) {
    return new RouteRule(kind, source, destination, statusCode, headers, concat(has, conditions), missing, basePath, locale);
  }

  /** This rule, applying only when none of {@code conditions} (nor the earlier ones) holds. */
  public RouteRule missing(Condition... conditions) {
    return new RouteRule(kind, source, destination, statusCode, headers, has, concat(missing, conditions), basePath, locale);
  }

  /**
   * With {@code false}, the source (and a relative destination) are not put under the base path
   * (Next.js's {@code basePath: false}).
   */
  public RouteRule basePath(boolean underBasePath) {
    return new RouteRule(kind, source, destination, statusCode, headers, has, missing, underBasePath, locale);
  }

  /**
   * With {@code false}, the rule ignores the app's i18n locales (Next.js's {@code locale: false}):
   * its source is matched as written, so it names the locale itself ({@code /fr/old}, {@code
   * /:locale/old}), and its destination gets no locale put back. By default (true), with {@link
   * NextConfig#i18n()} set, the source is matched behind any locale prefix, a path without one
   * counting as the default locale's, and a relative destination gets the matched locale in front.
   * Without i18n the flag changes nothing.
   */
  public RouteRule locale(boolean localeAware) {
    return new RouteRule(kind, source, destination, statusCode, headers, has, missing, basePath, localeAware);
  }

  /**
   * Every problem with {@code rules} for an app under {@code basePath}, as Next.js's config loader
   * finds them (a pattern path-to-regexp rejects, a destination naming a param its source does not
   * capture, a bad status code, empty headers, a {@code has} item without its key or value), plus
   * what next4j refuses: a rewrite to another origin, and a loop of redirects that can be seen
   * without a request. Empty when the rules are valid; the pom's rules are checked with it at build
   * time, a {@link NextConfig} when it is built.
   */
  public static List<Problem> check(List<RouteRule> rules, String basePath) {
    return RuleChecker.check(rules, basePath);
  }

  public Kind kind() {
    return kind;
  }

  public String source() {
    return source;
  }

  /** Where a redirect or rewrite goes; empty for a headers rule. */
  public String destination() {
    return destination;
  }

  /** A redirect's status; 0 for other rules. */
  public int statusCode() {
    return statusCode;
  }

  /** A headers rule's headers; empty for other rules. */
  public Map<String, String> headers() {
    return headers;
  }

  public List<Condition> has() {
    return has;
  }

  public List<Condition> missing() {
    return missing;
  }

  /** Whether the rule lives under the base path (the default). */
  public boolean basePath() {
    return basePath;
  }

  /** Whether the rule is matched behind the i18n locale prefix (the default); false for {@code locale: false}. */
  public boolean locale() {
    return locale;
  }

  private static List<Condition> concat(List<Condition> first, Condition[] more) {
    List<Condition> all = new java.util.ArrayList<>(first);
    for (Condition condition : more) {
      all.add(Objects.requireNonNull(condition, "condition"));
    }
    return all;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RouteRule r
        && r.kind == kind
        && r.source.equals(source)
        && r.destination.equals(destination)
        && r.statusCode == statusCode
        && r.headers.equals(headers)
        && r.has.equals(has)
        && r.missing.equals(missing)
        && r.basePath == basePath
        && r.locale == locale;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, source, destination, statusCode, headers, has, missing, basePath, locale);
  }

  @Override
  public String toString() {
    return kind.configName() + " " + source + (destination.isEmpty() ? " " + headers : " -> " + destination);
  }
}
