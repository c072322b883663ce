package dev.next4j.runtime.generated;

import java.util.Map;

/** The outcome of {@link Routing#match}: never null. */
public sealed interface Match {
  /** {@code route} matched, with its percent-decoded params. */
  record Found(Route route, Map<String, Object> params) implements Match {}

  /** {@code route} matched the path but does not answer the method. */
  record MethodNotAllowed(Route route) implements Match {
    /** The value of the 405's {@code Allow} header. */
    public String allow() {
      return route.allowHeader();
    }
  }

  /** No route matches. */
  final class NotFound implements Match {
    public static final NotFound INSTANCE = new NotFound();

    private NotFound() {}

    @Override
    public String toString() {
      return "NotFound";
    }
  }

  /** A parameter had a malformed percent escape: 400. */
  final class BadRequest implements Match {
    public static final BadRequest INSTANCE = new BadRequest();

    private BadRequest() {}

    @Override
    public String toString() {
      return "BadRequest";
    }
  }
}
