package dev.next4j.codegen;

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
}
