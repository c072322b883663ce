package dev.next4j.dev;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Wakes the dev server when files change under the watched folders, and groups a burst of changes
 * (an editor's save-all, a {@code git checkout}) into one: it returns only once no file changed
 * for a quiet period. It says <em>that</em> something changed; what changed is found by comparing
 * {@link Snapshot}s, which also covers events the operating system dropped.
 *
 * <p>Folders created later are watched too, and so is a watched tree that does not exist yet (a
 * {@code src/main/resources} made after {@code next:run} started): its nearest existing parent is
 * watched until it appears. Editors' scratch files (vim's swap files, backups
 * ending in {@code ~}) do not count as changes.
 *
 * <p>Where the JDK has no native watch service (macOS: its fallback polls every 2 to 10 seconds),
 * the watcher compares snapshots of the folders itself, every 100 ms.
 */
final class FileWatcher implements Closeable {
  /** However busy the files, a burst ends after this long, so a runaway writer cannot stall reloads. */
  private static final Duration LONGEST_BURST = Duration.ofSeconds(2);

  /** How often the folders are compared when there is no native watch service. */
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  private final List<Path> trees;
  private final List<Path> files;
  private final WatchService service;
  private final boolean polling;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private volatile boolean closed;
  private Snapshot polled;
  /** For folders watched for a few files only (the pom's): the names that count. */
  private final Map<Path, Set<String>> onlyNames = new HashMap<>();
  /** Trees that did not exist yet, and the existing parents watched until they do. */
  private final Set<Path> missingTrees = new HashSet<>();
  private final Set<Path> missingParents = new HashSet<>();

  /** Watches {@code trees} recursively, and {@code files} one by one; missing ones are skipped. */
  FileWatcher(List<Path> trees, List<Path> files) throws IOException {
    this(trees, files, false);
  }

  /** As above; with {@code poll} true, compares snapshots even where a native watch service exists. */
  FileWatcher(List<Path> trees, List<Path> files, boolean poll) throws IOException {
    this.trees = List.copyOf(trees);
    this.files = List.copyOf(files);
    this.service = FileSystems.getDefault().newWatchService();
    this.polling = poll || service.getClass().getName().endsWith("PollingWatchService");
    if (polling) {
      polled = Snapshot.take(trees, files);
      return;
    }
    for (Path tree : trees) {
      if (Files.isDirectory(tree)) {
        registerTree(tree);
      } else {
        missingTrees.add(tree.toAbsolutePath());
      }
    }
    watchMissingTrees();
    for (Path file : files) {
      Path folder = file.toAbsolutePath().getParent();
      if (onlyNames.containsKey(folder) || !inTree(folder)) {
        onlyNames.computeIfAbsent(folder, f -> new HashSet<>()).add(file.getFileName().toString());
        folders.put(folder.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), folder);
      }
    }
  }

  /**
   * Waits for a change, calls {@code onStart} as soon as one is seen, then waits until no change
   * came for {@code quiet} and returns true. Returns false once the watcher is closed.
   */
  boolean awaitChange(Duration quiet, Runnable onStart) throws InterruptedException {
    if (polling) {
      return pollForChange(quiet, onStart);
    }
    try {
      while (!take(service.take())) {
        // only scratch files changed
      }
      onStart.run();
      long burstEnd = System.nanoTime() + LONGEST_BURST.toNanos();
      while (System.nanoTime() < burstEnd) {
        WatchKey key = service.poll(quiet.toNanos(), TimeUnit.NANOSECONDS);
        if (key == null) {
          break;
        }
        take(key);
      }
      return true;
    } catch (ClosedWatchServiceException closed) {
      return false;
    }
  }

  private boolean pollForChange(Duration quiet, Runnable onStart) throws InterruptedException {
    while (!closed) {
      Thread.sleep(POLL_INTERVAL.toMillis());
      Snapshot now = snapshot();
      if (!polled.changesTo(now).isEmpty()) {
        onStart.run();
        long burstEnd = System.nanoTime() + LONGEST_BURST.toNanos();
        long pause = Math.max(quiet.toMillis(), POLL_INTERVAL.toMillis());
        while (!closed && System.nanoTime() < burstEnd) {
          Thread.sleep(pause);
          Snapshot again = snapshot();
          boolean still = now.changesTo(again).isEmpty();
          now = again;
          if (still) {
            break;
          }
        }
        polled = now;
        return !closed;
      }
    }
    return false;
  }

  private Snapshot snapshot() {
    try {
      return Snapshot.take(trees, files);
    } catch (IOException unreadable) {
      return polled; // a folder being replaced: look again next time
    }
  }

  /** Reads the key's events, watches new folders, and says whether any event counts as a change. */
  private boolean take(WatchKey key) {
    Path folder = folders.get(key);
    boolean changed = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (folder == null || !(event.context() instanceof Path name)) {
        changed = true; // an overflow: events were lost, so assume everything changed
        continue;
      }
      if (missingParents.contains(folder)) {
        if (event.kind() == ENTRY_CREATE) {
          changed |= watchMissingTrees();
        }
        if (!inTree(folder) && !onlyNames.containsKey(folder)) {
          continue; // watched only for the missing trees
        }
      }
      Set<String> only = onlyNames.get(folder);
      if (only != null) {
        changed |= only.contains(name.toString());
        continue;
      }
      Path path = folder.resolve(name);
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
        registerTree(path);
      }
      changed |= !isScratch(name.toString());
    }
    if (!key.reset()) {
      folders.remove(key);
    }
    return changed;
  }

  /** Files that editors write beside the real ones while saving. */
  static boolean isScratch(String name) {
    return name.endsWith("~")
        || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".swpx")
        || name.startsWith(".#")
        || name.equals("4913") // vim probes whether it may create files in a folder with this name
        || name.endsWith("___jb_tmp___") || name.endsWith("___jb_old___")
        || name.equals(".DS_Store");
  }

  /**
   * Watches each missing tree that exists now, and the nearest existing parent of each that does
   * not; true when a tree appeared.
   */
  private boolean watchMissingTrees() {
    boolean appeared = false;
    for (Path tree : List.copyOf(missingTrees)) {
      if (Files.isDirectory(tree)) {
        missingTrees.remove(tree);
        registerTree(tree);
        appeared = true;
        continue;
      }
      Path parent = tree.getParent();
      while (parent != null && !Files.isDirectory(parent)) {
        parent = parent.getParent();
      }
      if (parent != null && missingParents.add(parent)) {
        try {
          folders.put(parent.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), parent);
        } catch (IOException | RuntimeException gone) {
          missingParents.remove(parent); // deleted while we looked: the next event tries again
        }
      }
    }
    return appeared;
  }

  private boolean inTree(Path folder) {
    return trees.stream().anyMatch(tree -> folder.startsWith(tree.toAbsolutePath()));
  }

  private void registerTree(Path tree) {
    if (!Files.isDirectory(tree)) {
      return;
    }
    try (Stream<Path> dirs = Files.walk(tree)) {
      for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
        folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
      }
    } catch (IOException | RuntimeException gone) {
      // deleted while we looked: the next snapshot tells what is left
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    service.close();
  }
}
