package dev.next4j.runtime.internal;

import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.RouteRule;
import java.util.List;
import java.util.Map;

/**
 * A middleware's {@link Middleware#matcher()}, compiled once when the route table is built: whether
 * the middleware runs for a request. Each item's source becomes one case-sensitive pattern (Next.js
 * loses path-to-regexp's case flag when it keeps a matcher's regex) that allows a trailing slash,
 * and its {@code has} / {@code missing} items are tested as a rule's are.
 */
public final class MiddlewareGate {
  private static final MiddlewareGate EVERY_PATH = new MiddlewareGate(List.of(), new boolean[0]);

  private final List<CustomRoutes.Compiled> items;
  /** Per item, whether it is matched with the locale prefix ({@code locale: false}). */
  private final boolean[] withLocale;

  private MiddlewareGate(List<CustomRoutes.Compiled> items, boolean[] withLocale) {
    this.items = items;
    this.withLocale = withLocale;
  }

  /**
   * {@code matcher} compiled; an empty matcher lets every request through.
   *
   * @throws IllegalArgumentException listing every problem of the matcher
   */
  public static MiddlewareGate of(List<Middleware.Matcher> matcher) {
    if (matcher == null) {
      throw new IllegalArgumentException("_Middleware's matcher() returned null; return List.of() for every path");
    }
    if (matcher.isEmpty()) {
      return EVERY_PATH;
    }
    List<String> problems = Middleware.Matcher.check(matcher);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("_Middleware's matcher() is invalid:\n  " + String.join("\n  ", problems));
    }
    boolean[] withLocale = new boolean[matcher.size()];
    for (int i = 0; i < withLocale.length; i++) {
      withLocale[i] = !matcher.get(i).locale();
    }
    return new MiddlewareGate(matcher.stream()
        .map(item -> new CustomRoutes.Compiled(carrier(item.source(), item.has(), item.missing()), "", true))
        .toList(), withLocale);
  }

  /**
   * Whether the middleware runs for {@code request}, whose path is the path inside the app (under
   * i18n without its locale prefix). A {@code locale: false} item sees the path with the request's
   * locale in front, in its configured spelling ({@code /fr/promo}, {@code /en} for {@code /}).
   */
  public boolean runs(Request request) {
    if (items.isEmpty()) {
      return true;
    }
    String path = request.path();
    for (int i = 0; i < items.size(); i++) {
      String matched = withLocale[i] && !request.locale().isEmpty()
          ? "/" + request.locale() + (path.equals("/") ? "" : path)
          : path;
      if (items.get(i).match(matched, request) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * A matcher item as the rule machinery takes it: a headers rule with the item's source and
   * conditions and one placeholder header, which nothing sends and no check reports.
   */
  static RouteRule carrier(String source, List<RouteRule.Condition> has, List<RouteRule.Condition> missing) {
    return RouteRule.headers(source, Map.of("x-matcher", "1"))
        .has(has.toArray(RouteRule.Condition[]::new))
        .missing(missing.toArray(RouteRule.Condition[]::new));
  }
}
