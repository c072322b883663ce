/**
 * How the runtime serves: no user code names these types; generated code and the dev server do.
 *
 * <p>A request's way through: {@link dev.next4j.runtime.internal.Probes} answers the liveness and
 * readiness paths first, as sent; {@link dev.next4j.runtime.internal.HttpBinding} reads the JDK
 * exchange into a {@code Request} (431 past 100 headers or 16 KiB of them, 413 past {@code
 * bodySizeLimit}); {@link dev.next4j.runtime.internal.DefaultNextApp} picks the table (the app's
 * own, or under {@code next:run} the one its {@link dev.next4j.runtime.host.HostedApp} names); {@link
 * dev.next4j.runtime.internal.Dispatcher} runs Next.js's order: {@code //} and {@code \} → 308,
 * base path (404 outside), trailing-slash 308s, {@code _Middleware}, {@link
 * dev.next4j.runtime.internal.PublicFiles}, routes, the page and {@code _App}, error pages; {@link
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
 *   <li>Middleware headers go on every response after middleware, unless the response sets the
 *       same header itself.
 *   <li>ETags are weak ({@code W/"<hash><length>"} in base 36, Next.js's shape, the hash being
 *       FNV-1a cut to 52 bits; see {@code ResponseFinisher.etag}) on 200 page responses to GET and
 *       HEAD; any 200 with an ETag answers a matching {@code If-None-Match} with 304.
 *   <li>gzip: at least 1 KiB, text-like types, not with {@code Cache-Control: no-transform};
 *       {@code Vary: Accept-Encoding} whenever gzip was considered.
 *   <li>{@code render(exchange, path, query)} runs middleware and routing for {@code path} (a path
 *       inside the app), but not the URL-shape redirects: the client asked for another URL.
 *   <li>A request with a chunked body, and a refused request, close their connection; a body at
 *       most 64 KiB over the limit is read and dropped first, so the client reads its 413.
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
 * </ul>
 */
package dev.next4j.runtime.internal;
