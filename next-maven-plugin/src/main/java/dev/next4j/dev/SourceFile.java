package dev.next4j.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code .java} file under one of the project's source roots.
 *
 * @param path the file, absolute
 * @param relativePath its path below the source root with {@code /} separators, e.g. {@code
 *     com/acme/pages/Index.java}
 */
record SourceFile(Path path, String relativePath) {
  /** The {@code .java} files under {@code roots}, in a stable order; missing roots are skipped. */
  static List<SourceFile> under(List<Path> roots) throws IOException {
    List<SourceFile> sources = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
            .sorted()
            .forEach(f -> sources.add(new SourceFile(f, relative(root, f))));
      }
    }
    return sources;
  }

  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}
