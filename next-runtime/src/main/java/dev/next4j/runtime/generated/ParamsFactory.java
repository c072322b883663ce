package dev.next4j.runtime.generated;

import dev.next4j.runtime.Request;

/**
 * Builds a route's typed params record from the request routed to it. Generated code implements it
 * once per table class (a {@code switch} on the route's index), reading {@link Request#param} and
 * {@link Request#params}; a page then receives the record, never the untyped map.
 *
 * @param <P> the route's params record, e.g. {@code Routes.BlogSlug}
 */
@FunctionalInterface
public interface ParamsFactory<P extends Record> {
  /** The params record of {@code routed}, a request already routed to the route. */
  P params(Request routed);
}
