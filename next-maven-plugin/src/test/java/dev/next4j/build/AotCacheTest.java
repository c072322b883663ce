package dev.next4j.build;

import dev.next4j.codegen.RouteManifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {
  @TempDir Path work;

  @Test
  void trainsAnArchiveOnThisJdkAndTheLauncherServesWithIt() throws Exception {
    Path jar = HelloJar.write(work);
    AotCache.Jvm jvm = AotCache.Jvm.of(Path.of(System.getProperty("java.home")));

    AotCache.Result result =
        AotCache.create(jvm, jar, List.of("/"), work.resolve("training.log"), Duration.ofSeconds(120));

    assertThat(result.archive().getFileName().toString()).isEqualTo(jvm.hasAotCache() ? "hello.aot" : "hello.jsa");
    assertThat(Files.size(result.archive())).isGreaterThan(100_000);
    assertThat(result.launcher()).isEqualTo(work.resolve("hello.sh").toAbsolutePath());
    assertThat(Files.isExecutable(result.launcher())).isTrue();

    // The launcher starts the jar with the archive; -Xshare:on makes the JVM refuse to start if it cannot use it.
    ServerProcess.Running server = ServerProcess.startInBackground(
        List.of("sh", result.launcher().toString(), "--port", "0"),
        Map.of("JDK_JAVA_OPTIONS", jvm.hasAotCache() ? "-XX:AOTMode=on" : "-Xshare:on"),
        work.resolve("launcher.log"), 0, Duration.ofSeconds(30));
    try {
      assertThat(ServerProcess.answers(server.url())).isTrue();
    } finally {
      ServerProcess.stop(server.process().toHandle(), Duration.ofSeconds(10));
    }
  }

  @Test
  void theLauncherUsesTheJdkThatMadeTheArchive() {
    AotCache.Jvm jdk25 = new AotCache.Jvm(Path.of("/opt/jdk-25"), 25);

    assertThat(AotCache.launcherScript(jdk25, "site.jar", "site.aot", "-XX:AOTCache=")).isEqualTo("""
        #!/bin/sh
        # Starts site.jar with the JVM archive made at build time (mvn next:build -Dnext.aot).
        # The archive fits only this jar and this JDK; set JAVA to another java and the JVM warns and
        # starts without it. Arguments go to the server, e.g. --port 8080.
        dir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
        exec "${JAVA:-/opt/jdk-25/bin/java}" -XX:AOTCache="$dir/site.aot" -jar "$dir/site.jar" "$@"
        """);
  }

  @Test
  void trainingRequestsPagesWithoutParametersAndNeverApiRoutes() throws IOException {
    Path manifest = Files.writeString(work.resolve("routes.tsv"), """
        pattern\tkind\tclass\tsource
        /\tpage\ta.Index\ta/Index.java
        /about\tstatic\ta.About\ta/About.java
        /blog/[slug]\tpage\ta.blog.$slug\ta/blog/$slug.java
        /api/delete-everything\tapi\ta.api.DeleteEverything\ta/api/DeleteEverything.java
        \t404\ta._404\ta/_404.java
        """);

    assertThat(AotCache.trainingPaths(RouteManifest.read(manifest))).containsExactly("/", "/about");
  }

  @Test
  void aFolderThatIsNotAJdkIsRefused() {
    assertThatThrownBy(() -> AotCache.Jvm.of(work))
        .isInstanceOf(BuildException.class)
        .hasMessage("[next.invalid-jvm] <jvm> " + work + " is not a JDK: it has no release file.");
  }
}
