package dev.next4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plugin's package boundaries (docs/architecture.md, "Package boundaries"): only {@code
 * dev.next4j.maven} meets Maven; {@code codegen}, {@code build} and {@code dev} are plain Java,
 * layered codegen ← build ← dev ← maven, each using only the ones to its left.
 *
 * <p>It reads the main sources, comments and string literals removed, and finds every qualified
 * name, in an import or written out in the code, so {@code org.apache.maven.Foo} inline counts too.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java");

  /** What each package may not name; any other package of the plugin may name anything. */
  private static final Map<String, List<String>> FORBIDDEN = Map.of(
      "dev.next4j.codegen", List.of("org.apache.maven", "org.codehaus.plexus", "dev.next4j.build", "dev.next4j.dev",
          "dev.next4j.maven"),
      "dev.next4j.build", List.of("org.apache.maven", "org.codehaus.plexus", "dev.next4j.dev", "dev.next4j.maven"),
      "dev.next4j.dev", List.of("org.apache.maven", "org.codehaus.plexus", "dev.next4j.maven"));

  private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:org|dev|com|java|javax)(?:\\.[A-Za-z_$][\\w$]*)+");

  @Test
  void noPackageNamesOneItMustNotUse() throws IOException {
    assertThat(violations(SOURCES)).isEmpty();
  }

  @Test
  void everyPluginPackageIsChecked() throws IOException {
    try (Stream<Path> dirs = Files.list(SOURCES.resolve("dev/next4j"))) {
      assertThat(dirs.map(d -> "dev.next4j." + d.getFileName()))
          .containsExactlyInAnyOrder("dev.next4j.codegen", "dev.next4j.build", "dev.next4j.dev", "dev.next4j.maven");
    }
  }

  @Test
  void theCheckFindsAnImportAndAnInlineNameThatCrossABoundary(@org.junit.jupiter.api.io.TempDir Path root)
      throws IOException {
    write(root, "dev/next4j/codegen/Bad.java", """
        package dev.next4j.codegen;
        import dev.next4j.build.BuildException; // a layer above
        /** Mentions org.apache.maven.Foo in a comment only, which is fine. */
        class Bad { String s = "org.apache.maven.Bar"; org.apache.maven.plugin.Mojo mojo; }
        """);
    write(root, "dev/next4j/dev/Fine.java", """
        package dev.next4j.dev;
        import dev.next4j.build.BuildException;
        import dev.next4j.codegen.Diagnostic;
        class Fine {}
        """);

    assertThat(violations(root)).containsExactly(
        "dev/next4j/codegen/Bad.java names dev.next4j.build.BuildException",
        "dev/next4j/codegen/Bad.java names org.apache.maven.plugin.Mojo");
  }

  private static List<String> violations(Path root) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        String pkg = relative.substring(0, relative.lastIndexOf('/')).replace('/', '.');
        List<String> forbidden = FORBIDDEN.getOrDefault(pkg, List.of());
        Matcher name = QUALIFIED_NAME.matcher(code(Files.readString(file)));
        while (name.find()) {
          for (String prefix : forbidden) {
            if (name.group().equals(prefix) || name.group().startsWith(prefix + ".")) {
              found.add(relative + " names " + name.group());
            }
          }
        }
      }
    }
    return found;
  }

  /** {@code source} without comments and string, text-block and char literals. */
  static String code(String source) {
    return source.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
        .replaceAll("(?s)/\\*.*?\\*/", " ")
        .replaceAll("//[^\\n]*", " ")
        .replaceAll("\"(?:\\\\.|[^\"\\\\\\n])*\"", "\"\"")
        .replaceAll("'(?:\\\\.|[^'\\\\\\n])*'", "''");
  }

  private static void write(Path root, String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
