package dev.next4j.build;

import dev.next4j.codegen.GeneratedNames;
import dev.next4j.codegen.Messages;
import dev.next4j.codegen.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides the class {@code java -jar} starts: the user's {@code <mainClass>} when set (a custom
 * server, which must be a class of the project with a {@code main} method), else the {@code
 * NextServer} that the generate goal wrote.
 */
public final class MainClass {
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

  private MainClass() {}

  /**
   * The main class's fully qualified name.
   *
   * @param configured the user's {@code <mainClass>}, if set
   * @param classes the project's compiled classes ({@code target/classes})
   * @param generatedSources where the generate goal writes ({@code target/generated-sources/next})
   * @param project the project folder, to show paths relative to it
   * @throws BuildException when the configured class is not a project class with a main method, or
   *     no server was generated
   */
  public static String resolve(Optional<String> configured, Path classes, Path generatedSources, Path project)
      throws BuildException, IOException {
    if (configured.isPresent()) {
      String name = configured.get().trim();
      if (!QUALIFIED_NAME.matcher(name).matches()) {
        throw new BuildException(Messages.mainClassNotAName(name));
      }
      Path file = classFile(classes, name);
      if (!Files.isRegularFile(file)) {
        throw new BuildException(Messages.mainClassNotInProject(name, relative(project, file)));
      }
      if (!ClassFile.parse(Files.readAllBytes(file)).hasMainMethod()) {
        throw new BuildException(Messages.mainClassWithoutMain(name));
      }
      return name;
    }
    List<String> servers = generatedServers(generatedSources);
    if (servers.isEmpty()) {
      throw new BuildException(Messages.noGeneratedServer(relative(project, generatedSources)));
    }
    if (servers.size() > 1) {
      throw new BuildException(Messages.severalGeneratedServers(servers));
    }
    String name = servers.get(0);
    Path file = classFile(classes, name);
    if (!Files.isRegularFile(file)) {
      throw new BuildException(Messages.serverNotCompiled(name, relative(project, file)));
    }
    return name;
  }

  private static List<String> generatedServers(Path generatedSources) throws IOException {
    if (!Files.isDirectory(generatedSources)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(generatedSources)) {
      return files
          .filter(p -> p.getFileName().toString().equals(GeneratedNames.SERVER + ".java"))
          .map(p -> generatedSources.relativize(p).toString().replace('\\', '/'))
          .map(p -> p.substring(0, p.length() - ".java".length()).replace('/', '.'))
          .sorted()
          .toList();
    }
  }

  private static Path classFile(Path classes, String name) {
    return classes.resolve(name.replace('.', '/') + ".class");
  }

  private static String relative(Path project, Path file) {
    return ProjectPaths.relative(project, file);
  }
}
