package dev.next4j.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.codegen.Messages;
import dev.next4j.codegen.RouteManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrerendererTest {
  @TempDir Path work;

  private RouteManifest routes() throws IOException {
    return RouteManifest.read(Files.writeString(work.resolve("routes.tsv"), """
        pattern\tkind\tclass\tsource
        /about\tstatic\tcom.acme.pages.About\tsrc/main/java/com/acme/pages/About.java
        """));
  }

  @Test
  void aFailingPageIsReportedAtItsFileWithTheException() throws IOException {
    Messages.Problem problem = Prerenderer.failure(1, List.of(
        "some log line",
        Prerenderer.FAILURE_MARK + "\t/about\t/about",
        "java.lang.IllegalStateException: no database at build time",
        "\tat com.acme.pages.About.render(About.java:9)"), routes());

    assertThat(problem.code()).isEqualTo("next.prerender-failed");
    assertThat(problem.message()).startsWith(
        "src/main/java/com/acme/pages/About.java: prerendering /about at /about failed: "
            + "java.lang.IllegalStateException: no database at build time\n\tat com.acme.pages.About.render(About.java:9)");
  }

  @Test
  void aJvmThatDiesOtherwiseShowsItsLastLines() throws IOException {
    Messages.Problem problem = Prerenderer.failure(137, List.of("Error: Could not find or load main class x"), routes());

    assertThat(problem.text()).isEqualTo("[next.prerender-crashed] The JVM prerendering the static pages exited with "
        + "status 137 before finishing: Error: Could not find or load main class x");
  }
}
