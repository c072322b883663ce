package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

class ServerWriterTest {
  @TempDir Path dir;

  @Test
  void writesTheServerWithTheDefaultConfig(TestInfo test) throws IOException {
    Generation generation = Generation.of(new Site(dir).page("Index.java"));

    Goldens.assertMatches(test, "com/acme/NextServer.java", generation.server(ServerSettings.defaults()));
  }

  @Test
  void writesOnlyTheSettingsThatDifferFromTheDefaults(TestInfo test) throws IOException {
    Generation generation = Generation.of(new Site(dir).page("Index.java"));

    Goldens.assertMatches(test, "com/acme/NextServer.java",
        generation.server(new ServerSettings("/docs", true, false, false, false, 2 * 1024 * 1024)));
  }

  @Test
  void servesOnHelidonWhenTheSiteDependsOnNextHelidon(TestInfo test) throws IOException {
    Generation generation = Generation.of(new Site(dir).page("Index.java"));

    Goldens.assertMatches(test, "com/acme/NextServer.java",
        generation.server(ServerSettings.defaults(), ServerEngine.HELIDON));
  }

  @Test
  void theEngineFollowsTheNextHelidonDependencyOutsideTheTestScope() {
    assertThat(ServerEngine.ofDependency("dev.next4j", "next-helidon", null)).contains(ServerEngine.HELIDON);
    assertThat(ServerEngine.ofDependency("dev.next4j", "next-helidon", "compile")).contains(ServerEngine.HELIDON);
    assertThat(ServerEngine.ofDependency("dev.next4j", "next-helidon", "test")).isEmpty();
    assertThat(ServerEngine.ofDependency("dev.next4j", "next-jackson", null)).isEmpty();
    assertThat(ServerEngine.ofDependency("com.acme", "next-helidon", null)).isEmpty();
  }
}
