package dev.next4j.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The binding meets next-runtime only through its exported packages (docs/architecture.md,
 * "Package boundaries"): no source here names the runtime's internal package or the JDK server.
 */
class BoundaryTest {
  @Test
  void theBindingNamesNoInternalTypeOfTheRuntimeNorTheJdkServer() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(sources).extracting(f -> f.getFileName().toString()).contains("HelidonEngine.java", "HelidonExchange.java");
    for (Path source : sources) {
      assertThat(Files.readString(source)).as(source.toString())
          .doesNotContain("dev.next4j.runtime.internal").doesNotContain("com.sun.net.httpserver");
    }
  }
}
