package dev.next4j.runtime.internal;

import dev.next4j.runtime.App;
import dev.next4j.runtime.ErrorPage;
import dev.next4j.runtime.HttpException;
import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.Match;
import dev.next4j.runtime.generated.Route;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The request pipeline without HTTP, in Next.js order: slash normalisation ({@code //}, {@code \}
 * → 308), the headers rules (their headers go on whatever answers), the trailing-slash 308s, the
 * redirect rules, the base path (404 outside it), the i18n step ({@link LocaleRouting}: locale
 * prefix stripped, or the detection redirect from {@code /}), {@code _Middleware}, the {@code beforeFiles}
 * rewrites, files ({@code public/} and pages without params), the {@code afterFiles} rewrites
 * (each followed by a look at files and all routes), dynamic routes, the {@code fallback} rewrites
 * (likewise), 404; a route can also answer 405 with {@code Allow} or 400 for a malformed escape.
 * The page renders with {@code _App} around it (a static page from its stored bytes, see {@link
 * StaticPages}), and every response leaves through the {@link
 * ResponseFinisher}.
 */
final class Dispatcher {
  /** Special pages that are never routable, whatever the table holds (Next.js's blocked pages). */
  private static final Set<String> BLOCKED = Set.of("/_app", "/_error", "/_document", "/_middleware");

  private final NextConfig config;
  private final boolean showErrors;
  private final PublicFiles publicFiles;
  private final ResponseFinisher finisher;
  private final StaticPages staticPages;
  private final CustomRoutes rules;
  /** i18n sub-path routing; null without an i18n config. */
  private final LocaleRouting locales;

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
    this.rules = CustomRoutes.compile(config.rules(), config.basePath(), config.caseSensitiveRoutes(),
        config.i18n().orElse(null), config.trailingSlash());
    this.locales = config.i18n().isPresent() ? new LocaleRouting(config.i18n().get(), config) : null;
  }

  /** Serves {@code request}, as a client sent it, with {@code table}. */
  Response dispatch(Request request, RouteTable table) {
    String path = request.path();
    String clean = UrlRules.cleanSlashes(path);
    if (clean != null) {
      return finish(request, redirect(clean, request.rawQuery()), false);
    }
    // Under i18n the rules see the path with its locale prefix, the default locale's when it has none.
    String rulePath = locales == null || rules.isEmpty() ? path : locales.rulePath(request);
    Map<String, List<String>> ruleHeaders = rules.headers(request, rulePath);
    String appPath = UrlRules.stripBasePath(path, config.basePath());
    String target = appPath == null || config.skipTrailingSlashRedirect()
        ? null
        : UrlRules.trailingSlashTarget(path, appPath, config.trailingSlash());
    if (target != null) {
      return withHeaders(finish(request, redirect(target, request.rawQuery()), false), ruleHeaders);
    }
    Optional<Response> redirect = rules.redirect(request, rulePath);
    if (redirect.isPresent()) {
      return withHeaders(finish(request, redirect.get(), false), ruleHeaders);
    }
    if (appPath == null) {
      return withHeaders(finish(request, errorPage(request, 404, table), false), ruleHeaders);
    }
    Request inApp = config.basePath().isEmpty() ? request : request.withTarget(withQuery(appPath, request.rawQuery()));
    boolean localePrefixed = false;
    if (locales != null) {
      LocaleRouting.Outcome localised = locales.route(inApp);
      if (localised.redirect() != null) {
        return withHeaders(finish(request, localised.redirect(), false), ruleHeaders);
      }
      inApp = localised.request();
      localePrefixed = localised.prefixed();
    }
    return withHeaders(afterRedirects(inApp, table, rulePath, localePrefixed), ruleHeaders);
  }

  /**
   * Serves {@code request}, whose path is already a path inside the app (a custom server's {@code
   * render}): the i18n step (locale prefix stripped, {@code request.locale()} set, the detection
   * redirect from {@code /}), middleware, rewrites and routing run as for a request from the
   * server; the headers and redirect rules, which match the URL as the client sent it, do not.
   */
  Response render(Request request, RouteTable table) {
    Request inApp = request;
    boolean localePrefixed = false;
    if (locales != null) {
      LocaleRouting.Outcome localised = locales.route(inApp);
      if (localised.redirect() != null) {
        return finish(request, localised.redirect(), false);
      }
      inApp = localised.request();
      localePrefixed = localised.prefixed();
    }
    return afterRedirects(inApp, table, rulePath(inApp), localePrefixed);
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

  /**
   * Middleware, then the rewrites and routing ({@link #resolve}). {@code rulePath} is the path the
   * rewrite rules match (with the base path, and under i18n the locale prefix); {@code
   * localePrefixed}, whether the client's path had a locale prefix, which keeps it from reaching an
   * API route or public file directly.
   */
  private Response afterRedirects(Request request, RouteTable table, String rulePath, boolean localePrefixed) {
    Request routed = request;
    String routedPath = rulePath;
    boolean apiBlocked = localePrefixed;
    Map<String, List<String>> headers = Map.of();
    Optional<Middleware> middleware = table.routing().middlewareFor(request);
    if (middleware.isPresent()) {
      Middleware.Result result;
      try {
        result = middleware.get().handle(request);
        if (result == null) {
          throw new IllegalStateException("_Middleware returned no result (null); return Middleware.next()");
        }
      } catch (HttpException e) {
        return finish(request, refusal(request, e, table, false), false);
      } catch (Throwable e) { // AssertionError and OutOfMemoryError too: the client gets its 500
        return finish(request, failure(request, e, table), false);
      }
      if (result instanceof Middleware.Result.Respond respond) {
        return finish(request, respond.response(), false);
      }
      if (result instanceof Middleware.Result.Rewrite rewrite) {
        routed = withRequestHeaders(request.withTarget(rewrite.target()), rewrite.requestHeaders(),
            rewrite.removedRequestHeaders());
        routedPath = rulePath(routed);
        apiBlocked = false;
        headers = rewrite.headers();
      } else {
        Middleware.Result.Next next = (Middleware.Result.Next) result;
        routed = withRequestHeaders(request, next.requestHeaders(), next.removedRequestHeaders());
        headers = next.headers();
      }
    }
    Outcome outcome = resolve(routed, table, routedPath, apiBlocked);
    return finisher.finish(outcome.request(), outcome.response(), outcome.page(), headers);
  }

  /**
   * {@code request} without the request headers middleware removed and with those it set (Next.js's
   * {@code NextResponse.next({request})}).
   */
  private static Request withRequestHeaders(Request request, Map<String, String> headers, Set<String> removed) {
    Request r = request;
    for (String name : removed) {
      r = r.withoutHeader(name);
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      r = r.withHeader(header.getKey(), header.getValue());
    }
    return r;
  }

  /**
   * The rewrite phases around the file system and the routes, as Next.js's {@code resolve-routes}
   * runs them. {@code beforeFiles} rules all apply, each seeing the path the previous one made;
   * then files; then each matching {@code afterFiles} rule rewrites and the result is looked up
   * among files and all routes, the next rule seeing the rewritten path when nothing answers; then
   * dynamic routes; then the {@code fallback} rules likewise; then 404. Rule sources match {@code
   * rulePath}, the path with the base path as the client sent it (under i18n with its locale
   * prefix), and then each rewrite's destination. With {@code apiBlocked} (a locale prefix the
   * client sent), API routes are not found until a rule rewrote the request.
   */
  private Outcome resolve(Request request, RouteTable table, String rulePath, boolean apiBlocked) {
    Request current = request;
    String currentPath = rulePath;
    for (int next = 0; next >= 0; ) {
      Rewrite rewrite = nextRewrite(RouteRule.Kind.BEFORE_FILES, current, currentPath, next);
      if (rewrite != null) {
        current = rewrite.request();
        currentPath = rewrite.rulePath();
        apiBlocked = false;
      }
      next = rewrite == null ? -1 : rewrite.next();
    }
    // Files: the special paths, public files, routes without params. A dynamic route the lookup
    // found waits for the afterFiles rewrites; when none rewrites, it answers without a second lookup.
    Request files = current;
    String path = UrlRules.routingPath(files.path());
    boolean blocked = apiBlocked && isApi(path);
    Outcome file = special(files, path, table, blocked);
    if (file != null) {
      return file;
    }
    // A blocked path matches no route (null is no match).
    Match match = blocked ? null : table.routing().match(files.method(), path);
    boolean deferred = match instanceof Match.Found found && found.route().pattern().indexOf('[') >= 0;
    if (!deferred) {
      file = routed(files, match, table);
      if (file != null) {
        return file;
      }
    }
    for (RouteRule.Kind phase : REWRITE_PHASES) {
      if (phase == null) {
        // Not rewritten since the files: the same request, still as blocked, so the same match.
        Outcome dynamic = current == files ? routed(files, match, table) : lookUp(current, table, apiBlocked);
        if (dynamic != null) {
          return dynamic;
        }
        continue;
      }
      for (int next = 0; next >= 0; ) {
        Rewrite rewrite = nextRewrite(phase, current, currentPath, next);
        if (rewrite == null) {
          break;
        }
        current = rewrite.request();
        currentPath = rewrite.rulePath();
        apiBlocked = false;
        next = rewrite.next();
        Outcome hit = lookUp(current, table, false);
        if (hit != null) {
          return hit;
        }
      }
    }
    return new Outcome(errorPage(current, 404, table), false, current);
  }

  /** The phases after files: the afterFiles rewrites, the dynamic routes (null), the fallback rewrites. */
  private static final RouteRule.Kind[] REWRITE_PHASES = {RouteRule.Kind.AFTER_FILES, null, RouteRule.Kind.FALLBACK};

  /**
   * The first rule of {@code phase} from place {@code from} on that matches {@code request} on
   * {@code path}, and the request it rewrites to; null when none matches.
   */
  private Rewrite nextRewrite(RouteRule.Kind phase, Request request, String path, int from) {
    for (CustomRoutes.Compiled rule : rules.candidates(phase, path)) {
      if (rule.position < from) {
        continue;
      }
      Map<String, Object> params = rule.match(path, request);
      if (params != null) {
        Request rewritten = rewritten(request, rule, params);
        String rulePath = fullPath(rewritten);
        return new Rewrite(locales == null ? rewritten : locales.afterRewrite(rewritten), rulePath, rule.position + 1);
      }
    }
    return null;
  }

  /**
   * A rewritten request (under i18n, without the locale prefix its destination had), the path the
   * next rules match (its destination with the base path), and the place of the rule after the one
   * that rewrote it.
   */
  private record Rewrite(Request request, String rulePath, int next) {}

  /** The path of {@code request} with the base path, as rule sources see it. */
  private String fullPath(Request request) {
    return config.basePath().isEmpty() ? request.path() : config.basePath() + request.path();
  }

  /**
   * The path rule sources see for {@code request}, a path inside the app: with the base path, and
   * under i18n with the request's locale in front ({@code /docs/fr/about}).
   */
  private String rulePath(Request request) {
    if (locales == null || request.locale().isEmpty()) {
      return fullPath(request);
    }
    String path = request.path();
    return config.basePath() + "/" + request.locale() + (path.equals("/") ? config.trailingSlash() ? "/" : "" : path);
  }

  /** {@code request} rewritten by {@code rule}, back inside the app (without the base path). */
  private Request rewritten(Request request, CustomRoutes.Compiled rule, Map<String, Object> params) {
    String target = rule.rewriteTarget(params, request.rawQuery());
    String basePath = config.basePath();
    if (!basePath.isEmpty() && target.startsWith(basePath)) {
      String rest = target.substring(basePath.length());
      target = rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest;
    }
    return request.withTarget(target);
  }

  /**
   * What answers {@code request} from the file system (the special paths, {@code public/} files)
   * or from any route; null when nothing does. With {@code apiBlocked}, paths under {@code /api}
   * find nothing; under i18n, {@code public/} files are found only for a default locale ({@link
   * LocaleRouting#servesPublicFiles}).
   */
  private Outcome lookUp(Request request, RouteTable table, boolean apiBlocked) {
    String path = UrlRules.routingPath(request.path());
    boolean blocked = apiBlocked && isApi(path);
    Outcome file = special(request, path, table, blocked);
    if (file != null || blocked) {
      return file;
    }
    return routed(request, table.routing().match(request.method(), path), table);
  }

  private static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  /**
   * The answer of the special paths ({@code /404}, {@code /500}, the blocked pages) and, unless
   * {@code blocked}, of {@code public/} files (under i18n only for a default locale); null for others.
   */
  private Outcome special(Request request, String path, RouteTable table, boolean blocked) {
    if (BLOCKED.contains(path) || path.equals("/404")) {
      return new Outcome(errorPage(request, 404, table), false, request);
    }
    if (path.equals("/500")) {
      return new Outcome(errorPage(request, 500, table), false, request);
    }
    if (blocked) {
      return null;
    }
    if (locales == null || request.locale().isEmpty() || locales.servesPublicFiles(request.locale())) {
      Optional<Response> file = publicFiles.find(request, path);
      if (file.isPresent()) {
        return new Outcome(file.get(), true, request);
      }
    }
    return null;
  }

  /** What {@code match}, the route table's answer for {@code request}, gives: a page, a 405 or a 400; null when no route matched (or {@code match} is null). */
  private Outcome routed(Request request, Match match, RouteTable table) {
    if (match instanceof Match.Found found) {
      Request routed = request.withRoute(found.route().pattern(), found.params());
      return render(found.route(), routed, table);
    }
    if (match instanceof Match.MethodNotAllowed notAllowed) {
      return new Outcome(ErrorPages.plain(405).withHeader("Allow", notAllowed.allow()), false, request);
    }
    if (match instanceof Match.BadRequest) {
      return new Outcome(ErrorPages.plain(400), false, request);
    }
    return null;
  }

  private Outcome render(Route route, Request routed, RouteTable table) {
    boolean page = route.kind() != RouteTable.Kind.API;
    try {
      if (staticPages != null && route.kind() == RouteTable.Kind.STATIC_PAGE) {
        // Stored bytes, already wrapped by _App when they were rendered; empty is the page's 404.
        Optional<Response> stored = staticPages.serve(route, routed, UrlRules.routingPath(routed.path()), table);
        if (stored == null) {
          // A path the page does not list, with fallback NOT_FOUND: as in Next.js, the route does
          // not match, so the fallback rewrites still get their turn before the 404.
          return null;
        }
        return stored.isPresent() ? new Outcome(stored.get(), true, routed)
            : new Outcome(errorPage(routed, 404, table), false, routed);
      }
      Response response = route.respond(routed);
      if (response == null) {
        throw new IllegalStateException(route.kind() + " " + route.pattern() + " returned no response (null)");
      }
      if (page && response.status() == 404 && response.bodyLength() == 0) {
        // Response.notFound() from a page: Next.js's notFound: true.
        return new Outcome(errorPage(routed, 404, table), false, routed);
      }
      return new Outcome(page ? wrap(table, routed, response) : response, page, routed);
    } catch (HttpException e) {
      return new Outcome(refusal(routed, e, table, page), false, routed);
    } catch (Throwable e) { // AssertionError and OutOfMemoryError too: the client gets its 500
      return new Outcome(failure(routed, e, table), false, routed);
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

  /**
   * The answer to an {@link HttpException} from middleware, a page or an API route: its status with
   * its message as plain text, or, for a 404 from a page, the site's 404 page. It is the client's
   * mistake, not the server's, so it is logged at debug level only.
   */
  private static Response refusal(Request request, HttpException refused, RouteTable table, boolean page) {
    Logs.LOG.log(Level.DEBUG, () -> request.method() + " " + request.path() + " refused with "
        + refused.status() + ": " + refused.getMessage(), refused);
    return page && refused.status() == 404 ? errorPage(request, 404, table) : refused.toResponse();
  }

  private Response failure(Request request, Throwable error, RouteTable table) {
    if (error instanceof BodyBudget.Exhausted) {
      Logs.LOG.log(Level.WARNING, request.method() + " " + request.path() + ": 503, " + error.getMessage());
      return ErrorPages.plain(503).withHeader("Retry-After", "1");
    }
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
      } catch (Throwable e) { // AssertionError and OutOfMemoryError too: the client gets its 500
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

  /**
   * {@code response} with the headers rules' {@code headers}: a header the response already has
   * stays (the page decides), except {@code Set-Cookie}, whose values are added.
   */
  private static Response withHeaders(Response response, Map<String, List<String>> headers) {
    if (headers.isEmpty()) {
      return response;
    }
    Response r = response;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase("set-cookie")) {
        for (String value : header.getValue()) {
          r = r.addHeader(header.getKey(), value);
        }
      } else if (r.header(header.getKey()).isEmpty()) {
        r = r.withHeader(header.getKey(), header.getValue().get(0));
      }
    }
    return r;
  }

  /** A response, whether a page made it (pages get ETags), and the request as it was finally routed. */
  private record Outcome(Response response, boolean page, Request request) {}
}
