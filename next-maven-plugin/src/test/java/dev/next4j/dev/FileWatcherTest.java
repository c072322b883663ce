package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTest {
  @TempDir Path dir;

  @Test
  void aBurstOfSavesIsOneChangeAndTheSnapshotsTellWhatChanged() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("A.java"), "a");
    Files.writeString(src.resolve("Gone.java"), "gone");
    Snapshot before = Snapshot.take(List.of(src), List.of());
    AtomicInteger starts = new AtomicInteger();
    try (FileWatcher watcher = new FileWatcher(List.of(src), List.of())) {
      CompletableFuture<Boolean> change = CompletableFuture.supplyAsync(
          () -> await(watcher, Duration.ofMillis(200), starts));
      for (int i = 0; i < 5; i++) {
        Files.writeString(src.resolve("A.java"), "a" + i);
        Thread.sleep(20);
      }
      Files.writeString(src.resolve("B.java"), "b");
      Files.delete(src.resolve("Gone.java"));

      assertThat(change.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(starts).hasValue(1);
      Snapshot.Changes changes = before.changesTo(Snapshot.take(List.of(src), List.of()));
      assertThat(changes.created()).containsExactly(src.resolve("B.java"));
      assertThat(changes.modified()).containsExactly(src.resolve("A.java"));
      assertThat(changes.deleted()).containsExactly(src.resolve("Gone.java"));
    }
  }

  @Test
  void aFolderCreatedLaterIsWatchedToo() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    try (FileWatcher watcher = new FileWatcher(List.of(src), List.of())) {
      Path blog = Files.createDirectories(src.resolve("blog"));
      assertThat(watcher.awaitChange(Duration.ofMillis(100), () -> { })).isTrue();

      CompletableFuture<Boolean> change = CompletableFuture.supplyAsync(
          () -> await(watcher, Duration.ofMillis(50), new AtomicInteger()));
      Files.writeString(blog.resolve("Post.java"), "post");

      assertThat(change.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void scratchFilesOfEditorsAreNoChange() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    try (FileWatcher watcher = new FileWatcher(List.of(src), List.of(dir.resolve("pom.xml")))) {
      CompletableFuture<Boolean> change = CompletableFuture.supplyAsync(
          () -> await(watcher, Duration.ofMillis(50), new AtomicInteger()));
      Files.writeString(src.resolve(".Index.java.swp"), "x");
      Files.writeString(src.resolve("Index.java~"), "x");
      Files.writeString(dir.resolve("README.md"), "not watched");
      Thread.sleep(500);
      assertThat(change).isNotDone();

      Files.writeString(dir.resolve("pom.xml"), "<project/>");

      assertThat(change.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void withoutANativeWatchServiceSnapshotsAreComparedInstead() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("A.java"), "a");
    AtomicInteger starts = new AtomicInteger();
    try (FileWatcher watcher = new FileWatcher(List.of(src), List.of(), true)) {
      CompletableFuture<Boolean> change = CompletableFuture.supplyAsync(
          () -> await(watcher, Duration.ofMillis(50), starts));
      Files.writeString(src.resolve(".A.java.swp"), "scratch");
      Thread.sleep(400);
      assertThat(change).isNotDone();

      Files.createDirectories(src.resolve("blog"));
      Files.writeString(src.resolve("blog/Post.java"), "post");
      Files.writeString(src.resolve("A.java"), "a, longer");

      assertThat(change.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(starts).hasValue(1);
    }
  }

  @ParameterizedTest(name = "polling: {0}")
  @ValueSource(booleans = {false, true})
  void closingEndsTheWait(boolean poll) throws Exception {
    FileWatcher watcher = new FileWatcher(List.of(dir), List.of(), poll);
    CompletableFuture<Boolean> change = CompletableFuture.supplyAsync(
        () -> await(watcher, Duration.ofMillis(50), new AtomicInteger()));
    Thread.sleep(100);

    watcher.close();

    assertThat(change.get(5, TimeUnit.SECONDS)).isFalse();
  }

  private static boolean await(FileWatcher watcher, Duration quiet, AtomicInteger starts) {
    try {
      return watcher.awaitChange(quiet, starts::incrementAndGet);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
