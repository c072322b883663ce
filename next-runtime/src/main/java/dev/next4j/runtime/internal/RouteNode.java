package dev.next4j.runtime.internal;

import java.util.Map;
import java.util.SortedMap;

/**
 * One level of the route trie, immutable: the route that ends here, the static children (in an
 * open-addressing table probed with a slice of the request path, so a lookup allocates nothing),
 * and at most one child of each dynamic kind.
 *
 * <p>The indices are positions in the list given to {@link RouteMatcher#of}; {@link
 * RouteMatcher#NONE} means "no such route", {@link RouteMatcher#RESERVED} a reserved path.
 */
final class RouteNode {
  /** The route whose pattern ends at this node, or NONE/RESERVED. */
  final int route;
  /** The {@code [x]} child, or null. */
  final RouteNode param;
  /** The route of the {@code [...x]} child (catch-alls are always last), or NONE. */
  final int catchAll;
  /** The route of the {@code [[...x]]} child, or NONE. */
  final int optionalCatchAll;

  private final String[] keys;
  private final RouteNode[] children;
  private final int mask;

  RouteNode(
      int route, SortedMap<String, RouteNode> statics, RouteNode param, int catchAll, int optionalCatchAll) {
    this.route = route;
    this.param = param;
    this.catchAll = catchAll;
    this.optionalCatchAll = optionalCatchAll;
    // Load factor at most 1/2, so probes stay short and a miss ends at an empty slot.
    int size = statics.isEmpty() ? 0 : Integer.highestOneBit(statics.size() * 4 - 1);
    this.keys = new String[size];
    this.children = new RouteNode[size];
    this.mask = size - 1;
    for (Map.Entry<String, RouteNode> entry : statics.entrySet()) {
      String key = entry.getKey();
      int slot = spread(key.hashCode()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      children[slot] = entry.getValue();
    }
  }

  /** The static child whose literal is {@code text[start, end)}, or null. */
  RouteNode staticChild(String text, int start, int end) {
    if (keys.length == 0) {
      return null;
    }
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i); // String.hashCode of the slice
    }
    int length = end - start;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key == null) {
        return null;
      }
      if (key.length() == length && text.regionMatches(start, key, 0, length)) {
        return children[slot];
      }
    }
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
