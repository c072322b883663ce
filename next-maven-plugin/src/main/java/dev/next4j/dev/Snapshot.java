package dev.next4j.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files under the watched folders with their modification time and size, so two snapshots
 * tell exactly which files were created, modified or deleted in between.
 */
final class Snapshot {
  private final Map<Path, String> states;

  private Snapshot(Map<Path, String> states) {
    this.states = states;
  }

  /** The regular files under {@code trees}, and {@code files} that exist; scratch files left out. */
  static Snapshot take(List<Path> trees, List<Path> files) throws IOException {
    Map<Path, String> states = new HashMap<>();
    for (Path tree : trees) {
      if (!Files.isDirectory(tree)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(tree)) {
        walk.forEach(path -> {
          if (!FileWatcher.isScratch(path.getFileName().toString())) {
            putState(states, path);
          }
        });
      } catch (UncheckedIOException gone) {
        if (!(gone.getCause() instanceof NoSuchFileException)) {
          throw gone.getCause();
        }
      }
    }
    for (Path file : files) {
      putState(states, file);
    }
    return new Snapshot(states);
  }

  private static void putState(Map<Path, String> states, Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.isRegularFile()) {
        states.put(path, attributes.lastModifiedTime() + " " + attributes.size());
      }
    } catch (IOException gone) {
      // deleted while we looked: it is not part of this snapshot
    }
  }

  /** What changed from this snapshot to {@code newer}; each set is sorted. */
  Changes changesTo(Snapshot newer) {
    Set<Path> created = new TreeSet<>();
    Set<Path> modified = new TreeSet<>();
    Set<Path> deleted = new TreeSet<>();
    newer.states.forEach((path, state) -> {
      String old = states.get(path);
      if (old == null) {
        created.add(path);
      } else if (!old.equals(state)) {
        modified.add(path);
      }
    });
    for (Path path : states.keySet()) {
      if (!newer.states.containsKey(path)) {
        deleted.add(path);
      }
    }
    return new Changes(created, modified, deleted);
  }

  /** Files created, modified and deleted between two snapshots. */
  record Changes(Set<Path> created, Set<Path> modified, Set<Path> deleted) {
    Changes {
      created = Collections.unmodifiableSortedSet(new TreeSet<>(created));
      modified = Collections.unmodifiableSortedSet(new TreeSet<>(modified));
      deleted = Collections.unmodifiableSortedSet(new TreeSet<>(deleted));
    }

    boolean isEmpty() {
      return created.isEmpty() && modified.isEmpty() && deleted.isEmpty();
    }
  }
}
