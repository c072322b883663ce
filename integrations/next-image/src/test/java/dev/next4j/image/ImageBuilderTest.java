package dev.next4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderTest {
  @TempDir Path dir;

  private final List<String> logged = new ArrayList<>();
  private final ImageLog log = new ImageLog() {
    @Override
    public void info(String message) {
      logged.add("info " + message);
    }

    @Override
    public void warn(String message) {
      logged.add("warn " + message);
    }
  };

  private Path file(String relative, String content) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private ImageLayout layout() throws Exception {
    file("classes/com/acme/NextServer.class", "server");
    file("classes/public/robots.txt", "User-agent: *");
    return ImageLayout.of(new ImageLayout.Site(
        dir.resolve("classes"),
        List.of(
            new ImageLayout.Jar("json-1.0.jar", file("repo/json-1.0.jar", "json"), false),
            new ImageLayout.Jar("next-runtime-0.1.0.jar", file("repo/next-runtime-0.1.0.jar", "runtime"), true)),
        Optional.empty(), "com.acme.NextServer", List.of(), Optional.empty()));
  }

  private ImageSpec spec(String base, Path tarball) {
    return new ImageSpec(base, "site:1.0", tarball, false, "Docker", 3000, Map.of("NEXT_TELEMETRY", "off"),
        Map.of("org.opencontainers.image.title", "site"), dir, dir.resolve("cache"), true);
  }

  private static String json(Map<String, byte[]> tar, String name) {
    assertThat(tar).containsKey(name);
    return new String(tar.get(name), StandardCharsets.UTF_8);
  }

  /** The layer tarballs the image's manifest.json lists, in order. */
  private static List<Map<String, byte[]>> layers(Map<String, byte[]> image) throws Exception {
    String manifest = json(image, "manifest.json");
    Matcher layers = Pattern.compile("\"Layers\":\\[([^\\]]*)\\]").matcher(manifest);
    assertThat(layers.find()).as(manifest).isTrue();
    List<Map<String, byte[]>> result = new ArrayList<>();
    for (String name : layers.group(1).replace("\"", "").split(",")) {
      result.add(Tar.read(image.get(name)));
    }
    return result;
  }

  private static String config(Map<String, byte[]> image) {
    Matcher config = Pattern.compile("\"Config\":\"([^\"]+)\"").matcher(json(image, "manifest.json"));
    assertThat(config.find()).isTrue();
    return json(image, config.group(1));
  }

  @Test
  void writesALayeredImageOnScratchToATarballThatDockerLoadTakes() throws Exception {
    Path tarball = dir.resolve("target/site-1.0-image.tar");

    ImageBuilder.Result result = ImageBuilder.build(spec("scratch", tarball), layout(), log);

    assertThat(result.tarball()).contains(tarball);
    assertThat(result.pushed()).isFalse();
    assertThat(result.reference()).isEqualTo("site:1.0");
    assertThat(result.digest()).matches("sha256:[0-9a-f]{64}");
    Map<String, byte[]> image = Tar.read(Files.readAllBytes(tarball));
    assertThat(json(image, "manifest.json")).contains("\"RepoTags\":[\"site:1.0\"]");
    List<Map<String, byte[]>> layers = layers(image);
    assertThat(layers).hasSize(3);
    assertThat(layers.get(0)).containsKey("app/libs/json-1.0.jar").doesNotContainKey("app/runtime/next-runtime-0.1.0.jar");
    assertThat(new String(layers.get(1).get("app/runtime/next-runtime-0.1.0.jar"), StandardCharsets.UTF_8)).isEqualTo("runtime");
    assertThat(layers.get(2)).containsKeys("app/classes/com/acme/NextServer.class", "app/classes/public/robots.txt");
    String config = config(image);
    assertThat(config)
        .contains("\"Entrypoint\":[\"java\",\"-cp\",\"/app/classes:/app/libs/json-1.0.jar:/app/runtime/next-runtime-0.1.0.jar\","
            + "\"com.acme.NextServer\"]")
        .contains("\"ExposedPorts\":{\"3000/tcp\":{}}")
        .contains("\"Env\":[\"PORT=3000\",\"NEXT_TELEMETRY=off\"]")
        .contains("\"WorkingDir\":\"/app\"")
        .contains("\"org.opencontainers.image.title\":\"site\"")
        .contains("\"created\":\"1970-01-01T00:00:00Z\"")
        .contains("\"comment\":\"dependencies\"}", "\"comment\":\"next-runtime\"}", "\"comment\":\"application\"}");
    assertThat(result.imageId()).isEqualTo(
        "sha256:" + sha256(config.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void buildsTheSameImageTwiceFromTheSameFilesWhateverTheirModificationTimes() throws Exception {
    ImageLayout layout = layout();
    ImageBuilder.Result first = ImageBuilder.build(spec("scratch", dir.resolve("one.tar")), layout, log);
    Files.setLastModifiedTime(dir.resolve("classes/public/robots.txt"), java.nio.file.attribute.FileTime.fromMillis(0));
    ImageBuilder.Result second = ImageBuilder.build(spec("scratch", dir.resolve("two.tar")), layout, log);

    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(second.imageId()).isEqualTo(first.imageId());

    Files.writeString(dir.resolve("classes/public/robots.txt"), "User-agent: none");
    ImageBuilder.Result changed = ImageBuilder.build(spec("scratch", dir.resolve("three.tar")), layout, log);
    assertThat(changed.digest()).isNotEqualTo(first.digest());
  }

  @Test
  void buildsOnABaseImageTarballAndKeepsItsLayersFirst() throws Exception {
    Path baseFile = file("base/etc/os-release", "NAME=test-base");
    ImageLayout baseLayout = new ImageLayout(
        List.of(new ImageLayout.Layer("os", List.of(new ImageLayout.Entry(baseFile, "/etc/os-release")))),
        List.of("/bin/false"), "/");
    Path baseTar = dir.resolve("base.tar");
    ImageBuilder.build(
        new ImageSpec("scratch", "test-base:1", baseTar, false, "Docker", 80, Map.of(), Map.of(), dir, dir.resolve("cache"), true),
        baseLayout, log);

    Path tarball = dir.resolve("site.tar");
    ImageBuilder.build(spec("tar://base.tar", tarball), layout(), log);

    List<Map<String, byte[]>> layers = layers(Tar.read(Files.readAllBytes(tarball)));
    assertThat(layers).hasSize(4);
    assertThat(new String(layers.get(0).get("etc/os-release"), StandardCharsets.UTF_8)).isEqualTo("NAME=test-base");
    assertThat(layers.get(3)).containsKey("app/classes/com/acme/NextServer.class");
  }

  @Test
  void writesAnOciImageWhenAsked() throws Exception {
    Path tarball = dir.resolve("oci.tar");
    ImageSpec oci = new ImageSpec("scratch", "site:1.0", tarball, false, "OCI", 3000, Map.of(), Map.of(), dir,
        dir.resolve("cache"), true);

    ImageBuilder.build(oci, layout(), log);

    Map<String, byte[]> image = Tar.read(Files.readAllBytes(tarball));
    assertThat(json(image, "index.json")).contains("application/vnd.oci.image.manifest.v1+json");
  }

  @Test
  void namesTheMistakeInABaseATagOrAFormat() throws Exception {
    ImageLayout layout = layout();
    Path tarball = dir.resolve("x.tar");

    assertThatThrownBy(() -> ImageBuilder.build(spec("tar://missing/base.tar", tarball), layout, log))
        .isInstanceOf(ImageException.class)
        .hasMessage("The base image tar://missing/base.tar names " + dir.resolve("missing/base.tar")
            + ", which is not a file: make it with docker save or jib, or use a registry base");
    assertThatThrownBy(() -> ImageBuilder.build(spec("Not An Image", tarball), layout, log))
        .hasMessage("next.image.base 'Not An Image' is not an image reference (Jib cannot parse it); write e.g."
            + " eclipse-temurin:17-jre, registry.example.com/team/site:1.0, scratch or tar://path/base.tar");
    ImageSpec badFormat = new ImageSpec("scratch", "site:1.0", tarball, false, "zip", 3000, Map.of(), Map.of(), dir,
        dir.resolve("cache"), true);
    assertThatThrownBy(() -> ImageBuilder.build(badFormat, layout, log))
        .hasMessage("next.image.format 'zip' is neither Docker nor OCI");
    assertThat(tarball).doesNotExist();
  }

  @Test
  void saysARegistryBaseIsPulledFromItsRegistryWhenItCannotBe() throws Exception {
    // Offline, with an empty cache: Jib cannot have the base, as on a machine without the network.
    ImageSpec spec = new ImageSpec("eclipse-temurin:17-jre", "site:1.0", dir.resolve("x.tar"), false, "Docker", 3000,
        Map.of(), Map.of(), dir, dir.resolve("cache"), true);

    assertThatThrownBy(() -> ImageBuilder.build(spec, layout(), log))
        .isInstanceOf(ImageException.class)
        .hasMessageStartingWith("Could not build the image site:1.0 on eclipse-temurin:17-jre: ")
        .hasMessageEndingWith("(a registry base is pulled from its registry: check the name, the network and your"
            + " credentials in ~/.docker/config.json, or use scratch or tar://<file> as next.image.base)");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
