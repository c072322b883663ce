package dev.next4j.dev;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Objects;

/**
 * One {@code <resource>} of the pom, as {@code mvn process-resources} reads it: its folder, the
 * folder under the classes it goes to ({@code targetPath}, empty for the top), the Ant-style
 * patterns of the files it includes (none: all) and excludes, and whether {@code ${name}} and
 * {@code @name@} are replaced by the project's properties.
 *
 * <p>A plain resource (no {@code targetPath}, patterns or filtering) is served from its folder, so
 * an edit shows without a copy; any other is copied as Maven would ({@link ResourceCopier}).
 */
public record ResourceSet(Path directory, String targetPath, List<String> includes, List<String> excludes, boolean filtering) {
  public ResourceSet {
    directory = directory.toAbsolutePath().normalize();
    targetPath = Objects.requireNonNullElse(targetPath, "").replace('\\', '/').replaceAll("^/+|/+$", "");
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  /** A folder taken as it is, as Maven's default {@code src/main/resources}. */
  public static ResourceSet plain(Path directory) {
    return new ResourceSet(directory, "", List.of(), List.of(), false);
  }

  /** Whether the folder can be served as it is: no {@code targetPath}, patterns or filtering. */
  public boolean isPlain() {
    return targetPath.isEmpty() && includes.isEmpty() && excludes.isEmpty() && !filtering;
  }

  /** Whether {@code relative} (to the folder, with {@code /}) is included and not excluded. */
  boolean selects(String relative) {
    return (includes.isEmpty() || matchesAny(includes, relative)) && !matchesAny(excludes, relative);
  }

  /**
   * Ant's patterns as Maven reads them: {@code **} any folders (also none), {@code *} and {@code ?}
   * within a name, a pattern ending in {@code /} everything under that folder.
   */
  private static boolean matchesAny(List<String> patterns, String relative) {
    Path path = Path.of(relative);
    for (String pattern : patterns) {
      String glob = pattern.trim().replace('\\', '/');
      if (glob.endsWith("/")) {
        glob += "**";
      }
      if (matcher(glob).matches(path)) {
        return true;
      }
      // Ant's ** also matches no folder at all, which a glob's **/ does not.
      String without = glob.replace("**/", "");
      if (!without.equals(glob) && matcher(without).matches(path)) {
        return true;
      }
    }
    return false;
  }

  private static PathMatcher matcher(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }
}
