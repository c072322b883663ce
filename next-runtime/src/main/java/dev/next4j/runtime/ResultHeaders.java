package dev.next4j.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
}
