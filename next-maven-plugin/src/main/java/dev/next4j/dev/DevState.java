package dev.next4j.dev;

import dev.next4j.runtime.RouteTable;
import java.util.Objects;

/** What the dev server serves at a moment: a table, or the problem that keeps it from having one. */
sealed interface DevState {
  /** The build is good: serve {@code table}. */
  record Ready(RouteTable table) implements DevState {
    public Ready {
      Objects.requireNonNull(table, "table");
    }
  }

  /** The build is broken: answer every page request with the {@link DevErrorPage} for {@code problem}. */
  record Broken(DevProblem problem) implements DevState {
    public Broken {
      Objects.requireNonNull(problem, "problem");
    }
  }
}
