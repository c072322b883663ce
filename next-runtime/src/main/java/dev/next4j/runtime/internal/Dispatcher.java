package dev.next4j.runtime.internal;

import dev.next4j.runtime.App;
import dev.next4j.runtime.ErrorPage;
import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.Match;
import dev.next4j.runtime.generated.Route;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The request pipeline without HTTP, in Next.js order: slash normalisation ({@code //}, {@code \}
 * → 308), the base path (404 outside it), the trailing-slash 308s, {@code _Middleware}, public
 * files, routes (405 with {@code Allow}, 400 for a malformed escape, 404), the page (a static page
 * from its stored bytes, see {@link StaticPages}), {@code _App} around it, and the error pages. Every response leaves through the {@link ResponseFinisher}.
 */
final class Dispatcher {
  /** Special pages that are never routable, whatever the table holds (Next.js's blocked pages). */
  private static final Set<String> BLOCKED = Set.of("/_app", "/_error", "/_document", "/_middleware");

  private final NextConfig config;
  private final boolean showErrors;
  private final PublicFiles publicFiles;
  private final ResponseFinisher finisher;
  private final StaticPages staticPages;

  /**
   * {@code showErrors}: whether clients see exceptions (dev mode, not quiet). {@code staticPages}:
   * where static pages are served from without rendering them; null renders them per request (dev mode).
   */
  Dispatcher(NextConfig config, boolean showErrors, PublicFiles publicFiles, ResponseFinisher finisher,
      StaticPages staticPages) {
    this.config = config;
    this.showErrors = showErrors;
    this.publicFiles = publicFiles;
    this.finisher = finisher;
    this.staticPages = staticPages;
  }

  /** Serves {@code request}, as a client sent it, with {@code table}. */
  Response dispatch(Request request, RouteTable table) {
    String path = request.path();
    String clean = UrlRules.cleanSlashes(path);
    if (clean != null) {
      return finish(request, redirect(clean, request.rawQuery()), false);
    }
    String appPath = UrlRules.stripBasePath(path, config.basePath());
    if (appPath == null) {
      return finish(request, errorPage(request, 404, table), false);
    }
    String target = UrlRules.trailingSlashTarget(path, appPath, config.trailingSlash());
    if (target != null) {
      return finish(request, redirect(target, request.rawQuery()), false);
    }
    Request inApp = config.basePath().isEmpty() ? request : request.withTarget(withQuery(appPath, request.rawQuery()));
    return afterRedirects(inApp, table);
  }

  /**
   * Serves {@code request}, whose path is already a path inside the app (a custom server's {@code
   * render}): middleware and routing run, the redirects for the URL's shape do not.
   */
  Response render(Request request, RouteTable table) {
    return afterRedirects(request, table);
  }

  /** The 404 page for {@code request}, finished. */
  Response notFound(Request request, RouteTable table) {
    return finish(request, errorPage(request, 404, table), false);
  }

  /** The 500 page for {@code request}, which failed with {@code error} (logged here), finished. */
  Response failed(Request request, Throwable error, RouteTable table) {
    return finish(request, failure(request, error, table), false);
  }

  /** Finishes {@code response}, made outside the pipeline (a host's answer), for {@code request}. */
  Response finish(Request request, Response response) {
    return finish(request, response, false);
  }

  private Response afterRedirects(Request request, RouteTable table) {
    Request routed = request;
    Map<String, String> headers = Map.of();
    Optional<Middleware> middleware = table.routing().middleware();
    if (middleware.isPresent()) {
      Middleware.Result result;
      try {
        result = middleware.get().handle(request);
        if (result == null) {
          throw new IllegalStateException("_Middleware returned no result (null); return Middleware.next()");
        }
      } catch (Exception | LinkageError | StackOverflowError e) {
        return finish(request, failure(request, e, table), false);
      }
      if (result instanceof Middleware.Result.Respond respond) {
        return finish(request, respond.response(), false);
      }
      if (result instanceof Middleware.Result.Rewrite rewrite) {
        routed = request.withTarget(rewrite.target());
        headers = rewrite.headers();
      } else {
        headers = ((Middleware.Result.Next) result).headers();
      }
    }
    Outcome outcome = resolve(routed, table);
    return finisher.finish(routed, outcome.response(), outcome.page(), headers);
  }

  private Outcome resolve(Request request, RouteTable table) {
    String path = UrlRules.routingPath(request.path());
    if (BLOCKED.contains(path)) {
      return new Outcome(errorPage(request, 404, table), false);
    }
    if (path.equals("/404")) {
      return new Outcome(errorPage(request, 404, table), false);
    }
    if (path.equals("/500")) {
      return new Outcome(errorPage(request, 500, table), false);
    }
    Optional<Response> file = publicFiles.find(request, path);
    if (file.isPresent()) {
      return new Outcome(file.get(), true);
    }
    Match match = table.routing().match(request.method(), path);
    if (match instanceof Match.Found found) {
      return render(found.route(), request.withRoute(found.route().pattern(), found.params()), table);
    }
    if (match instanceof Match.MethodNotAllowed notAllowed) {
      return new Outcome(ErrorPages.plain(405).withHeader("Allow", notAllowed.allow()), false);
    }
    if (match instanceof Match.BadRequest) {
      return new Outcome(ErrorPages.plain(400), false);
    }
    return new Outcome(errorPage(request, 404, table), false);
  }

  private Outcome render(Route route, Request routed, RouteTable table) {
    boolean page = route.kind() != RouteTable.Kind.API;
    try {
      if (staticPages != null && route.kind() == RouteTable.Kind.STATIC_PAGE) {
        // Stored bytes, already wrapped by _App when they were rendered; empty is fallback NOT_FOUND.
        Optional<Response> stored = staticPages.serve(route, routed, UrlRules.routingPath(routed.path()), table);
        return stored.map(r -> new Outcome(r, true)).orElseGet(() -> new Outcome(errorPage(routed, 404, table), false));
      }
      Response response = route.respond(routed);
      if (response == null) {
        throw new IllegalStateException(route.kind() + " " + route.pattern() + " returned no response (null)");
      }
      return new Outcome(page ? wrap(table, routed, response) : response, page);
    } catch (Exception | LinkageError | StackOverflowError e) {
      return new Outcome(failure(routed, e, table), false);
    }
  }

  /** {@code response} wrapped by {@code _App}, when the table has one. */
  static Response wrap(RouteTable table, Request request, Response response) throws Exception {
    Optional<App> app = table.routing().app();
    if (app.isEmpty()) {
      return response;
    }
    Response wrapped = app.get().wrap(request, response);
    if (wrapped == null) {
      throw new IllegalStateException("_App returned no response (null) from wrap()");
    }
    return wrapped;
  }

  private Response failure(Request request, Throwable error, RouteTable table) {
    String where = request.route().isEmpty() ? "" : " in " + request.route();
    Logs.LOG.log(Level.ERROR, request.method() + " " + request.path() + " failed" + where, error);
    if (showErrors) {
      return ErrorPages.details(request, error);
    }
    return errorPage(request, 500, table);
  }

  /**
   * The page for {@code status}: the table's {@code _404} or {@code _500} (wrapped by {@code _App})
   * with that status whatever it returned, or the built-in page when there is none or it fails.
   */
  private static Response errorPage(Request request, int status, RouteTable table) {
    Optional<ErrorPage> custom =
        status == 404 ? table.routing().notFound() : status == 500 ? table.routing().error() : Optional.empty();
    if (custom.isPresent()) {
      try {
        Response page = custom.get().render(request, status);
        if (page == null) {
          throw new IllegalStateException("the _" + status + " page returned no response (null)");
        }
        return wrap(table, request, page).withStatus(status);
      } catch (Exception | LinkageError | StackOverflowError e) {
        Logs.LOG.log(Level.ERROR, "the _" + status + " page failed for " + request.method() + " " + request.path()
            + "; answering with the built-in page", e);
      }
    }
    return ErrorPages.plain(status);
  }

  private Response finish(Request request, Response response, boolean page) {
    return finisher.finish(request, response, page, Map.of());
  }

  /** A 308 to {@code path} with {@code rawQuery} kept; the body is the new URL, as in Next.js. */
  private static Response redirect(String path, String rawQuery) {
    String location = withQuery(path, rawQuery);
    return Response.redirect(308, location)
        .withBody(location)
        .withHeader("Content-Type", "text/plain; charset=utf-8");
  }

  private static String withQuery(String path, String rawQuery) {
    return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
  }

  /** A response and whether a page made it (pages get ETags). */
  private record Outcome(Response response, boolean page) {}
}
