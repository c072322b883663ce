package dev.next4j.dev;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Objects;

/**
 * One {@code <resource>} of the pom, as {@code mvn process-resources} reads it: its folder, the
 * folder under the classes it goes to ({@code targetPath}, empty for the top), the Ant-style
 * patterns of the files it includes (none: all) and excludes, whether {@code ${name}} and
 * {@code @name@} are replaced by the project's properties, and the encoding filtered files are read
 * and written in (the resources plugin's {@code encoding}: the project's {@code
 * project.build.sourceEncoding}).
 *
 * <p>A plain resource (no {@code targetPath}, patterns or filtering) is served from its folder, so
 * an edit shows without a copy; any other is copied as Maven would ({@link ResourceCopier}).
 */
public record ResourceSet(
    Path directory, String targetPath, List<String> includes, List<String> excludes, boolean filtering, Charset encoding) {
  public ResourceSet {
    directory = directory.toAbsolutePath().normalize();
    targetPath = Objects.requireNonNullElse(targetPath, "").replace('\\', '/').replaceAll("^/+|/+$", "");
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    Objects.requireNonNull(encoding, "encoding");
  }

  /** A resource whose filtered files are read and written as UTF-8. */
  public ResourceSet(Path directory, String targetPath, List<String> includes, List<String> excludes, boolean filtering) {
    this(directory, targetPath, includes, excludes, filtering, StandardCharsets.UTF_8);
  }

  /** A folder taken as it is, as Maven's default {@code src/main/resources}. */
  public static ResourceSet plain(Path directory) {
    return new ResourceSet(directory, "", List.of(), List.of(), false);
  }

  /** Whether the folder can be served as it is: no {@code targetPath}, patterns or filtering. */
  public boolean isPlain() {
    return targetPath.isEmpty() && includes.isEmpty() && excludes.isEmpty() && !filtering;
  }

  /**
   * What Maven's resources plugin leaves out of every resource folder unless told otherwise
   * ({@code addDefaultExcludes}, on by default): editors' backup and lock files, version-control
   * metadata and the Mac's folder files.
   */
  static final List<String> DEFAULT_EXCLUDES = List.of(
      "**/*~", "**/#*#", "**/.#*", "**/%*%", "**/._*",
      "**/CVS", "**/CVS/**", "**/.cvsignore", "**/RCS", "**/RCS/**", "**/SCCS", "**/SCCS/**",
      "**/vssver.scc", "**/project.pj", "**/.svn", "**/.svn/**", "**/.arch-ids", "**/.arch-ids/**",
      "**/.bzr", "**/.bzr/**", "**/.MySCMServerInfo", "**/.DS_Store", "**/.metadata", "**/.metadata/**",
      "**/.hg", "**/.hg/**", "**/.git", "**/.git/**", "**/.gitignore", "**/.gitattributes",
      "**/BitKeeper", "**/BitKeeper/**", "**/ChangeSet", "**/ChangeSet/**",
      "**/_darcs", "**/_darcs/**", "**/.darcsrepo", "**/.darcsrepo/**", "**/-darcs-backup*", "**/.darcs-temp-mail");

  /** {@link #DEFAULT_EXCLUDES} as matchers, each pattern also without its {@code **}{@code /} (Ant's none-or-more folders). */
  private static final List<PathMatcher> DEFAULT_EXCLUDE_MATCHERS = matchers(DEFAULT_EXCLUDES);

  /**
   * Whether {@code relative} (to the folder, with {@code /}) is included and not excluded, by the
   * pom's patterns or Maven's default excludes.
   */
  boolean selects(String relative) {
    return (includes.isEmpty() || matchesAny(includes, relative)) && !matchesAny(excludes, relative)
        && !isDefaultExcluded(relative);
  }

  /** Whether Maven leaves {@code relative} out of a resource folder by default ({@link #DEFAULT_EXCLUDES}). */
  static boolean isDefaultExcluded(String relative) {
    Path path = Path.of(relative);
    for (PathMatcher matcher : DEFAULT_EXCLUDE_MATCHERS) {
      if (matcher.matches(path)) {
        return true;
      }
    }
    return false;
  }

  private static List<PathMatcher> matchers(List<String> patterns) {
    List<PathMatcher> matchers = new java.util.ArrayList<>();
    for (String pattern : patterns) {
      matchers.add(matcher(pattern));
      String without = pattern.replace("**/", "");
      if (!without.equals(pattern)) {
        matchers.add(matcher(without));
      }
    }
    return List.copyOf(matchers);
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
