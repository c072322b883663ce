package dev.next4j.runtime.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The params of one match, in path order: an unmodifiable map over the route's shared name array
 * and one array of values, so a match allocates only what it found. Values are {@code String} for
 * {@code [x]} and {@code List<String>} for catch-alls; an optional catch-all that matched its bare
 * path has no entry.
 */
final class RouteParams extends AbstractMap<String, Object> {
  private final String[] names;
  private final Object[] values;
  private final int size;

  /** The first {@code size} of {@code names} with {@code values}; neither array is copied. */
  RouteParams(String[] names, Object[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
  }

  @Override
  public Object get(Object name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
