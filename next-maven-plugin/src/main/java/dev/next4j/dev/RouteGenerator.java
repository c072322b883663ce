package dev.next4j.dev;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the route table's sources from the pages, as {@code next:generate} does; the dev server
 * runs it before each compile. It must write only files whose content changed.
 */
@FunctionalInterface
public interface RouteGenerator {
  Generation generate() throws IOException;

  /** What a generation gave. Never null. */
  sealed interface Generation {
    /** The sources are written; {@code Routes} is in {@code generatedPackage}. */
    record Generated(String generatedPackage, List<Path> written) implements Generation {
      public Generated {
        written = List.copyOf(written);
      }
    }

    /**
     * The pages are not a valid route tree. {@code file} and {@code line} place the first problem
     * (project-relative, 0 when unknown); {@code formatted} has every problem, one per line.
     */
    record Failed(String file, int line, String message, List<String> formatted) implements Generation {
      public Failed {
        formatted = List.copyOf(formatted);
      }
    }
  }
}
