package dev.next4j.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnableJarTest {
  @TempDir Path work;

  @Test
  void javaDashJarStartsTheMainClassWithItsDependencyInside() throws Exception {
    Path app = Compiler.compile(work.resolve("app"), Map.of(
        "lib/Greeting.java", "package lib; public class Greeting { public static String of(String n) { return \"hello \" + n; } }",
        "com/acme/Main.java", "package com.acme; public class Main { public static void main(String[] a) {"
            + " System.out.print(lib.Greeting.of(a[0])); } }"));
    Path projectJar = TestJars.jar(work.resolve("site.jar"), Map.of(
        "com/acme/Main.class", Files.readAllBytes(app.resolve("com/acme/Main.class"))));
    Path libJar = TestJars.jar(work.resolve("lib.jar"), Map.of(
        "lib/Greeting.class", Files.readAllBytes(app.resolve("lib/Greeting.class"))));
    Path output = work.resolve("out.jar");

    RunnableJar.write(output, "com.acme.Main", source(projectJar), List.of(source(libJar)));

    assertThat(runJar(output, "world")).isEqualTo("hello world");
  }

  @Test
  void servicesFilesAreConcatenatedWithEachProviderOnce() throws IOException {
    Path project = TestJars.textJar(work.resolve("site.jar"), Map.of(
        "META-INF/services/a.Spi", "com.acme.Mine\n"));
    Path one = TestJars.textJar(work.resolve("one.jar"), Map.of(
        "META-INF/services/a.Spi", "# a comment\none.Impl\ncom.acme.Mine\n",
        "META-INF/services/b.Other", "one.Other"));
    Path two = TestJars.textJar(work.resolve("two.jar"), Map.of(
        "META-INF/services/a.Spi", "two.Impl"));

    RunnableJar.Result result =
        RunnableJar.write(work.resolve("out.jar"), "com.acme.Main", source(project), List.of(source(one), source(two)));

    assertThat(entryText(result.jar(), "META-INF/services/a.Spi")).isEqualTo("com.acme.Mine\none.Impl\ntwo.Impl\n");
    assertThat(entryText(result.jar(), "META-INF/services/b.Other")).isEqualTo("one.Other\n");
    assertThat(result.servicesMerged()).isEqualTo(2);
  }

  @Test
  void helidonsRegistryFilesAreJoinedSoEveryModulesServicesStay() throws IOException {
    Path project = TestJars.textJar(work.resolve("site.jar"), Map.of("a/Main.class", "main"));
    Path config = TestJars.textJar(work.resolve("helidon-config.jar"), Map.of(
        "META-INF/helidon/service-registry.json", "[{\"module\":\"io.helidon.config\",\"services\":[]}]\n",
        "META-INF/helidon/config-metadata.json", "[{\"module\":\"io.helidon.config\",\"types\":[]}]",
        "META-INF/helidon/service.loader", "# contracts\nio.helidon.config.spi.ConfigParser\n"));
    Path mapper = TestJars.textJar(work.resolve("helidon-common-mapper.jar"), Map.of(
        "META-INF/helidon/service-registry.json", " [ {\"module\":\"io.helidon.common.mapper\"}, {\"module\":\"x\"} ] ",
        "META-INF/helidon/config-metadata.json", "[]",
        "META-INF/helidon/service.loader", "io.helidon.common.mapper.spi.MapperProvider\nio.helidon.config.spi.ConfigParser\n"));

    RunnableJar.Result result = RunnableJar.write(
        work.resolve("out.jar"), "a.Main", source(project), List.of(source(config), source(mapper)));

    assertThat(entryText(result.jar(), "META-INF/helidon/service-registry.json")).isEqualTo(
        "[{\"module\":\"io.helidon.config\",\"services\":[]},{\"module\":\"io.helidon.common.mapper\"}, {\"module\":\"x\"}]");
    assertThat(entryText(result.jar(), "META-INF/helidon/config-metadata.json"))
        .isEqualTo("[{\"module\":\"io.helidon.config\",\"types\":[]}]");
    assertThat(entryText(result.jar(), "META-INF/helidon/service.loader"))
        .isEqualTo("io.helidon.config.spi.ConfigParser\nio.helidon.common.mapper.spi.MapperProvider\n");
    assertThat(result.duplicates()).isEmpty();
    assertThat(result.servicesMerged()).isEqualTo(3);
    assertThat(entryNames(result.jar())).doesNotContain("META-INF/services/");
  }

  @Test
  void aHelidonRegistryFileThatIsNotAnArrayIsLeftOutAndReported() throws IOException {
    Path project = TestJars.textJar(work.resolve("site.jar"), Map.of(
        "META-INF/helidon/service-registry.json", "[{\"module\":\"com.acme\"}]"));
    Path broken = TestJars.textJar(work.resolve("broken.jar"), Map.of(
        "META-INF/helidon/service-registry.json", "{\"module\":\"broken\"}"));

    RunnableJar.Result result =
        RunnableJar.write(work.resolve("out.jar"), "a.Main", source(project), List.of(source(broken)));

    assertThat(entryText(result.jar(), "META-INF/helidon/service-registry.json")).isEqualTo("[{\"module\":\"com.acme\"}]");
    assertThat(result.duplicates()).map(Object::toString).containsExactly(
        "META-INF/helidon/service-registry.json (kept from the other inputs' merged array, skipped from broken.jar, not a JSON array)");
  }

  @Test
  void signatureFilesAreDroppedAndTheManifestIsTheProjectsWithMainClass() throws IOException {
    Path project = TestJars.textJar(work.resolve("site.jar"), Map.of(
        "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nImplementation-Version: 1.2\nClass-Path: lib/a.jar\n\n",
        "com/acme/Main.class", "main"));
    Path signed = TestJars.textJar(work.resolve("signed.jar"), Map.of(
        "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: other.Main\n\nName: x/Y.class\nSHA-256-Digest: abc\n\n",
        "META-INF/SIGNER.SF", "sf", "META-INF/SIGNER.RSA", "rsa", "META-INF/SIG-FOO", "sig",
        "x/Y.class", "y"));

    RunnableJar.Result result =
        RunnableJar.write(work.resolve("out.jar"), "com.acme.NextServer", source(project), List.of(source(signed)));

    assertThat(result.signaturesDropped()).isEqualTo(3);
    assertThat(entryNames(result.jar()))
        .containsExactly("META-INF/", "META-INF/MANIFEST.MF", "com/acme/Main.class", "x/Y.class");
    Manifest manifest = manifest(result.jar());
    assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo("com.acme.NextServer");
    assertThat(manifest.getMainAttributes().getValue("Implementation-Version")).isEqualTo("1.2");
    assertThat(manifest.getMainAttributes().getValue("Class-Path")).isNull();
    assertThat(manifest.getMainAttributes().getValue("Multi-Release")).isNull();
    assertThat(manifest.getEntries()).as("per-entry digests of the signed jar").isEmpty();
    assertThat(RunnableJar.isRunnable(result.jar())).isTrue();
    assertThat(RunnableJar.isRunnable(project)).isFalse();
  }

  @Test
  void aDuplicateWithOtherContentKeepsTheFirstAndIsReported() throws IOException {
    Path project = TestJars.textJar(work.resolve("site.jar"), Map.of("LICENSE", "mine", "NOTICE", "same"));
    Path one = TestJars.textJar(work.resolve("one.jar"), Map.of("LICENSE", "theirs", "NOTICE", "same"));

    RunnableJar.Result result = RunnableJar.write(work.resolve("out.jar"), "a.Main", source(project), List.of(source(one)));

    assertThat(result.duplicates()).map(Object::toString)
        .containsExactly("LICENSE (kept from site.jar, skipped from one.jar)");
    assertThat(entryText(result.jar(), "LICENSE")).isEqualTo("mine");
  }

  @Test
  void multiReleaseIsKeptWhenAnyInputIsMultiRelease() throws IOException {
    Path project = TestJars.textJar(work.resolve("site.jar"), Map.of("a/Main.class", "main"));
    Path runtime = TestJars.textJar(work.resolve("runtime.jar"), Map.of(
        "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMulti-Release: true\n\n",
        "r/Exec.class", "17", "META-INF/versions/21/r/Exec.class", "21"));

    RunnableJar.Result result =
        RunnableJar.write(work.resolve("out.jar"), "a.Main", source(project), List.of(source(runtime)));

    assertThat(result.multiRelease()).isTrue();
    assertThat(manifest(result.jar()).getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
    assertThat(entryText(result.jar(), "META-INF/versions/21/r/Exec.class")).isEqualTo("21");
  }

  @Test
  void aClassesFolderIsAnInputToo() throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes/com/acme"));
    Files.writeString(classes.resolve("Main.class"), "main");
    Path project = TestJars.textJar(work.resolve("site.jar"), Map.of("a/A.class", "a"));

    RunnableJar.Result result = RunnableJar.write(
        work.resolve("out.jar"), "a.A", source(project), List.of(new RunnableJar.Source("lib", work.resolve("classes"))));

    assertThat(entryNames(result.jar()))
        .containsExactly("META-INF/", "META-INF/MANIFEST.MF", "a/A.class", "com/", "com/acme/", "com/acme/Main.class");
  }

  @Test
  void theSameInputsGiveTheSameBytes() throws IOException {
    Path project = TestJars.textJar(work.resolve("site.jar"), Map.of("a/A.class", "a", "META-INF/services/s.S", "x"));
    Path lib = TestJars.textJar(work.resolve("lib.jar"), Map.of("b/B.class", "b", "META-INF/services/s.S", "y"));

    RunnableJar.write(work.resolve("one.jar"), "a.A", source(project), List.of(source(lib)));
    RunnableJar.write(work.resolve("two.jar"), "a.A", source(project), List.of(source(lib)));

    assertThat(Files.readAllBytes(work.resolve("one.jar"))).isEqualTo(Files.readAllBytes(work.resolve("two.jar")));
  }

  @Test
  void aBrokenInputLeavesTheOldJarInPlaceAndNoTemporaryFile() throws IOException {
    Path project = TestJars.textJar(work.resolve("site.jar"), Map.of("a/A.class", "a"));
    Path broken = Files.writeString(work.resolve("broken.jar"), "not a zip");
    Path output = Files.writeString(work.resolve("out.jar"), "previous");

    assertThatThrownBy(() -> RunnableJar.write(output, "a.A", source(project), List.of(source(broken))))
        .isInstanceOf(IOException.class);

    assertThat(Files.readString(output)).isEqualTo("previous");
    try (var files = Files.list(work)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("site.jar", "broken.jar", "out.jar");
    }
  }

  private static RunnableJar.Source source(Path jar) {
    return new RunnableJar.Source(jar.getFileName().toString(), jar);
  }

  private static List<String> entryNames(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<String> names = new ArrayList<>();
      zip.stream().forEach(e -> names.add(e.getName()));
      return names;
    }
  }

  private static String entryText(Path jar, String name) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Manifest manifest(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getManifest();
    }
  }

  private static String runJar(Path jar, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
