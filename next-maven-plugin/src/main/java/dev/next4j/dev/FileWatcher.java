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
 * <p>Folders created later are watched too. Editors' scratch files (vim's swap files, backups
 * ending in {@code ~}) do not count as changes.
 */
final class FileWatcher implements Closeable {
  /** However busy the files, a burst ends after this long, so a runaway writer cannot stall reloads. */
  private static final Duration LONGEST_BURST = Duration.ofSeconds(2);

  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  /** For folders watched for a few files only (the pom's): the names that count. */
  private final Map<Path, Set<String>> onlyNames = new HashMap<>();

  /** Watches {@code trees} recursively, and {@code files} one by one; missing ones are skipped. */
  FileWatcher(List<Path> trees, List<Path> files) throws IOException {
    this.service = FileSystems.getDefault().newWatchService();
    for (Path tree : trees) {
      registerTree(tree);
    }
    for (Path file : files) {
      Path folder = file.toAbsolutePath().getParent();
      if (onlyNames.containsKey(folder) || !folders.containsValue(folder)) {
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

  /** Reads the key's events, watches new folders, and says whether any event counts as a change. */
  private boolean take(WatchKey key) {
    Path folder = folders.get(key);
    boolean changed = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (folder == null || !(event.context() instanceof Path name)) {
        changed = true; // an overflow: events were lost, so assume everything changed
        continue;
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
    service.close();
  }
}
