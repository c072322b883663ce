package dev.next4j.dev;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies the pom's resources that cannot be served from their folder (a {@code targetPath},
 * include or exclude patterns, filtering) into one folder on the app's class path, as {@code mvn
 * process-resources} copies them into the classes: each selected file at {@code
 * targetPath/relative}, and with filtering, {@code ${name}} and {@code @name@} replaced by the
 * project's properties (a name it does not know is left as it is, as Maven leaves it), read and
 * written in the resource's encoding. Maven's default excludes ({@code .gitignore}, editor backups,
 * version-control folders...) are left out as the resources plugin leaves them out. The folder
 * is made anew on each call, so a deleted or newly excluded file goes too.
 */
final class ResourceCopier {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\s]+)}|@([\\w.-]+)@");

  private ResourceCopier() {}

  /** Copies {@code resources} into {@code out}, which is emptied first. */
  static void copy(List<ResourceSet> resources, Path out, Map<String, String> properties) throws IOException {
    if (Files.exists(out)) {
      try (Stream<Path> old = Files.walk(out)) {
        for (Path path : (Iterable<Path>) old.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(out);
    for (ResourceSet resource : resources) {
      if (!Files.isDirectory(resource.directory())) {
        continue;
      }
      Path target = resource.targetPath().isEmpty() ? out : out.resolve(resource.targetPath());
      List<Path> files;
      try (Stream<Path> walk = Files.walk(resource.directory())) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      for (Path file : files) {
        String relative = resource.directory().relativize(file).toString().replace('\\', '/');
        if (FileWatcher.isScratch(file.getFileName().toString()) || !resource.selects(relative)) {
          continue;
        }
        Path copy = target.resolve(relative);
        Files.createDirectories(copy.getParent());
        if (resource.filtering()) {
          Charset encoding = resource.encoding();
          Files.writeString(copy, filter(Files.readString(file, encoding), properties), encoding);
        } else {
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** {@code text} with each {@code ${name}} and {@code @name@} of a known property replaced. */
  static String filter(String text, Map<String, String> properties) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (matcher.find()) {
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      String value = properties.get(name);
      matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
