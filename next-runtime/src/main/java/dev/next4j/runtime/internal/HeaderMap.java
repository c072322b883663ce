package dev.next4j.runtime.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A finished response's headers: an immutable map of a few lower-case names, in order, held in two
 * arrays and looked up by a scan. A response has a handful of headers, for which this is cheaper
 * to build and to read than a hash map (no table, no nodes, no hashing of names); it is built once
 * per response by the {@link ResponseFinisher}'s edit and never changed after. {@link #forEach} is
 * how the binding writes it; {@link #entrySet()} makes its entries as it is iterated.
 */
final class HeaderMap extends AbstractMap<String, List<String>> {
  private final String[] names;
  private final List<String>[] values;
  private final int size;

  /** Builds a map of the first {@code size} names and values; the arrays are not copied, and must not change after. */
  HeaderMap(String[] names, List<String>[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
  }

  /** The place of {@code name}, or -1. */
  private int indexOf(Object name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public List<String> get(Object name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super List<String>> action) {
    for (int i = 0; i < size; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, List<String>>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, List<String>>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, List<String>> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /**
   * The headers of a response being edited: starts as a copy of the response's own headers and
   * takes names and values set or added; {@link #build()} hands the arrays to a {@link HeaderMap}.
   */
  static final class Builder {
    private String[] names;
    private List<String>[] values;
    private int size;

    @SuppressWarnings("unchecked")
    Builder(Map<String, List<String>> headers) {
      int capacity = headers.size() + 4;
      names = new String[capacity];
      values = (List<String>[]) new List<?>[capacity];
      headers.forEach((name, list) -> {
        names[size] = name;
        values[size] = list;
        size++;
      });
    }

    /** The values of {@code name} (lower case), or null. */
    List<String> get(String name) {
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return values[i];
        }
      }
      return null;
    }

    /** Sets {@code name} (lower case) to {@code list} (immutable), in its place when it is there, else last. */
    void set(String name, List<String> list) {
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          values[i] = list;
          return;
        }
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = list;
      size++;
    }

    /** The map of what was set; the builder is not used after. */
    HeaderMap build() {
      return new HeaderMap(names, values, size);
    }
  }
}
