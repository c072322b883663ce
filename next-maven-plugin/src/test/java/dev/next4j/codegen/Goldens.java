package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.TestInfo;

/**
 * Whole generated files compared with golden files under {@code
 * src/test/resources/goldens/<TestClass>/<method>/}. After an intended change of the output, run
 * the tests once with {@code -Dgoldens.update=true} to rewrite them, and review the diff.
 */
final class Goldens {
  private static final Path ROOT = Path.of("src/test/resources/goldens");

  private Goldens() {}

  static void assertMatches(TestInfo test, String file, String actual) throws IOException {
    Path golden = ROOT.resolve(test.getTestClass().orElseThrow().getSimpleName())
        .resolve(test.getTestMethod().orElseThrow().getName())
        .resolve(file);
    if (Boolean.getBoolean("goldens.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file %s (run with -Dgoldens.update=true to create it)", golden).isRegularFile();
    assertThat(actual).as("%s, compared with its golden file %s", file, golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
