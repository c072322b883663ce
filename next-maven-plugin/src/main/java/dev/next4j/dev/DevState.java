package dev.next4j.dev;

import dev.next4j.runtime.RouteTable;
import java.util.Objects;

/** What the dev server serves at a moment: a table, or the problem that keeps it from having one. */
sealed interface DevState {
  /**
   * The build is good: serve {@code table}, whose pages were loaded by {@code loader}; a request
   * runs with {@code loader} as its thread's context class loader, so a page that reads a resource
   * or looks up a service through it sees this build's files.
   */
  record Ready(RouteTable table, ClassLoader loader) implements DevState {
    public Ready {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(loader, "loader");
    }

    /** A table whose pages come from the dev server's own class loader (no project build). */
    Ready(RouteTable table) {
      this(table, DevState.class.getClassLoader());
    }
  }

  /** The build is broken: answer every page request with the {@link DevErrorPage} for {@code problem}. */
  record Broken(DevProblem problem) implements DevState {
    public Broken {
      Objects.requireNonNull(problem, "problem");
    }
  }
}
