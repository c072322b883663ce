package dev.next4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.generated.TestRoutes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Env}: Next.js's file order, the process environment first, the format, and dev reloads. */
class EnvTest {
  @TempDir Path dir;

  private void write(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text);
  }

  @Test
  void filesApplyInNextJsOrderAndTheProcessEnvironmentWins() throws IOException {
    write(".env", "A=env\nB=env\nC=env\nD=env\nE=env\n");
    write(".env.production", "A=production\nB=production\nC=production\n");
    write(".env.local", "A=local\nB=local\n");
    write(".env.production.local", "A=production.local\n");
    write(".env.development", "E=development\n");

    Env env = Env.load(dir, "production", Map.of("D", "process"));

    assertThat(env.get("A")).hasValue("production.local");
    assertThat(env.get("B")).hasValue("local");
    assertThat(env.get("C")).hasValue("production");
    assertThat(env.get("D")).hasValue("process");
    assertThat(env.get("E")).hasValue("env");
    assertThat(env.get("F")).isEmpty();
    assertThat(env.files()).extracting(p -> p.getFileName().toString())
        .containsExactly(".env.production.local", ".env.local", ".env.production", ".env");
  }

  @Test
  void testModeSkipsDotEnvLocal() throws IOException {
    write(".env", "A=env\n");
    write(".env.local", "A=local\n");
    write(".env.test", "B=test\n");

    Env env = Env.load(dir, "test", Map.of());

    assertThat(env.get("A")).hasValue("env");
    assertThat(env.get("B")).hasValue("test");
  }

  @Test
  void theFormatKnowsCommentsExportAndQuotes() throws IOException {
    write(".env", """
        # a comment

        export PLAIN = some value  # trailing comment
        SINGLE='kept # as $it is'
        DOUBLE="line one\\nline \\"two\\""
        MULTI="first
        second"
        EMPTY=
        """);

    Env env = Env.load(dir, "production", Map.of());

    assertThat(env.get("PLAIN")).hasValue("some value");
    assertThat(env.get("SINGLE")).hasValue("kept # as $it is");
    assertThat(env.get("DOUBLE")).hasValue("line one\nline \"two\"");
    assertThat(env.get("MULTI")).hasValue("first\nsecond");
    assertThat(env.get("EMPTY")).hasValue("");
  }

  @Test
  void aBadLineFailsWithFileAndLine() throws IOException {
    write(".env", "OK=1\nthis is not a pair\n");
    assertThatThrownBy(() -> Env.load(dir, "production", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(dir.resolve(".env") + ":2: not a NAME=value line: \"this is not a pair\"");
    write(".env", "A=\"never closed\n");
    assertThatThrownBy(() -> Env.load(dir, "production", Map.of()))
        .hasMessage(dir.resolve(".env") + ":1: the value of A opens a \" it never closes");
  }

  @Test
  void requireNamesTheFilesLookedIn() {
    Env env = Env.load(dir, "development", Map.of());
    assertThatThrownBy(() -> env.require("DATABASE_URL"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("environment variable DATABASE_URL is not set")
        .hasMessageContaining("[.env, .env.development, .env.local, .env.development.local]");
  }

  @Test
  void reloadedReadsTheFilesAgainOnlyWhenOneChanged() throws IOException {
    write(".env", "A=1\n");
    Env env = Env.load(dir, "development", Map.of());
    assertThat(env.reloaded()).isSameAs(env);

    write(".env.local", "A=2\n");
    Env created = env.reloaded();
    assertThat(created.get("A")).hasValue("2");

    write(".env.local", "A=3\n");
    Files.setLastModifiedTime(dir.resolve(".env.local"), FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(created.reloaded().get("A")).hasValue("3");
  }

  @Test
  void pagesReadTheAppsEnvironmentAndDevModeSeesAnEdit() throws IOException {
    record None() {}
    write(".env", "GREETING=Hello\n");
    RouteTable table = TestRoutes.table(TestRoutes.page("/", r -> new None(), (request, p) ->
        Response.text(request.env().get("GREETING").orElse("none"))));
    try (NextApp production = NextApp.create(table, NextConfig.defaults(), NextOptions.builder().dir(dir).build());
        NextApp dev = NextApp.create(table, NextConfig.defaults(), NextOptions.builder().dev(true).dir(dir).build())) {
      assertThat(production.handle(Request.get("/")).bodyText()).isEqualTo("Hello");
      assertThat(production.env().mode()).isEqualTo("production");
      assertThat(dev.env().mode()).isEqualTo("development");

      write(".env.development", "GREETING=Hi\n");
      assertThat(dev.handle(Request.get("/")).bodyText()).isEqualTo("Hi");
      assertThat(production.handle(Request.get("/")).bodyText()).isEqualTo("Hello");
    }
  }
}
