package dev.next4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLayoutTest {
  @TempDir Path dir;

  private Path file(String relative) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, relative);
    return file;
  }

  private ImageLayout.Site site(Optional<Path> prerendered, Optional<ImageLayout.Archive> archive) throws Exception {
    file("classes/com/acme/NextServer.class");
    file("classes/public/logo.svg");
    return new ImageLayout.Site(
        dir.resolve("classes"),
        List.of(
            new ImageLayout.Jar("json-1.0.jar", file("repo/json-1.0.jar"), false),
            new ImageLayout.Jar("next-runtime-0.1.0.jar", file("repo/next-runtime-0.1.0.jar"), true),
            new ImageLayout.Jar("auth-2.0.jar", file("repo/auth-2.0.jar"), false)),
        prerendered, "com.acme.NextServer", List.of("-XX:MaxRAMPercentage=75"), archive);
  }

  private static List<String> targets(ImageLayout.Layer layer) {
    return layer.entries().stream().map(ImageLayout.Entry::target).toList();
  }

  @Test
  void splitsDependenciesRuntimeAndClassesIntoLayersAndRunsTheMainClassOnTheClassPathInMavensOrder() throws Exception {
    ImageLayout layout = ImageLayout.of(site(Optional.of(dir.resolve("no-such-folder")), Optional.empty()));

    assertThat(layout.layers()).extracting(ImageLayout.Layer::name)
        .containsExactly("dependencies", "next-runtime", "application");
    assertThat(targets(layout.layers().get(0))).containsExactly("/app/libs/auth-2.0.jar", "/app/libs/json-1.0.jar");
    assertThat(targets(layout.layers().get(1))).containsExactly("/app/runtime/next-runtime-0.1.0.jar");
    assertThat(targets(layout.layers().get(2)))
        .containsExactly("/app/classes/com/acme/NextServer.class", "/app/classes/public/logo.svg");
    assertThat(layout.layers().get(2).entries().get(0).source()).isEqualTo(dir.resolve("classes/com/acme/NextServer.class"));
    assertThat(layout.entrypoint()).containsExactly(
        "java", "-XX:MaxRAMPercentage=75", "-cp",
        "/app/classes:/app/libs/json-1.0.jar:/app/runtime/next-runtime-0.1.0.jar:/app/libs/auth-2.0.jar",
        "com.acme.NextServer");
    assertThat(layout.workingDirectory()).isEqualTo("/app");
  }

  @Test
  void addsPrerenderedPagesAsTheLastLayerWhenTheFolderHoldsAny() throws Exception {
    file("prerendered/index.html");
    file("prerendered/blog/hello.html");

    ImageLayout layout = ImageLayout.of(site(Optional.of(dir.resolve("prerendered")), Optional.empty()));

    assertThat(layout.layers()).extracting(ImageLayout.Layer::name)
        .containsExactly("dependencies", "next-runtime", "application", "prerendered");
    assertThat(targets(layout.layers().get(3)))
        .containsExactly("/app/prerendered/blog/hello.html", "/app/prerendered/index.html");
  }

  @Test
  void leavesOutAnEmptyPrerenderedFolderAndAnEmptyDependencyLayer() throws Exception {
    Files.createDirectories(dir.resolve("prerendered/blog"));
    file("classes/com/acme/NextServer.class");
    ImageLayout.Site site = new ImageLayout.Site(
        dir.resolve("classes"), List.of(new ImageLayout.Jar("next-runtime.jar", file("next-runtime.jar"), true)),
        Optional.of(dir.resolve("prerendered")), "com.acme.NextServer", List.of(), Optional.empty());

    ImageLayout layout = ImageLayout.of(site);

    assertThat(layout.layers()).extracting(ImageLayout.Layer::name).containsExactly("next-runtime", "application");
    assertThat(layout.entrypoint())
        .containsExactly("java", "-cp", "/app/classes:/app/runtime/next-runtime.jar", "com.acme.NextServer");
  }

  @Test
  void runsTheJarAnAotCacheWasMadeForWithTheCache() throws Exception {
    Path jar = file("target/site-1.0.jar");
    Path archive = file("target/site-1.0.aot");

    ImageLayout layout = ImageLayout.of(site(Optional.empty(), Optional.of(new ImageLayout.Archive(jar, archive))));

    assertThat(layout.layers()).extracting(ImageLayout.Layer::name).containsExactly("application", "jvm-archive");
    assertThat(layout.layers().get(0).entries()).containsExactly(new ImageLayout.Entry(jar, "/app/site-1.0.jar"));
    assertThat(layout.layers().get(1).entries()).containsExactly(new ImageLayout.Entry(archive, "/app/site-1.0.aot"));
    assertThat(layout.entrypoint()).containsExactly(
        "java", "-XX:AOTCache=/app/site-1.0.aot", "-XX:MaxRAMPercentage=75", "-jar", "/app/site-1.0.jar");
  }

  @Test
  void findsTheAotCacheNextBuildLeftBesideTheJarAndLeavesAnAppCdsArchiveOutWithAWarning() throws Exception {
    List<String> warnings = new java.util.ArrayList<>();
    ImageLog log = new ImageLog() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {
        warnings.add(message);
      }
    };
    Path jar = file("target/site-1.0.jar");
    assertThat(ImageLayout.Archive.beside(jar, log)).isEmpty();
    assertThat(ImageLayout.Archive.beside(dir.resolve("target/missing.jar"), log)).isEmpty();
    assertThat(warnings).isEmpty();

    file("target/site-1.0.jsa");
    assertThat(ImageLayout.Archive.beside(jar, log)).isEmpty();
    assertThat(warnings).containsExactly("Left the AppCDS archive site-1.0.jsa out of the image: it names the jar by"
        + " its path on this machine, so the JVM in the image would refuse it. An AOT cache does move: make one with a"
        + " JDK 25 or newer, e.g. mvn next:build -Dnext.aot -Dnext.jvm=/path/to/jdk-25 next:image");

    Path aot = file("target/site-1.0.aot");
    assertThat(ImageLayout.Archive.beside(jar, log)).contains(new ImageLayout.Archive(jar, aot));
  }

  @Test
  void refusesTwoJarsWithOneName() throws Exception {
    file("classes/com/acme/NextServer.class");
    Path a = file("a/util-1.0.jar");
    Path b = file("b/util-1.0.jar");
    ImageLayout.Site site = new ImageLayout.Site(
        dir.resolve("classes"),
        List.of(new ImageLayout.Jar("util-1.0.jar", a, false), new ImageLayout.Jar("util-1.0.jar", b, false),
            new ImageLayout.Jar("next-runtime.jar", file("next-runtime.jar"), true)),
        Optional.empty(), "com.acme.NextServer", List.of(), Optional.empty());

    assertThatThrownBy(() -> ImageLayout.of(site))
        .isInstanceOf(ImageException.class)
        .hasMessage("Two dependencies are both named util-1.0.jar (" + a + " and " + b
            + "); the image keeps jars by file name: exclude one of them");
  }

  @Test
  void refusesASiteWithoutNextRuntimeOrWithoutClasses() throws Exception {
    ImageLayout.Site noClasses = new ImageLayout.Site(
        dir.resolve("classes"), List.of(), Optional.empty(), "com.acme.NextServer", List.of(), Optional.empty());
    assertThatThrownBy(() -> ImageLayout.of(noClasses))
        .hasMessage("No compiled classes at " + dir.resolve("classes") + ": build the site first, e.g. mvn package next:image");

    file("classes/com/acme/NextServer.class");
    assertThatThrownBy(() -> ImageLayout.of(noClasses)).hasMessage(
        "next-runtime is not among the runtime dependencies: add dev.next4j:next-runtime to the pom's dependencies");
  }
}
