package dev.next4j.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The project's compiled classes as the incremental compiler sees them: each class's {@link
 * ClassSummary}, and which source file produced which classes.
 */
final class ClassIndex {
  private final Path classesDir;
  private final Map<String, ClassSummary> classes = new HashMap<>();
  private final Map<Path, Set<String>> classesBySource = new HashMap<>();

  private ClassIndex(Path classesDir) {
    this.classesDir = classesDir;
  }

  /**
   * Reads every class file under {@code classesDir} and attributes each to the file among {@code
   * sources} it names as its source; classes whose source is not among them are left out.
   */
  static ClassIndex scan(Path classesDir, Collection<SourceFile> sources) throws IOException {
    ClassIndex index = new ClassIndex(classesDir);
    if (!Files.isDirectory(classesDir)) {
      return index;
    }
    Map<String, Path> sourceByRelativePath = new HashMap<>();
    for (SourceFile source : sources) {
      sourceByRelativePath.putIfAbsent(source.relativePath(), source.path());
    }
    try (Stream<Path> files = Files.walk(classesDir)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        ClassSummary summary;
        try {
          summary = ClassSummary.read(Files.readAllBytes(file));
        } catch (IOException unreadable) {
          continue; // not ours to judge: a resource named *.class, or a file being written
        }
        Path source = sourceByRelativePath.get(summary.sourcePath());
        if (source != null) {
          index.put(source, summary);
        }
      }
    }
    return index;
  }

  Path classFile(String className) {
    return classesDir.resolve(className.replace('.', '/') + ".class");
  }

  ClassSummary get(String className) {
    return classes.get(className);
  }

  /** The classes last compiled from {@code source}; empty when it never was. */
  Set<String> classesOf(Path source) {
    return classesBySource.getOrDefault(source, Set.of());
  }

  boolean knows(Path source) {
    return classesBySource.containsKey(source);
  }

  void put(Path source, ClassSummary summary) {
    classes.put(summary.name(), summary);
    classesBySource.computeIfAbsent(source, s -> new TreeSet<>()).add(summary.name());
  }

  /** Forgets what {@code source} compiled to, returning those class names. */
  Set<String> forget(Path source) {
    Set<String> names = classesBySource.remove(source);
    if (names == null) {
      return Set.of();
    }
    names.forEach(classes::remove);
    return names;
  }

  /** The sources whose classes mention any of {@code classNames}. */
  Set<Path> sourcesReferencing(Set<String> classNames) {
    Set<Path> sources = new HashSet<>();
    for (Map.Entry<Path, Set<String>> entry : classesBySource.entrySet()) {
      for (String name : entry.getValue()) {
        ClassSummary summary = classes.get(name);
        if (summary != null && summary.references().stream().anyMatch(classNames::contains)) {
          sources.add(entry.getKey());
          break;
        }
      }
    }
    return sources;
  }
}
