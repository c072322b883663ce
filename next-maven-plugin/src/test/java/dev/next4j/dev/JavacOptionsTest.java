package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavacOptionsTest {
  @Test
  void theReleasePropertyMostPomsSetIsUsed() {
    assertThat(JavacOptions.of(Map.of(), List.of(), Map.of("maven.compiler.release", "17", "project.build.sourceEncoding", "UTF-8")))
        .containsExactly("--release", "17", "-encoding", "UTF-8");
  }

  @Test
  void thePluginsConfigurationWinsOverProperties() {
    assertThat(JavacOptions.of(Map.of("release", "21", "encoding", "ISO-8859-1"), List.of(),
            Map.of("maven.compiler.release", "17", "project.build.sourceEncoding", "UTF-8")))
        .containsExactly("--release", "21", "-encoding", "ISO-8859-1");
  }

  @Test
  void sourceAndTargetAreUsedWhenThereIsNoRelease() {
    assertThat(JavacOptions.of(Map.of(), List.of(), Map.of("maven.compiler.source", "17", "maven.compiler.target", "17")))
        .containsExactly("-source", "17", "-target", "17", "-encoding", "UTF-8");
  }

  @Test
  void parametersPreviewProcAndCompilerArgsAreKept() {
    assertThat(JavacOptions.of(Map.of("parameters", "true", "enablePreview", "true", "proc", "full"),
            List.of("-Xlint:all", "-Werror"), Map.of("maven.compiler.release", "17")))
        .containsExactly("--release", "17", "-encoding", "UTF-8", "-parameters", "--enable-preview", "-proc:full",
            "-Xlint:all", "-Werror");
  }

  @Test
  void processorPathsBecomeProcessorPathWithMavensGeneratedSourcesFolder() {
    Path lombok = Path.of("/repo/lombok.jar");
    Path mapstruct = Path.of("/repo/mapstruct-processor.jar");

    assertThat(JavacOptions.processorPath(List.of(lombok, mapstruct), Path.of("/p/target/generated-sources/annotations")))
        .containsExactly("-processorpath", lombok + File.pathSeparator + mapstruct,
            "-s", Path.of("/p/target/generated-sources/annotations").toString());
  }
}
