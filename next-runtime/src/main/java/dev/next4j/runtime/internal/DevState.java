package dev.next4j.runtime.internal;

import dev.next4j.runtime.RouteTable;

/** What a dev session serves: a route table, or a problem to show instead. */
public sealed interface DevState {
  /** The last build is good: serve {@code table}. */
  record Ready(RouteTable table) implements DevState {}

  /** The last build failed: show {@code problem} on every request. */
  record Broken(DevProblem problem) implements DevState {}
}
