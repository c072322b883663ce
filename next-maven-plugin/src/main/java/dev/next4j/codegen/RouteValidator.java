package dev.next4j.codegen;

import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.codegen.RouteModel.Segment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Rejects what Next.js's route sorter rejects, and two files for one route (which Next.js only
 * warns about), reporting every problem rather than the first:
 *
 * <ul>
 *   <li>{@code next.duplicate-route}: {@code About.java} and {@code about/Index.java};
 *   <li>{@code next.param-name-conflict}: {@code $id.java} and {@code $slug/Edit.java} at one level;
 *   <li>{@code next.param-name-repeated}: {@code $id/$$id.java};
 *   <li>{@code next.catch-all-not-last}: {@code $$path/Edit.java};
 *   <li>{@code next.catch-all-and-optional}: {@code $$a.java} beside {@code $$$b.java};
 *   <li>{@code next.optional-catch-all-conflict}: {@code shop/Index.java} beside {@code shop/$$$path.java};
 *   <li>{@code next.invalid-base-path}: a {@code <basePath>} that is not a path prefix;
 *   <li>{@code next.invalid-body-size-limit}: a negative {@code <bodySizeLimit>}.
 * </ul>
 *
 * <p>Like Next.js it inserts each route into a trie of segments, where a level holds one name for
 * each kind of parameter. Pages are visited in file order, so the first file to name a level's
 * parameter is the one a conflict is measured against.
 */
final class RouteValidator {
  private static final Pattern BASE_PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

  private RouteValidator() {}

  /** Reports every problem with {@code routes} and {@code settings}. */
  static void validate(List<PageRoute> routes, ServerSettings settings, Path pom, Diagnostics diagnostics) {
    List<PageRoute> inFileOrder = new ArrayList<>(routes);
    inFileOrder.sort(Comparator.comparing(PageRoute::page).thenComparing(PageRoute::source));
    reportDuplicates(inFileOrder, diagnostics);
    Node root = new Node("/");
    for (PageRoute route : inFileOrder) {
      if (isWellFormed(route, diagnostics)) {
        root.insert(route, diagnostics);
      }
    }
    root.reportCatchAllConflicts(diagnostics);
    validateBasePath(settings.basePath(), pom, diagnostics);
    if (settings.bodySizeLimit() < 0) {
      diagnostics.report(pom, Messages.negativeBodySizeLimit(settings.bodySizeLimit()));
    }
  }

  private static void reportDuplicates(List<PageRoute> inFileOrder, Diagnostics diagnostics) {
    Map<String, PageRoute> first = new LinkedHashMap<>();
    for (PageRoute route : inFileOrder) {
      PageRoute earlier = first.putIfAbsent(route.pattern(), route);
      if (earlier != null) {
        diagnostics.report(route.file(), Messages.duplicateRoute(earlier.page(), route.page(), route.pattern()));
      }
    }
  }

  /** Whether catch-alls come last and no parameter name repeats; reports what is wrong. */
  private static boolean isWellFormed(PageRoute route, Diagnostics diagnostics) {
    List<Segment> segments = route.segments();
    for (int i = 0; i < segments.size() - 1; i++) {
      if (segments.get(i).isCatchAll()) {
        String catchAll = String.join("/", List.of(route.page().split("/")).subList(0, i + 1));
        diagnostics.report(route.file(), Messages.catchAllNotLast(route.page(), catchAll, route.pattern()));
        return false;
      }
    }
    Set<String> names = new HashSet<>();
    for (Segment segment : route.params()) {
      if (!names.add(segment.name())) {
        diagnostics.report(route.file(), Messages.paramNameRepeated(route.page(), segment.name(), route.pattern()));
        return false;
      }
    }
    return true;
  }

  private static void validateBasePath(String basePath, Path pom, Diagnostics diagnostics) {
    if (basePath.isEmpty()) {
      return;
    }
    if (!basePath.startsWith("/")) {
      diagnostics.report(pom, Messages.basePathNoLeadingSlash(basePath));
    } else if (basePath.endsWith("/")) {
      diagnostics.report(pom, Messages.basePathTrailingSlash(basePath));
    } else {
      for (String segment : basePath.substring(1).split("/", -1)) {
        if (!BASE_PATH_SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
          diagnostics.report(pom, Messages.basePathNotPlain(basePath));
          return;
        }
      }
    }
  }

  /** A level of the route trie: its own page, static children, and one slot per parameter kind. */
  private static final class Node {
    final String pattern;
    final Map<String, Node> statics = new TreeMap<>();
    final Map<Segment.Type, Slot> params = new EnumMap<>(Segment.Type.class);
    /** Conflicting names already reported here: a folder's name conflicts once, not once per page in it. */
    final Set<String> reportedConflicts = new HashSet<>();
    PageRoute page;

    Node(String pattern) {
      this.pattern = pattern;
    }

    /** A parameter level: its name, the first page that named it, and what lies below it. */
    record Slot(String name, PageRoute namedBy, Node child) {}

    void insert(PageRoute route, Diagnostics diagnostics) {
      Node node = this;
      for (Segment segment : route.segments()) {
        Node parent = node;
        if (segment.type() == Segment.Type.STATIC) {
          node = node.statics.computeIfAbsent(segment.name(), name -> new Node(parent.below(segment)));
          continue;
        }
        Slot slot = node.params.computeIfAbsent(segment.type(),
            type -> new Slot(segment.name(), route, new Node(parent.below(segment))));
        if (!slot.name().equals(segment.name())) {
          if (node.reportedConflicts.add(segment.pattern())) {
            diagnostics.report(route.file(),
                Messages.paramNameConflict(slot.namedBy().page(), route.page(), slot.name(), segment.name()));
          }
          return;
        }
        node = slot.child();
      }
      if (node.page == null) {
        node.page = route;
      }
    }

    /** The pattern of the node {@code segment} leads to from this one. */
    String below(Segment segment) {
      return pattern.equals("/") ? "/" + segment.pattern() : pattern + "/" + segment.pattern();
    }

    void reportCatchAllConflicts(Diagnostics diagnostics) {
      Slot required = params.get(Segment.Type.CATCH_ALL);
      Slot optional = params.get(Segment.Type.OPTIONAL_CATCH_ALL);
      if (required != null && optional != null) {
        PageRoute later = required.namedBy().page().compareTo(optional.namedBy().page()) > 0
            ? required.namedBy() : optional.namedBy();
        diagnostics.report(later.file(), Messages.catchAllAndOptional(
            required.namedBy().page(), optional.namedBy().page(), required.child().pattern, optional.child().pattern, pattern));
      }
      if (page != null && optional != null) {
        diagnostics.report(page.file(),
            Messages.optionalCatchAllConflict(page.page(), optional.namedBy().page(), pattern));
      }
      statics.values().forEach(child -> child.reportCatchAllConflicts(diagnostics));
      params.values().forEach(slot -> slot.child().reportCatchAllConflicts(diagnostics));
    }
  }
}
