package dev.next4j.runtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches URL paths against route patterns in Next.js syntax, given in Next.js order.
 *
 * <p>FIRST CUT: a linear scan in table order, correct but O(routes); to be replaced by a trie.
 */
public final class RouteMatcher {
  private final List<String[]> patterns;

  private RouteMatcher(List<String[]> patterns) {
    this.patterns = patterns;
  }

  public static RouteMatcher of(List<String> patterns) {
    List<String[]> split = new ArrayList<>();
    for (String pattern : patterns) {
      split.add(Arrays.stream(pattern.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new));
    }
    return new RouteMatcher(split);
  }

  public Result match(String path) {
    String[] parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    for (int index = 0; index < patterns.size(); index++) {
      String[] pattern = patterns.get(index);
      Map<String, Object> params = new LinkedHashMap<>();
      boolean ok = true;
      int i = 0;
      for (; i < pattern.length && ok; i++) {
        String seg = pattern[i];
        if (seg.startsWith("[[...")) {
          List<String> rest = new ArrayList<>();
          for (int j = i; j < parts.length; j++) {
            String d = PercentDecoder.decode(parts[j]);
            if (d == null) return Result.BAD_ENCODING;
            rest.add(d);
          }
          if (!rest.isEmpty()) params.put(seg.substring(5, seg.length() - 2), List.copyOf(rest));
          i = parts.length;
          return new Result.Matched(index, params);
        } else if (seg.startsWith("[...")) {
          if (i >= parts.length) { ok = false; break; }
          List<String> rest = new ArrayList<>();
          for (int j = i; j < parts.length; j++) {
            String d = PercentDecoder.decode(parts[j]);
            if (d == null) return Result.BAD_ENCODING;
            rest.add(d);
          }
          params.put(seg.substring(4, seg.length() - 1), List.copyOf(rest));
          return new Result.Matched(index, params);
        } else if (seg.startsWith("[")) {
          if (i >= parts.length) { ok = false; break; }
          String d = PercentDecoder.decode(parts[i]);
          if (d == null) return Result.BAD_ENCODING;
          params.put(seg.substring(1, seg.length() - 1), d);
        } else {
          ok = i < parts.length && seg.equals(parts[i]);
        }
      }
      if (ok && i == parts.length) {
        return new Result.Matched(index, params);
      }
    }
    return Result.NOT_FOUND;
  }

  /** The outcome of a match. */
  public sealed interface Result {
    Result NOT_FOUND = new Miss();
    Result BAD_ENCODING = new Miss();

    record Matched(int index, Map<String, Object> params) implements Result {}

    final class Miss implements Result {
      private Miss() {}
    }
  }
}
