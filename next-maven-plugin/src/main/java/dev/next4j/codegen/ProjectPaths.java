package dev.next4j.codegen;

import java.nio.file.Path;

/**
 * How every message of the plugin names a file: relative to the project with {@code /}
 * separators, or absolute when it is outside the project.
 *
 * <pre>{@code
 * ProjectPaths.relative(Path.of("/work/site"), Path.of("/work/site/target/site.jar"));  // "target/site.jar"
 * ProjectPaths.relative(Path.of("/work/site"), Path.of("/opt/jdk"));                    // "/opt/jdk"
 * }</pre>
 */
public final class ProjectPaths {
  private ProjectPaths() {}

  /** {@code file} as messages name it, relative to {@code project} when inside it, with {@code /}. */
  public static String relative(Path project, Path file) {
    Path base = project.toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
  }
}
