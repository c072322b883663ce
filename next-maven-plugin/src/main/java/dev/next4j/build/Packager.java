package dev.next4j.build;

import dev.next4j.codegen.Messages;
import dev.next4j.codegen.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Turns the project's jar at {@code target/<finalName>.jar} into the runnable jar, in place.
 *
 * <p>The jar plugin's jar is kept as {@code target/next/<finalName>.original.jar}. When the jar
 * plugin finds nothing changed it leaves the runnable jar alone; packaging again then starts from
 * that kept copy, so the result is always the project's classes plus its current dependencies.
 */
public final class Packager {
  private Packager() {}

  /**
   * What to package.
   *
   * @param project the project folder, for messages
   * @param jar {@code target/<finalName>.jar}: the jar plugin's output, replaced by the runnable jar
   * @param workDirectory where the original jar is kept ({@code target/next})
   * @param classes the compiled classes ({@code target/classes})
   * @param generatedSources the generate goal's output folder
   * @param mainClass the user's {@code <mainClass>}, if set
   * @param dependencies the runtime dependencies in classpath order; must include next-runtime
   * @param hasRuntime whether {@code dependencies} include next-runtime
   */
  public record Request(
      Path project,
      Path jar,
      Path workDirectory,
      Path classes,
      Path generatedSources,
      Optional<String> mainClass,
      List<RunnableJar.Source> dependencies,
      boolean hasRuntime) {
    public Request {
      dependencies = List.copyOf(dependencies);
    }
  }

  /** The jar written, the class it starts, and the JVM archive files of an older jar it removed. */
  public record Outcome(String mainClass, RunnableJar.Result jar, List<Path> removedArchives) {
    public Outcome {
      removedArchives = List.copyOf(removedArchives);
    }
  }

  public static Outcome run(Request request) throws BuildException, IOException {
    String jarLabel = ProjectPaths.relative(request.project(), request.jar());
    if (!Files.isRegularFile(request.jar())) {
      throw new BuildException(Messages.noProjectJar(jarLabel));
    }
    if (!request.hasRuntime()) {
      throw new BuildException(Messages.runtimeNotInside());
    }
    String mainClass = MainClass.resolve(
        request.mainClass(), request.classes(), request.generatedSources(), request.project());

    Path original = request.workDirectory().resolve(originalName(request.jar()));
    if (RunnableJar.isRunnable(request.jar())) {
      if (!Files.isRegularFile(original)) {
        throw new BuildException(Messages.originalJarMissing(jarLabel, ProjectPaths.relative(request.project(), original)));
      }
    } else {
      Files.createDirectories(request.workDirectory());
      Files.copy(request.jar(), original, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }
    RunnableJar.Source projectJar = new RunnableJar.Source(request.jar().getFileName().toString(), original);
    RunnableJar.Result result = RunnableJar.write(request.jar(), mainClass, projectJar, request.dependencies());
    return new Outcome(mainClass, result, removeArchives(request.jar()));
  }

  /**
   * Removes the JVM archive and launcher that {@code next:build -Dnext.aot} made for an earlier
   * jar: an archive fits only the jar it was made from, so the JVM would refuse it.
   */
  private static List<Path> removeArchives(Path jar) throws IOException {
    String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    List<Path> removed = new java.util.ArrayList<>();
    for (String suffix : List.of(".aot", ".jsa", ".sh")) {
      Path file = jar.resolveSibling(base + suffix);
      if (Files.deleteIfExists(file)) {
        removed.add(file);
      }
    }
    return removed;
  }

  private static String originalName(Path jar) {
    String name = jar.getFileName().toString();
    return (name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name) + ".original.jar";
  }
}
