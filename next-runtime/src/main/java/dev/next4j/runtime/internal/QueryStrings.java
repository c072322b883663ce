package dev.next4j.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code application/x-www-form-urlencoded} query strings. */
public final class QueryStrings {
  private QueryStrings() {}

  /**
   * Parses {@code a=1&b=2&a=3} into {@code {a=[1, 3], b=[2]}}. {@code +} is a space; a malformed
   * escape is kept as written, since the query is the page's business, not the router's.
   */
  public static Map<String, List<String>> parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    result.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(result);
  }

  private static String decode(String text) {
    String plus = text.replace('+', ' ');
    String decoded = PercentDecoder.decode(plus);
    return decoded == null ? plus : decoded;
  }
}
