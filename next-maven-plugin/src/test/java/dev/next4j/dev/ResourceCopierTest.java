package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceCopierTest {
  @TempDir Path dir;

  @Test
  void copiesUnderTheTargetPathWhatIsIncludedAndNotExcludedFilteringWhenAsked() throws IOException {
    write("config/app.properties", "name=${project.artifactId}\nversion=@project.version@\nkeep=${unknown}\n");
    write("config/deep/more.properties", "x=${project.artifactId}");
    write("config/notes.txt", "not included");
    write("config/secret.properties", "excluded");
    write("plain/a.txt", "${project.artifactId}");
    ResourceSet config = new ResourceSet(dir.resolve("config"), "/settings/", List.of("**/*.properties"),
        List.of("secret.properties"), true);
    ResourceSet plain = new ResourceSet(dir.resolve("plain"), "static", List.of(), List.of(), false);
    Path out = dir.resolve("out");
    write("out/stale.txt", "from an earlier copy");

    ResourceCopier.copy(List.of(config, plain), out, Map.of("project.artifactId", "site", "project.version", "1.0"));

    assertThat(files(out)).containsExactly("settings/app.properties", "settings/deep/more.properties", "static/a.txt");
    assertThat(Files.readString(out.resolve("settings/app.properties"))).isEqualTo("name=site\nversion=1.0\nkeep=${unknown}\n");
    assertThat(Files.readString(out.resolve("settings/deep/more.properties"))).isEqualTo("x=site");
    assertThat(Files.readString(out.resolve("static/a.txt"))).isEqualTo("${project.artifactId}");
  }

  @Test
  void mavensDefaultExcludesAreLeftOutAsTheResourcesPluginLeavesThemOut() throws IOException {
    write("config/app.properties", "a=1");
    write("config/.gitignore", "*.log");
    write("config/app.properties~", "an editor's backup");
    write("config/.#app.properties", "an editor's lock");
    write("config/.DS_Store", "finder");
    write("config/.git/config", "[core]");
    write("config/deep/CVS/Entries", "cvs");
    write("config/deep/b.properties", "b=2");
    ResourceSet config = new ResourceSet(dir.resolve("config"), "settings", List.of(), List.of(), true);

    ResourceCopier.copy(List.of(config), dir.resolve("out"), Map.of());

    assertThat(files(dir.resolve("out"))).containsExactly("settings/app.properties", "settings/deep/b.properties");
    assertThat(ResourceSet.isDefaultExcluded("a/b/.svn/entries")).isTrue();
    assertThat(ResourceSet.isDefaultExcluded("gitignore.txt")).isFalse();
    assertThat(ResourceSet.isDefaultExcluded("templates/CVS.html")).isFalse();
  }

  @Test
  void filteredFilesAreReadAndWrittenInTheResourcesEncoding() throws IOException {
    Path file = dir.resolve("latin/greeting.properties");
    Files.createDirectories(file.getParent());
    Files.write(file, "greeting=Grüße von ${name}\n".getBytes(StandardCharsets.ISO_8859_1));
    ResourceSet latin = new ResourceSet(dir.resolve("latin"), "", List.of(), List.of(), true, StandardCharsets.ISO_8859_1);

    ResourceCopier.copy(List.of(latin), dir.resolve("out"), Map.of("name", "Zoë"));

    assertThat(Files.readAllBytes(dir.resolve("out/greeting.properties")))
        .isEqualTo("greeting=Grüße von Zoë\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void aPlainResourceIsOneWithoutTargetPathPatternsOrFiltering() {
    assertThat(ResourceSet.plain(dir).isPlain()).isTrue();
    assertThat(new ResourceSet(dir, "x", List.of(), List.of(), false).isPlain()).isFalse();
    assertThat(new ResourceSet(dir, "", List.of("*.txt"), List.of(), false).isPlain()).isFalse();
    assertThat(new ResourceSet(dir, "", List.of(), List.of(), true).isPlain()).isFalse();
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }
}
