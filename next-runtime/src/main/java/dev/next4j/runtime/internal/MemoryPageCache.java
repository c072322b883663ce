package dev.next4j.runtime.internal;

import dev.next4j.runtime.PageCache;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PageCache#inMemory()}: a concurrent map from path to entry. */
public final class MemoryPageCache implements PageCache {
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<Entry> get(String path) {
    return Optional.ofNullable(entries.get(path));
  }

  @Override
  public void put(String path, Entry entry) {
    entries.put(path, entry);
  }

  @Override
  public void invalidate(String path) {
    entries.remove(path);
  }

  @Override
  public String toString() {
    return "PageCache.inMemory(" + entries.size() + " pages)";
  }
}
