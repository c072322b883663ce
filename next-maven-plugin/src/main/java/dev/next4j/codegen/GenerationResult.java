package dev.next4j.codegen;

import java.nio.file.Path;
import java.util.List;

/** What {@link NextGenerator#generate} did: generated the sources, or found problems. */
public sealed interface GenerationResult {
  /**
   * The sources are up to date.
   *
   * @param generatedPackage the package of {@code Routes} and {@code NextServer}
   * @param routeCount the number of routes in the table, not counting the special pages
   * @param written the files whose content changed and were written (sources and route manifest)
   * @param unchanged the files that already had the right content and were left alone
   */
  record Generated(String generatedPackage, int routeCount, List<Path> written, List<Path> unchanged)
      implements GenerationResult {
    public Generated {
      written = List.copyOf(written);
      unchanged = List.copyOf(unchanged);
    }
  }

  /**
   * Nothing was generated because of {@code diagnostics}, every problem found (never empty),
   * sorted by file and line.
   */
  record Failed(List<Diagnostic> diagnostics) implements GenerationResult {
    public Failed {
      diagnostics = List.copyOf(diagnostics);
      if (diagnostics.isEmpty()) {
        throw new IllegalArgumentException("a failed generation has at least one diagnostic");
      }
    }
  }
}
