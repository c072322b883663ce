package dev.next4j.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code _Middleware} class: sees every request before routing (Next.js's {@code middleware}),
 * and may let it through, add response headers, rewrite it to another path, or answer it.
 *
 * <pre>{@code
 * public final class _Middleware implements Middleware {
 *   public Middleware.Result handle(Request request) {
 *     if (request.path().startsWith("/admin") && request.cookie("session").isEmpty()) {
 *       return Middleware.respond(Response.redirect("/login"));
 *     }
 *     return Middleware.next().withHeader("X-Frame-Options", "DENY");
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

  /** Let the request through unchanged. */
  static Result next() {
    return Result.Next.PLAIN;
  }

  /** Route the request as if it had asked for {@code target} ({@code /path?query}). */
  static Result rewrite(String target) {
    Objects.requireNonNull(target, "target");
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException("rewrite target must start with '/': \"" + target + "\"");
    }
    return new Result.Rewrite(target, Map.of());
  }

  /** Answer with {@code response}; routing does not happen. */
  static Result respond(Response response) {
    return new Result.Respond(Objects.requireNonNull(response, "response"));
  }

  /** What a middleware decided; see {@link Middleware#next()}, {@link #rewrite} and {@link #respond}. */
  sealed interface Result {
    /**
     * This result, also setting header {@code name} on the response the request gets.
     *
     * @throws IllegalArgumentException for a header {@link Response#withHeader} refuses
     */
    Result withHeader(String name, String value);

    /** Continue to routing, adding {@code headers} to the response. */
    record Next(Map<String, String> headers) implements Result {
      static final Next PLAIN = new Next(Map.of());

      public Next {
        headers = Map.copyOf(headers);
        headers.forEach(Response::checkHeader);
      }

      @Override
      public Result withHeader(String name, String value) {
        return new Next(with(headers, name, value));
      }
    }

    /** Route to {@code target} instead, adding {@code headers} to the response. */
    record Rewrite(String target, Map<String, String> headers) implements Result {
      public Rewrite {
        headers = Map.copyOf(headers);
        headers.forEach(Response::checkHeader);
      }

      @Override
      public Result withHeader(String name, String value) {
        return new Rewrite(target, with(headers, name, value));
      }
    }

    /** Answer with {@code response}. */
    record Respond(Response response) implements Result {
      @Override
      public Result withHeader(String name, String value) {
        return new Respond(response.withHeader(name, value));
      }
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.put(name, value);
      return copy;
    }
  }
}
