package dev.next4j.codegen;

import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.ParamsFactory;
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.Segment;
import dev.next4j.runtime.generated.TableBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Route tables made from Next.js patterns the way a build makes them: the codegen checks the
 * routes ({@link RouteValidator}) and orders them ({@link RouteOrder}), then the runtime table is
 * built through {@code dev.next4j.runtime.generated} with the segments pre-split, as generated
 * {@code Routes.table()} builds it ({@link RoutesWriter}). Tests use it to run routing cases end to
 * end: codegen authority, then the runtime's matcher.
 */
final class RouteAuthority {
  private static final Path PROJECT = Path.of("/project").toAbsolutePath();
  private static final Path PAGES = PROJECT.resolve(Site.PAGES);

  /** What serves each route of a table. */
  interface Handlers {
    Route route(PageRoute route, Segment[] segments);
  }

  private RouteAuthority() {}

  /** {@code patterns} as the codegen models them, in the given order; {@code /api/...} are API routes. */
  static List<PageRoute> routes(List<String> patterns) {
    List<PageRoute> routes = new ArrayList<>();
    for (String pattern : patterns) {
      List<RouteModel.Segment> segments = NextJsPatterns.segments(pattern);
      boolean api = !segments.isEmpty() && segments.get(0).equals(new RouteModel.Segment(RouteModel.Segment.Type.STATIC, "api"));
      String page = NextJsPatterns.pageFor(pattern);
      routes.add(new PageRoute(segments, api ? RouteModel.Kind.API : RouteModel.Kind.PAGE, "com.acme.pages.P",
          PAGES.resolve(page), Site.PAGES + "/" + page, page));
    }
    return routes;
  }

  /** Every problem the codegen finds with {@code patterns}, as {@code [code] message}; empty when valid. */
  static List<String> problems(List<String> patterns) {
    Diagnostics diagnostics = new Diagnostics(PROJECT);
    RouteValidator.validate(routes(patterns), ServerSettings.defaults(), PROJECT.resolve("pom.xml"), diagnostics);
    return diagnostics.all().stream().map(d -> "[" + d.code() + "] " + d.message()).toList();
  }

  /** {@code patterns} checked and in matching order; fails when the codegen rejects them. */
  static List<PageRoute> ordered(List<String> patterns) {
    List<String> problems = problems(patterns);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return RouteOrder.sort(routes(patterns));
  }

  /** The runtime table of {@code patterns}: checked, ordered, built through the generated entry points. */
  static RouteTable table(List<String> patterns, Handlers handlers) {
    List<Route> routes = new ArrayList<>();
    for (PageRoute route : ordered(patterns)) {
      routes.add(handlers.route(route, segments(route)));
    }
    return TableBuilder.of(routes).build();
  }

  /** A table whose pages answer with their pattern, params made by {@code params}. */
  static <P extends Record> RouteTable table(List<String> patterns, ParamsFactory<P> params, Page<P> page) {
    return table(patterns, (route, segments) -> Route.page(route.pattern(), params, page, segments));
  }

  /** The runtime segments of {@code route}, as {@link RoutesWriter} writes them. */
  static Segment[] segments(PageRoute route) {
    return route.segments().stream().map(s -> switch (RoutesWriter.segmentFactory(s)) {
      case "literal" -> Segment.literal(s.name());
      case "param" -> Segment.param(s.name());
      case "catchAll" -> Segment.catchAll(s.name());
      case "optionalCatchAll" -> Segment.optionalCatchAll(s.name());
      default -> throw new AssertionError(s);
    }).toArray(Segment[]::new);
  }
}
