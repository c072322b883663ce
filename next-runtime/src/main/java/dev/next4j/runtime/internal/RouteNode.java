package dev.next4j.runtime.internal;

import dev.next4j.runtime.generated.Segment;
import java.util.List;
import java.util.Map;

/**
 * One level of the route trie, immutable: the route that ends here, the static children (in an
 * open-addressing table probed with a slice of the request path, so a lookup allocates nothing),
 * and at most one child of each dynamic kind.
 *
 * <p>Routes are {@link Terminal}s, held right in the node where they end so that a match reads
 * what it answers from memory it has just touched; null means "no such route".
 */
final class RouteNode {
  /** Shared by every node without static children: one array that stays in cache. */
  private static final Object[] NO_CHILDREN = new Object[0];

  /** The route whose pattern ends at this node, {@link Terminal#RESERVED}, or null. */
  final Terminal route;
  /** The {@code [x]} child, or null. */
  final RouteNode param;
  /** The route of the {@code [...x]} child (catch-alls are always last), or null. */
  final Terminal catchAll;
  /** The route of the {@code [[...x]]} child, or null. */
  final Terminal optionalCatchAll;

  /** Open addressing: the key at {@code 2i}, its child at {@code 2i + 1}, so one probe reads one line. */
  private final Object[] table;
  private final int mask;
  private final int shift;

  RouteNode(
      Terminal route,
      Map<String, RouteNode> statics,
      RouteNode param,
      Terminal catchAll,
      Terminal optionalCatchAll) {
    this.route = route;
    this.param = param;
    this.catchAll = catchAll;
    this.optionalCatchAll = optionalCatchAll;
    // Load factor at most 1/2, so probes stay short and a miss ends at an empty slot.
    int slots = statics.isEmpty() ? 0 : Integer.highestOneBit(statics.size() * 4 - 1);
    this.table = slots == 0 ? NO_CHILDREN : new Object[2 * slots];
    this.mask = slots - 1;
    this.shift = 32 - Integer.numberOfTrailingZeros(Math.max(slots, 1));
    for (Map.Entry<String, RouteNode> entry : statics.entrySet()) {
      String key = entry.getKey();
      int slot = home(key.hashCode());
      while (table[2 * slot] != null) {
        slot = (slot + 1) & mask;
      }
      table[2 * slot] = key;
      table[2 * slot + 1] = entry.getValue();
    }
  }

  /**
   * The static child whose literal is {@code text[start, end)}, or null; {@code hash} is that
   * slice's {@link String#hashCode()}, which the caller computes while it looks for the slice's end.
   */
  RouteNode staticChild(String text, int start, int end, int hash) {
    if (table.length == 0) {
      return null;
    }
    int length = end - start;
    for (int slot = home(hash); ; slot = (slot + 1) & mask) {
      String key = (String) table[2 * slot];
      if (key == null) {
        return null;
      }
      if (key.length() == length && text.regionMatches(start, key, 0, length)) {
        return (RouteNode) table[2 * slot + 1];
      }
    }
  }

  /**
   * The first slot to probe: the top bits of the hash times the golden ratio, which scatters the
   * consecutive hashes of names like {@code post-1}, {@code post-2} instead of lining them up.
   */
  private int home(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  /** Where a route ends: its index in the list given to {@link RouteMatcher#trusted}, and its answers. */
  static final class Terminal {
    /** A reserved path: not found, and no dynamic route may take it. */
    static final Terminal RESERVED = new Terminal(-1, List.of());

    final int index;
    /** The kind of each segment, in path order (the matcher's hot path reads these arrays). */
    final Segment.Kind[] kinds;
    /** The param names in path order; shared by every match, never modified. */
    final String[] paramNames;
    final boolean hasParams;
    /** The answer when the route matches with no params (a static page, a bare optional catch-all). */
    final RouteMatcher.Result bare;

    Terminal(int index, List<Segment> segments) {
      this.index = index;
      this.kinds = new Segment.Kind[segments.size()];
      int params = 0;
      for (int i = 0; i < kinds.length; i++) {
        kinds[i] = segments.get(i).kind();
        params += segments.get(i).isParam() ? 1 : 0;
      }
      this.paramNames = new String[params];
      int param = 0;
      for (Segment segment : segments) {
        if (segment.isParam()) {
          paramNames[param++] = segment.text();
        }
      }
      this.hasParams = paramNames.length > 0;
      this.bare = new RouteMatcher.Result.Matched(index, Map.of());
    }
  }
}
