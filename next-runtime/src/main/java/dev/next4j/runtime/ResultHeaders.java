package dev.next4j.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The header maps of {@link Middleware.Result}s: lower-case names in insertion order, checked as {@link Response} checks them. */
final class ResultHeaders {
  private ResultHeaders() {}

  static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      if (values.isEmpty()) {
        throw new IllegalArgumentException("header " + name + " has no value");
      }
      for (String value : values) {
        Response.checkHeader(name, value);
      }
      copy.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return List.copyOf(both);
      });
    });
    return Collections.unmodifiableMap(copy);
  }

  static Map<String, String> copyRequest(Map<String, String> headers) {
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      Response.checkHeader(name, value);
      copy.put(name.toLowerCase(Locale.ROOT), value);
    });
    return Collections.unmodifiableMap(copy);
  }

  static Map<String, List<String>> with(Map<String, List<String>> headers, String name, String value, boolean replace) {
    Response.checkHeader(name, value);
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    String key = name.toLowerCase(Locale.ROOT);
    List<String> values = replace ? new ArrayList<>() : new ArrayList<>(copy.getOrDefault(key, List.of()));
    values.add(value);
    copy.put(key, List.copyOf(values));
    return copy;
  }

  static Map<String, String> withRequest(Map<String, String> headers, String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return copy;
  }

  /** {@code headers} without {@code name}, in any case. */
  static Map<String, String> withoutRequest(Map<String, String> headers, String name) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.remove(name.toLowerCase(Locale.ROOT));
    return copy;
  }

  /**
   * The removed request-header names, lower-cased and checked as names; one that {@code
   * requestHeaders} also sets is refused, as the result could not say which wins.
   */
  static Set<String> copyRemoved(Set<String> removed, Map<String, String> requestHeaders) {
    Set<String> copy = new LinkedHashSet<>();
    for (String name : removed) {
      Response.checkHeader(name, "");
      String lower = name.toLowerCase(Locale.ROOT);
      if (requestHeaders.containsKey(lower)) {
        throw new IllegalArgumentException("request header " + name + " is both set and removed");
      }
      copy.add(lower);
    }
    return Collections.unmodifiableSet(copy);
  }

  /** {@code removed} with {@code name} added. */
  static Set<String> removed(Set<String> removed, String name) {
    Set<String> copy = new LinkedHashSet<>(removed);
    copy.add(name.toLowerCase(Locale.ROOT));
    return copy;
  }

  /** {@code removed} without {@code name}, which is being set again. */
  static Set<String> withoutRemoved(Set<String> removed, String name) {
    if (removed.isEmpty()) {
      return removed;
    }
    Set<String> copy = new LinkedHashSet<>(removed);
    copy.remove(name.toLowerCase(Locale.ROOT));
    return copy;
  }
}
