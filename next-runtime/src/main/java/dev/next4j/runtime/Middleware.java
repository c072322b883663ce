package dev.next4j.runtime;

import dev.next4j.runtime.internal.RuleChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code _Middleware} class: sees the requests its {@link #matcher()} takes (every request by
 * default) before routing (Next.js's {@code middleware}), and may let it through, change the
 * headers the page sees, add response headers and cookies, rewrite it to another path, or answer
 * it.
 *
 * <pre>{@code
 * public final class _Middleware implements Middleware {
 *   public List<Middleware.Matcher> matcher() {
 *     return List.of(Middleware.Matcher.of("/admin/:path*"), Middleware.Matcher.of("/account"));
 *   }
 *
 *   public Middleware.Result handle(Request request) {
 *     if (request.cookie("session").isEmpty()) {
 *       return Middleware.respond(Response.redirect("/login"));
 *     }
 *     return Middleware.next()
 *         .withRequestHeader("X-User", userOf(request))     // the page reads it
 *         .withHeader("X-Frame-Options", "DENY")           // the client gets it
 *         .withCookie(Cookie.of("seen", "1"));             // sent beside the page's own cookies
 *   }
 * }
 * }</pre>
 *
 * <p>{@link Request#path()} is the path in its canonical spelling, the one the router matches, so
 * the check above also holds for {@code /%61dmin} and every other spelling of {@code /admin}.
 */
@FunctionalInterface
public interface Middleware {
  /** Decides what happens to {@code request}. */
  Result handle(Request request) throws Exception;

  /**
   * The paths this middleware runs for (Next.js's {@code config.matcher}); empty, the default, for
   * every path. Asked once, when the route table is built; a request no item matches skips the
   * middleware. Sources are matched against the path inside the app (after the base path, and
   * under i18n after the locale prefix), as Next.js matches them with the base path and the locale
   * put in front, and case-sensitively, as Next.js does.
   * Write the sources as string literals in {@link Matcher#of}: the build checks those, as Next.js
   * checks its constant matcher; the table checks every item when it is built.
   */
  default List<Matcher> matcher() {
    return List.of();
  }

  /** Let the request through unchanged. */
  static Result.Next next() {
    return Result.Next.PLAIN;
  }

  /** Route the request as if it had asked for {@code target} ({@code /path?query}). */
  static Result.Rewrite rewrite(String target) {
    Objects.requireNonNull(target, "target");
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException("rewrite target must start with '/': \"" + target + "\"");
    }
    return new Result.Rewrite(target, Map.of(), Map.of(), Set.of());
  }

  /** Answer with {@code response}; routing does not happen. */
  static Result respond(Response response) {
    return new Result.Respond(Objects.requireNonNull(response, "response"));
  }

  /**
   * One item of the matcher: a {@code source} as the {@code next.config} rules read it ({@code
   * /about}, {@code /blog/:slug}, {@code /docs/:path*}, {@code /((?!api|_next).*)}), with optional
   * {@code has} / {@code missing} conditions, which must all hold, or all fail, for the middleware
   * to run. Under i18n the source is matched behind the locale prefix unless {@link #locale(boolean)
   * locale(false)}.
   *
   * <pre>{@code
   * Middleware.Matcher.of("/api/:path*")
   *     .has(RouteRule.Condition.header("authorization"))
   *     .missing(RouteRule.Condition.cookie("debug"))
   * }</pre>
   */
  record Matcher(String source, List<RouteRule.Condition> has, List<RouteRule.Condition> missing, boolean locale) {
    public Matcher {
      Objects.requireNonNull(source, "source");
      has = List.copyOf(has);
      missing = List.copyOf(missing);
    }

    /** An item matched behind the i18n locale prefix. */
    public Matcher(String source, List<RouteRule.Condition> has, List<RouteRule.Condition> missing) {
      this(source, has, missing, true);
    }

    /** The item for {@code source}, without conditions. */
    public static Matcher of(String source) {
      return new Matcher(source, List.of(), List.of(), true);
    }

    /** This item, matching only when every one of {@code conditions} (and the earlier ones) holds. */
    public Matcher has(RouteRule.Condition... conditions) {
      return new Matcher(source, concat(has, conditions), missing, locale);
    }

    /** This item, matching only when none of {@code conditions} (nor the earlier ones) holds. */
    public Matcher missing(RouteRule.Condition... conditions) {
      return new Matcher(source, has, concat(missing, conditions), locale);
    }

    /**
     * With {@code false} (Next.js's {@code locale: false}), under i18n the source is matched against
     * the path with its locale prefix ({@code /fr/promo}; a path without one counts as the default
     * locale's), so it names the locale itself; by default it is matched behind the prefix. Without
     * i18n the flag changes nothing.
     */
    public Matcher locale(boolean localeAware) {
      return new Matcher(source, has, missing, localeAware);
    }

    /**
     * Every problem with {@code matcher}, each naming the item ({@code matcher[1] source: ...}):
     * a source path-to-regexp rejects or that does not start with {@code /}, a {@code has} or
     * {@code missing} item without its key or with a value that is no regular expression. Empty
     * when the matcher is valid.
     */
    public static List<String> check(List<Matcher> matcher) {
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < matcher.size(); i++) {
        Matcher item = Objects.requireNonNull(matcher.get(i), "matcher item");
        for (String problem : RuleChecker.checkMatcher(item.source(), item.has(), item.missing())) {
          problems.add("matcher[" + i + "] " + problem);
        }
      }
      return problems;
    }

    private static List<RouteRule.Condition> concat(List<RouteRule.Condition> first, RouteRule.Condition[] more) {
      List<RouteRule.Condition> all = new ArrayList<>(first);
      for (RouteRule.Condition condition : more) {
        all.add(Objects.requireNonNull(condition, "condition"));
      }
      return all;
    }
  }

  /** What a middleware decided; see {@link Middleware#next()}, {@link #rewrite} and {@link #respond}. */
  sealed interface Result {
    /**
     * This result, also setting header {@code name} on the response the request gets, replacing
     * the values set before.
     *
     * @throws IllegalArgumentException for a header {@link Response#withHeader} refuses
     */
    Result withHeader(String name, String value);

    /**
     * This result, also adding {@code value} to header {@code name} on the response: a header may
     * have several values ({@code Link}, {@code Vary}, ...), each sent on its own line.
     *
     * @throws IllegalArgumentException for a header {@link Response#withHeader} refuses
     */
    Result addHeader(String name, String value);

    /**
     * This result, also setting {@code cookie} on the response: a {@code Set-Cookie} that is sent
     * beside the cookies the page sets itself.
     */
    default Result withCookie(Cookie cookie) {
      return addHeader("Set-Cookie", Objects.requireNonNull(cookie, "cookie").toHeaderValue());
    }

    /**
     * Continue to routing: the page sees the request with {@code requestHeaders} set and without
     * the {@code removedRequestHeaders} (Next.js's {@code NextResponse.next({request: {headers}})},
     * whose headers may have been set or deleted), and its response gets {@code headers} (a header
     * the page sets itself wins, except {@code Set-Cookie}, whose values add up).
     */
    record Next(Map<String, List<String>> headers, Map<String, String> requestHeaders, Set<String> removedRequestHeaders)
        implements Result {
      static final Next PLAIN = new Next(Map.of(), Map.of(), Set.of());

      public Next {
        headers = ResultHeaders.copy(headers);
        requestHeaders = ResultHeaders.copyRequest(requestHeaders);
        removedRequestHeaders = ResultHeaders.copyRemoved(removedRequestHeaders, requestHeaders);
      }

      /** A result that sets {@code requestHeaders} and removes none. */
      public Next(Map<String, List<String>> headers, Map<String, String> requestHeaders) {
        this(headers, requestHeaders, Set.of());
      }

      @Override
      public Next withHeader(String name, String value) {
        return new Next(ResultHeaders.with(headers, name, value, true), requestHeaders, removedRequestHeaders);
      }

      @Override
      public Next addHeader(String name, String value) {
        return new Next(ResultHeaders.with(headers, name, value, false), requestHeaders, removedRequestHeaders);
      }

      @Override
      public Next withCookie(Cookie cookie) {
        return addHeader("Set-Cookie", Objects.requireNonNull(cookie, "cookie").toHeaderValue());
      }

      /** This result, the page seeing request header {@code name} as {@code value} (replacing what the client sent). */
      public Next withRequestHeader(String name, String value) {
        return new Next(headers, ResultHeaders.withRequest(requestHeaders, name, value),
            ResultHeaders.withoutRemoved(removedRequestHeaders, name));
      }

      /**
       * This result, the page not seeing request header {@code name} (any case) at all, whatever
       * the client sent or an earlier {@link #withRequestHeader} set.
       */
      public Next withoutRequestHeader(String name) {
        return new Next(headers, ResultHeaders.withoutRequest(requestHeaders, name),
            ResultHeaders.removed(removedRequestHeaders, name));
      }
    }

    /**
     * Route to {@code target} instead, the routed request having {@code requestHeaders} set and
     * {@code removedRequestHeaders} removed, and the response getting {@code headers} as for {@link
     * Next}.
     */
    record Rewrite(
        String target,
        Map<String, List<String>> headers,
        Map<String, String> requestHeaders,
        Set<String> removedRequestHeaders)
        implements Result {
      public Rewrite {
        Objects.requireNonNull(target, "target");
        headers = ResultHeaders.copy(headers);
        requestHeaders = ResultHeaders.copyRequest(requestHeaders);
        removedRequestHeaders = ResultHeaders.copyRemoved(removedRequestHeaders, requestHeaders);
      }

      /** A rewrite that sets {@code requestHeaders} and removes none. */
      public Rewrite(String target, Map<String, List<String>> headers, Map<String, String> requestHeaders) {
        this(target, headers, requestHeaders, Set.of());
      }

      @Override
      public Rewrite withHeader(String name, String value) {
        return new Rewrite(target, ResultHeaders.with(headers, name, value, true), requestHeaders, removedRequestHeaders);
      }

      @Override
      public Rewrite addHeader(String name, String value) {
        return new Rewrite(target, ResultHeaders.with(headers, name, value, false), requestHeaders, removedRequestHeaders);
      }

      @Override
      public Rewrite withCookie(Cookie cookie) {
        return addHeader("Set-Cookie", Objects.requireNonNull(cookie, "cookie").toHeaderValue());
      }

      /** This result, the routed request having header {@code name} set to {@code value}. */
      public Rewrite withRequestHeader(String name, String value) {
        return new Rewrite(target, headers, ResultHeaders.withRequest(requestHeaders, name, value),
            ResultHeaders.withoutRemoved(removedRequestHeaders, name));
      }

      /** This result, the routed request not having header {@code name} (any case) at all. */
      public Rewrite withoutRequestHeader(String name) {
        return new Rewrite(target, headers, ResultHeaders.withoutRequest(requestHeaders, name),
            ResultHeaders.removed(removedRequestHeaders, name));
      }
    }

    /** Answer with {@code response}. */
    record Respond(Response response) implements Result {
      @Override
      public Result withHeader(String name, String value) {
        return new Respond(response.withHeader(name, value));
      }

      @Override
      public Result addHeader(String name, String value) {
        return new Respond(response.addHeader(name, value));
      }
    }
  }
}
