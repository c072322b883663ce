/**
 * How the runtime serves: no user code names these types; generated code and the dev server do.
 *
 * <p>A request's way through: {@link dev.next4j.runtime.internal.Probes} answers the liveness and
 * readiness paths first, as sent; {@link dev.next4j.runtime.internal.HttpBinding} reads the
 * exchange (the JDK's through {@link dev.next4j.runtime.internal.JdkExchange}, or another engine's
 * {@link dev.next4j.runtime.binding.ServerExchange}) into a {@code Request} (400/501 for a request RFC 9112 rejects, 414 past an 8 KiB
 * target, 431 past 100 headers or 16 KiB of them, 413 past {@code bodySizeLimit}), its path in
 * the canonical spelling every later stage sees ({@code UrlRules.canonicalPath}); {@link
 * dev.next4j.runtime.internal.DefaultNextApp} picks the table (the app's
 * own, or under {@code next:run} the one its {@link dev.next4j.runtime.host.HostedApp} names); {@link
 * dev.next4j.runtime.internal.Dispatcher} runs Next.js's order: {@code //} and {@code \} → 308,
 * the headers rules, trailing-slash 308s, the redirect rules, base path (404 outside), {@code
 * _Middleware}, the {@code beforeFiles} rewrites, {@link dev.next4j.runtime.internal.PublicFiles}
 * and pages without params, the {@code afterFiles} rewrites, dynamic routes, the {@code fallback}
 * rewrites, the page and {@code _App}, error pages ({@link
 * dev.next4j.runtime.internal.CustomRoutes} holds the compiled rules); {@link
 * dev.next4j.runtime.internal.ResponseFinisher} adds middleware headers, {@code X-Powered-By}, the
 * host's filter (the dev server's live-reload script), ETag/304, gzip and HEAD's length; the binding writes it,
 * and {@link dev.next4j.runtime.internal.AccessLog} logs it when on.
 *
 * <p>Decisions where Next.js or the design left room:
 *
 * <ul>
 *   <li>Pages see the path inside the app: without the base path, with its trailing slash.
 *   <li>{@code /404} answers the 404 page with status 404 and {@code /500} the 500 page with 500,
 *       as in Next.js; {@code /_app}, {@code /_error}, {@code /_document}, {@code /_middleware} are
 *       404 even under a catch-all.
 *   <li>{@code _App} wraps pages and the custom {@code _404}/{@code _500} pages, not API routes,
 *       middleware answers or the built-in error pages. An error page's status is forced.
 *   <li>i18n ({@code LocaleRouting}) runs after the base path and before middleware: the locale
 *       prefix is found regardless of case and stripped, so middleware and pages see the path
 *       without it; only {@code /} redirects to a detected locale (307), decided as Next.js's
 *       {@code getLocaleRedirect} does (on a locale domain only a locale some domain serves
 *       redirects, to that domain).
 *   <li>Rules under i18n are compiled as Next.js's {@code load-custom-routes} rewrites them ({@code
 *       CustomRoutes.localised}: {@code /:nextInternalLocale(...)} before the source and a
 *       relative destination, one variant per default locale before each redirect) and matched on
 *       the path with its locale prefix, the default locale's put in when it has none ({@code
 *       LocaleRouting.rulePath}); {@code locale: false} rules match as written. A rewrite's
 *       destination that starts with a locale sets the request's locale. A path the client sent
 *       with a locale prefix reaches API routes only through a rewrite, and {@code public/} files
 *       only under a default locale's prefix, as in Next.js.
 *   <li>Middleware runs only for the paths its {@code matcher()} takes (every path when it is
 *       empty), matched case-sensitively inside the base path, as Next.js does. Its response
 *       headers, each with one or more values, go on every response after middleware, unless the
 *       response sets the same header itself; its {@code Set-Cookie} values are sent beside the
 *       response's own. The request headers it sets or removes are what the page (or the rewritten
 *       route) sees.
 *   <li>ETags are weak ({@code W/"<hash><length>"} in base 36, Next.js's shape, the hash being
 *       FNV-1a cut to 52 bits; see {@code ResponseFinisher.etag}) on 200 page responses to GET and
 *       HEAD; any 200 with an ETag answers a matching {@code If-None-Match} with 304.
 *   <li>gzip: at least 1 KiB, text-like types, not with {@code Cache-Control: no-transform};
 *       {@code Vary: Accept-Encoding} whenever gzip was considered.
 *   <li>{@code render(exchange, path, query)} runs middleware and routing for {@code path} (a path
 *       inside the app), but not the URL-shape redirects: the client asked for another URL.
 *   <li>Headers rules go on every answer after slash normalisation (redirects and 404s too), unless
 *       the response sets the same header itself; {@code Set-Cookie} values are added.
 *   <li>A rewrite to another origin is refused when the config is built: there is no proxy.
 *   <li>{@code render(exchange, path, query)} runs the rewrites, not the headers or redirect rules,
 *       which match the URL as the client sent it.
 *   <li>A request with a chunked body, and a refused request, close their connection; a body at
 *       most 64 KiB over the limit is read and dropped first, so the client reads its 413.
 *   <li>A body is read when its route asks for it ({@link BodyStream}), except a chunked one, read
 *       before routing so its framing is checked before any page runs; what a route leaves unread
 *       is read and dropped before the answer, so the connection stays open. Body bytes read by
 *       requests in flight are bounded by {@code NextOptions.bodyBufferBytes} ({@link
 *       BodyBudget}); past it a request gets 503 with {@code Retry-After: 1}, not 413: the server
 *       is busy, the request is fine.
 *   <li>A streamed body ({@code Response.file}, {@code Response.stream}) is written to the
 *       connection as the response is sent: with {@code Content-Length} when its length is known,
 *       else chunked. It gets no computed ETag and no on-the-fly gzip (both would need the whole
 *       body); HEAD sends its declared length.
 *   <li>Public files ({@link dev.next4j.runtime.internal.PublicFileServer}): indexed at build time
 *       ({@link dev.next4j.runtime.generated.PublicFileIndex}), found by exact key only (never a
 *       path joined to a folder), GET and HEAD only (other methods fall through to the routes),
 *       strong SHA-256 ETags, {@code Last-Modified}, one byte range, precomputed gzip variants;
 *       {@code public, max-age=31536000, immutable} for a name with a hex part of 8+ characters
 *       holding a digit and a letter ({@link dev.next4j.runtime.internal.MediaTypes#hasContentHash}),
 *       else {@code public, max-age=0}. Under {@code next:run} the dev host's folders are read from
 *       disk instead ({@link dev.next4j.runtime.internal.DiskPublicFiles}).
 *   <li>The JDK writes the status line, with the reason phrase of its own table, on Java 17 and 25
 *       alike; that table has none for 307, 308, 429 and 431, so they go out as {@code HTTP/1.1 308 }
 *       (an empty reason phrase, which RFC 9112 section 4 allows and clients ignore). The JDK has no
 *       API to set the phrase.
 *   <li>A request target the JDK's URI parser refuses ({@code /blog/%zz}) is answered 400 by the
 *       JDK, with its own page and headers, before any handler or filter runs. An escape that
 *       parses but is no UTF-8 ({@code /blog/%C3%28}) reaches next4j: its 400 page, its headers.
 *   <li>An {@code HttpException} from middleware, a page or an API route answers with its 4xx and
 *       its message as plain text, logged at debug level; from a page, a 404 (thrown, or an empty
 *       {@code Response.notFound()}) answers with the 404 page instead.
 *   <li>The form a request parsed is closed after the response is written (after {@code handle}
 *       returns, for the server-neutral entry point), whatever the page did.
 *   <li>The probes ({@code /_next/health/live}, {@code /_next/health/ready} by default) sit under
 *       {@code /_next/}, which Next.js reserves, and are matched before the base path and
 *       middleware: a load balancer's check must not depend on the site's rules. Readiness is 503
 *       from the moment {@code close()} begins. Probe requests are not access-logged.
 *   <li>The access log is off by default, as {@code next start} prints nothing per request; its
 *       lines are logfmt (key=value, quoted when needed), which Loki, Vector, Datadog and {@code
 *       grep} read as they are. The request id is made only while it is on.
 *   <li>{@code Request.path()} is canonical: escapes of characters allowed plainly in a path are
 *       decoded, all others kept in upper-case hex; {@code %2F} never splits a segment; a {@code
 *       .} or {@code ..} segment is 400 (browsers resolve them before sending). Middleware, rules,
 *       public files and the router see that one string, so no spelling bypasses a check.
 *   <li>Methods are case-sensitive: an unknown method ({@code get}, {@code BREW}) is 501.
 *   <li>Every {@code Throwable} a page, {@code _App}, middleware or an error page throws is a
 *       logged 500; one that escapes the pipeline itself is a 500 that closes the connection.
 *   <li>A page's {@code Content-Length} is a logged 500 ({@code ResponseFinisher}); other framing
 *       headers and 1xx statuses cannot be set at all ({@code Response}).
 *   <li>{@code close()} drains: 503 for new requests, up to {@code -Dnext.shutdownTimeout} (30 s)
 *       for those in flight.
 * </ul>
 */
package dev.next4j.runtime.internal;
