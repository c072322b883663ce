package dev.next4j.runtime.generated;

import dev.next4j.runtime.ApiRoute;
import dev.next4j.runtime.FormPage;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.StaticPage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One entry of a route table as generated code writes it: the pattern in Next.js syntax (for logs
 * and {@link Request#route()}), its segments already split and classified, what kind of handler
 * serves it, and the {@link ParamsFactory} that builds the handler's typed params record.
 *
 * <pre>{@code
 * Route.<BlogSlug>page("/blog/[slug]", new Params<>(1), new com.acme.pages.blog.$slug(), literal("blog"), param("slug"))
 * }</pre>
 *
 * <p>Nothing here checks the segments against the pattern: the plugin's codegen parsed, checked
 * and ordered the routes at build time (see docs/architecture.md).
 */
public final class Route {
  private final String pattern;
  private final RouteTable.Kind kind;
  private final Object handler;
  private final List<Segment> segments;
  private final ParamsFactory<?> params;
  /** A static page's listed params and their URLs, else null. */
  private final StaticPaths<?> staticPaths;
  /** A {@link FormPage}: it answers POST too. */
  private final boolean post;

  private Route(String pattern, RouteTable.Kind kind, Object handler, Segment[] segments, ParamsFactory<?> params,
      StaticPaths<?> staticPaths) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.kind = kind;
    this.handler = handler;
    this.segments = List.of(segments);
    this.params = params;
    this.staticPaths = staticPaths;
    this.post = handler instanceof FormPage;
  }

  /**
   * A page served per request; a {@link FormPage} also answers POST, with its {@code post}. (The
   * generated table writes every page this way; which of the two it is shows here, where the page
   * object is, not in the generated code.)
   */
  public static <P extends Record> Route page(String pattern, ParamsFactory<P> params, Page<P> page, Segment... segments) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(page, "page");
    return new Route(pattern, RouteTable.Kind.PAGE, page, segments, params, null);
  }

  /** An API route, answering every method. */
  public static <P extends Record> Route api(String pattern, ParamsFactory<P> params, ApiRoute<P> api, Segment... segments) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(api, "api");
    return new Route(pattern, RouteTable.Kind.API, api, segments, params, null);
  }

  /**
   * A static page. {@code href} gives the URL of a params record (the generated record's {@code
   * href()}, base path included), which turns the records of {@link StaticPage#paths()} into the
   * paths to prerender.
   */
  public static <P extends Record> Route staticPage(
      String pattern, ParamsFactory<P> params, Function<P, String> href, StaticPage<P> page, Segment... segments) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(href, "href");
    Objects.requireNonNull(page, "page");
    return new Route(
        pattern, RouteTable.Kind.STATIC_PAGE, page, segments, params, new StaticPaths<>(pattern, page, href));
  }

  /** The pattern in Next.js syntax, e.g. {@code /docs/[...path]}. */
  public String pattern() {
    return pattern;
  }

  public RouteTable.Kind kind() {
    return kind;
  }

  /** The segments, in path order; empty for {@code /}. */
  public List<Segment> segments() {
    return segments;
  }

  /**
   * The static page of this route, when it is one ({@link RouteTable.Kind#STATIC_PAGE}); the
   * runtime reads its {@link StaticPage#revalidate()} and {@link StaticPage#fallback()}.
   */
  public Optional<StaticPage<?>> staticPage() {
    return kind == RouteTable.Kind.STATIC_PAGE ? Optional.of((StaticPage<?>) handler) : Optional.empty();
  }

  /**
   * The URLs of the params a static page lists in {@link StaticPage#paths()}: each record's {@code
   * href()}, so with the base path, and a trailing slash when {@code trailingSlash} is on. Calls
   * the page; empty for other routes (and for a static page without params, whose one path is its
   * segments).
   */
  public List<String> staticPaths() throws Exception {
    return staticPaths == null ? List.of() : staticPaths.list();
  }

  /**
   * On a site with i18n, the URLs and locales a static page lists in {@link
   * StaticPage#localePaths}, each URL its record's {@code href()} (without a locale prefix). Calls
   * the page; empty for other routes.
   */
  public List<LocaleHref> staticPaths(List<String> locales, String defaultLocale) throws Exception {
    return staticPaths == null ? List.of() : staticPaths.list(locales, defaultLocale);
  }

  /** A URL a static page is prerendered at ({@code href()} of its record), and the locale to render it in. */
  public record LocaleHref(String href, String locale) {}

  /** The page, API route or static page object that serves this route. */
  public Object handler() {
    return handler;
  }

  /** Whether this route answers {@code method} (upper case). */
  public boolean allows(String method) {
    return kind == RouteTable.Kind.API || method.equals("GET") || method.equals("HEAD") || post && method.equals("POST");
  }

  /** The methods a page answers, for a 405's {@code Allow} header. */
  public String allowHeader() {
    return kind == RouteTable.Kind.API ? "*" : post ? "GET, HEAD, POST" : "GET, HEAD";
  }

  /**
   * Serves {@code routed}, a request already routed to this route (see {@link
   * Request#withRoute}); exceptions from the page pass through.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Response respond(Request routed) throws Exception {
    // Called by kind here rather than through a lambda made per route kind, each of which would
    // cost a hidden class at startup; the factories checked the handler's type.
    Record typed = params.params(routed);
    if (kind == RouteTable.Kind.PAGE) {
      if (post && routed.method().equals("POST")) {
        return ((FormPage) handler).post(routed, typed);
      }
      return ((Page) handler).render(routed, typed);
    }
    if (kind == RouteTable.Kind.API) {
      return ((ApiRoute) handler).handle(routed, typed);
    }
    // A request without a locale is one of a site without i18n (request.locale() is then "").
    return routed.locale().isEmpty()
        ? ((StaticPage) handler).render(typed)
        : ((StaticPage) handler).render(typed, routed.locale());
  }

  @Override
  public String toString() {
    return kind + " " + pattern;
  }

  /** A static page's listed params, turned into URLs by its records' {@code href()}. */
  private record StaticPaths<P extends Record>(String pattern, StaticPage<P> page, Function<P, String> href) {
    List<String> list() throws Exception {
      List<P> listed = page.paths();
      if (listed == null) {
        throw new IllegalStateException("StaticPage " + pattern + " returned no paths (null); return List.of()");
      }
      return listed.stream().map(p -> href.apply(Objects.requireNonNull(p, "a params record in paths()"))).toList();
    }

    List<LocaleHref> list(List<String> locales, String defaultLocale) throws Exception {
      List<StaticPage.LocalePath<P>> listed = page.localePaths(List.copyOf(locales), defaultLocale);
      if (listed == null) {
        throw new IllegalStateException("StaticPage " + pattern + " returned no locale paths (null); return List.of()");
      }
      return listed.stream()
          .map(p -> new LocaleHref(href.apply(Objects.requireNonNull(p, "an entry of localePaths()").params()), p.locale()))
          .toList();
    }
  }
}
