package dev.next4j.runtime.internal;

import dev.next4j.runtime.RouteTable;
import java.util.Objects;

/** What a dev-mode app serves at a moment: a table, or the problem that keeps it from having one. */
public sealed interface DevState {
  /** The build is good: serve {@code table}. */
  record Ready(RouteTable table) implements DevState {
    public Ready {
      Objects.requireNonNull(table, "table");
    }
  }

  /** The build is broken: answer every page request with the dev error page for {@code problem}. */
  record Broken(DevProblem problem) implements DevState {
    public Broken {
      Objects.requireNonNull(problem, "problem");
    }
  }
}
