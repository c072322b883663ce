package dev.next4j.runtime.internal;

import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.PageCache;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.StaticPage;
import dev.next4j.runtime.generated.Match;
import dev.next4j.runtime.generated.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.zip.GZIPOutputStream;

/**
 * Serves static pages from a {@link PageCache} without calling them: the pages prerendered at
 * build time (loaded from {@value #MANIFEST} on the app's class path), those rendered on a first
 * request ({@link StaticPage.Fallback#RENDER_ON_DEMAND}), and incremental static regeneration.
 *
 * <p>Each answer has a strong ETag, the {@code Cache-Control} Next.js gives static pages ({@code
 * s-maxage=31536000, stale-while-revalidate}, or {@code s-maxage=<revalidate seconds>,
 * stale-while-revalidate} for a page that revalidates), the gzip form precomputed, and {@code
 * X-Next-Cache: HIT}, {@code STALE} or {@code MISS} (Next.js's {@code x-nextjs-cache}).
 *
 * <p>Startup reads the manifest only: a prerendered page's bytes are read from the jar into the
 * cache when it is first asked for, so a site with thousands of prerendered paths starts as fast as
 * one with none. Its age for ISR counts from the app's start, as if it had been loaded then.
 *
 * <p>A stale page (rendered longer ago than its {@code revalidate()}, by the app's clock) is still
 * served, and one regeneration per path at a time runs on the executor; its result replaces the
 * entry in one {@code put}. When it throws, the old page stays and the failure is logged. Dev mode
 * uses none of this: it renders static pages on every request, as {@code next dev} does.
 */
final class StaticPages {
  /** The prerender manifest inside the jar: one row per prerendered path (see {@link Prerender}). */
  static final String MANIFEST = "META-INF/next/static/manifest.tsv";
  /** The folder of the prerendered bodies, beside the manifest. */
  static final String FOLDER = "META-INF/next/static/";
  /** {@code Cache-Control} of a static page that never revalidates (Next.js: one year for shared caches). */
  static final String FOREVER = "s-maxage=31536000, stale-while-revalidate";
  /**
   * How long a claim to regenerate a path holds ({@link PageCache#claimRegeneration}): longer than
   * a page takes to render, short enough that an instance that died while rendering blocks the
   * path's regeneration on the others for one minute at most.
   */
  static final Duration REGENERATION_LEASE = Duration.ofMinutes(1);

  private final NextConfig config;
  private final Clock clock;
  private final PageCache cache;
  private final Executor executor;
  /** Per route pattern, the paths the build prerendered (from the manifest); null without a manifest. */
  private final Map<String, Set<String>> prerendered;
  /** Without a manifest: per route pattern, the paths its {@code paths()} lists, asked once. */
  private final Map<String, Set<String>> listedLazily = new ConcurrentHashMap<>();
  private final Set<String> regenerating = ConcurrentHashMap.newKeySet();
  /** Prerendered paths whose bytes are still only in the jar, by path; a path leaves on its first fill. */
  private final Map<String, PrerenderManifest.Row> inJar;
  /** Where the rows of {@link #inJar} are read from. */
  private final ClassLoader loader;
  /** When the app started: the render time of the prerendered pages. */
  private final Instant started;

  StaticPages(NextConfig config, Clock clock, PageCache cache, Executor executor, Map<String, Set<String>> prerendered) {
    this(config, clock, cache, executor, prerendered, Map.of(), StaticPages.class.getClassLoader());
  }

  private StaticPages(NextConfig config, Clock clock, PageCache cache, Executor executor,
      Map<String, Set<String>> prerendered, Map<String, PrerenderManifest.Row> inJar, ClassLoader loader) {
    this.config = config;
    this.clock = clock;
    this.cache = cache;
    this.executor = executor;
    this.prerendered = prerendered;
    this.inJar = new ConcurrentHashMap<>(inJar);
    this.loader = loader;
    this.started = clock.instant();
  }

  /**
   * Static pages over {@code cache}, serving the prerendered pages found through {@code loader}
   * (none when it has no manifest: then {@code paths()} is asked on the first request instead).
   * Only the manifest is read here; each page's bytes are read on its first request. A path the
   * cache already holds (a shared cache another instance filled) is not overwritten.
   */
  static StaticPages load(NextConfig config, Clock clock, PageCache cache, Executor executor, ClassLoader loader) {
    Map<String, Set<String>> prerendered = null;
    Map<String, PrerenderManifest.Row> inJar = new HashMap<>();
    try (InputStream manifest = loader.getResourceAsStream(MANIFEST)) {
      if (manifest != null) {
        prerendered = new HashMap<>();
        for (PrerenderManifest.Row row : PrerenderManifest.parse(new String(manifest.readAllBytes(), StandardCharsets.UTF_8))) {
          Set<String> paths = prerendered.get(row.pattern());
          if (paths == null) {
            paths = new HashSet<>();
            prerendered.put(row.pattern(), paths);
          }
          paths.add(row.path());
          inJar.put(row.path(), row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the prerendered pages (" + MANIFEST + ")", e);
    }
    return new StaticPages(config, clock, cache, executor, prerendered, inJar, loader);
  }

  /**
   * The stored page at {@code path}: the cache's, else, on the path's first request, its
   * prerendered bytes from the jar, put into the cache (unless the cache got one meanwhile).
   */
  private Optional<PageCache.Entry> stored(String path) {
    Optional<PageCache.Entry> cached = cache.get(path);
    if (cached.isPresent()) {
      inJar.remove(path);
      return cached;
    }
    PrerenderManifest.Row row = inJar.remove(path);
    if (row == null) {
      return Optional.empty();
    }
    try {
      byte[] body = read(loader, FOLDER + row.file());
      byte[] gzip = row.gzipFile().isEmpty() ? new byte[0] : read(loader, FOLDER + row.gzipFile());
      PageCache.Entry entry = new PageCache.Entry(body, gzip, row.contentType(), row.etag(), started);
      cache.put(path, entry);
      return Optional.of(entry);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the prerendered page of " + path + " (" + MANIFEST + ")", e);
    }
  }

  private static byte[] read(ClassLoader loader, String name) throws IOException {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(MANIFEST + " names " + name + ", which the class path lacks");
      }
      return in.readAllBytes();
    }
  }

  /**
   * A path of a static page in a locale: {@code path} is inside the app (no base path, no locale
   * prefix, no trailing slash), {@code locale} one of the i18n locales, or {@code ""} without i18n.
   */
  record Target(String path, String locale) {
    /**
     * The page's key in the {@link PageCache} and the prerender manifest: the path, with i18n
     * prefixed by its locale, the default one too ({@code /fr/blog/hello}, {@code /en-US} for the
     * root), as Next.js keys its prerendered pages.
     */
    String key() {
      return locale.isEmpty() ? path : "/" + locale + (path.equals("/") ? "" : path);
    }
  }

  /**
   * The answer to {@code routed}, routed to static page {@code route} at {@code path} (inside the
   * app, no trailing slash) in the request's locale; empty when the page answered 404 (Next.js's
   * {@code notFound: true}); null when the page does not have this path at all: its params are not
   * listed in {@code paths()} and its fallback is {@code NOT_FOUND} (Next.js's {@code fallback:
   * false}), so the route does not match and routing goes on. Rendering failures pass through.
   */
  Optional<Response> serve(Route route, Request routed, String path, RouteTable table) throws Exception {
    StaticPage<?> page = route.staticPage().orElseThrow();
    Optional<Duration> revalidate = page.revalidate();
    Target target = new Target(path, routed.locale());
    String key = target.key();
    Optional<PageCache.Entry> stored = stored(key);
    if (stored.isPresent()) {
      boolean stale = revalidate.isPresent() && isStale(stored, revalidate.get());
      if (stale) {
        regenerate(route, target, revalidate.get(), table);
      }
      return Optional.of(answer(stored.get(), revalidate, routed, stale ? "STALE" : "HIT"));
    }
    if (!mayRender(route, page, key)) {
      return null;
    }
    Optional<PageCache.Entry> rendered = render(route, target, table);
    if (rendered.isEmpty()) {
      return Optional.empty();
    }
    cache.put(key, rendered.get());
    return Optional.of(answer(rendered.get(), revalidate, routed, "MISS"));
  }

  /** On-demand revalidation of {@code path}; see {@link dev.next4j.runtime.Revalidator#revalidate}. */
  void revalidate(String path, RouteTable table) {
    if (path == null || !path.startsWith("/") || path.indexOf('?') >= 0) {
      throw new IllegalArgumentException("revalidate needs a path inside the app, e.g. \"/blog/hello\": \"" + path + "\"");
    }
    Target target = target(UrlRules.routingPath(path));
    String key = target.key();
    Match match = table.routing().match("GET", target.path());
    if (!(match instanceof Match.Found found) || found.route().staticPage().isEmpty()) {
      throw new IllegalArgumentException("revalidate(\"" + path + "\"): no static page serves this path"
          + (match instanceof Match.Found found2 ? " (" + found2.route() + " renders on every request)" : ""));
    }
    Route route = found.route();
    try {
      if (!mayRender(route, route.staticPage().get(), key)) {
        throw new IllegalArgumentException("revalidate(\"" + path + "\"): " + route.pattern()
            + " does not list this path in paths() and its fallback is NOT_FOUND");
      }
      Optional<PageCache.Entry> rendered = render(route, target, table);
      inJar.remove(key);
      if (rendered.isPresent()) {
        cache.put(key, rendered.get());
      } else {
        cache.invalidate(key);
      }
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception | LinkageError | StackOverflowError e) {
      throw new IllegalStateException("revalidate(\"" + path + "\"): " + route.pattern()
          + " failed to render; the stored page stays: " + e, e);
    }
  }

  /**
   * The target a path given to {@code revalidate} names: with i18n, a path that starts with a
   * locale ({@code /fr/blog/hello}, any case) is that locale's page, any other the default locale's.
   */
  private Target target(String path) {
    if (config.i18n().isEmpty()) {
      return new Target(path, "");
    }
    NextConfig.I18n i18n = config.i18n().get();
    int end = path.indexOf('/', 1);
    String first = end < 0 ? path.substring(1) : path.substring(1, end);
    for (String locale : i18n.locales()) {
      if (locale.equalsIgnoreCase(first)) {
        return new Target(end < 0 ? "/" : path.substring(end), locale);
      }
    }
    return new Target(path, i18n.defaultLocale());
  }

  /** Whether {@code entry} is missing or was rendered {@code revalidate} or longer ago, by the app's clock. */
  private boolean isStale(Optional<PageCache.Entry> entry, Duration revalidate) {
    return entry.isEmpty() || !clock.instant().isBefore(entry.get().renderedAt().plus(revalidate));
  }

  /**
   * Whether the page at {@code key} ({@link Target#key()}) may be rendered: a page without params,
   * a listed path (in that locale), or fallback RENDER_ON_DEMAND.
   */
  private boolean mayRender(Route route, StaticPage<?> page, String key) throws Exception {
    if (!hasParams(route) || page.fallback() == StaticPage.Fallback.RENDER_ON_DEMAND) {
      return true;
    }
    Set<String> listed = prerendered != null
        ? prerendered.getOrDefault(route.pattern(), Set.of())
        : listedLazily.get(route.pattern());
    if (listed == null) {
      listed = new HashSet<>();
      for (Target target : targets(route)) {
        listed.add(target.key());
      }
      listedLazily.put(route.pattern(), listed);
    }
    return listed.contains(key);
  }

  static boolean hasParams(Route route) {
    return route.segments().stream().anyMatch(s -> s.isParam());
  }

  /**
   * The paths inside the app, each in its locale, that {@code route}, a static page, is prerendered
   * at: its own path without params (with i18n, in every locale), else what {@code paths()} lists
   * (with i18n, {@code localePaths(...)}), without the base path and trailing slash.
   */
  List<Target> targets(Route route) throws Exception {
    Optional<NextConfig.I18n> i18n = config.i18n();
    if (!hasParams(route)) {
      StringBuilder path = new StringBuilder();
      route.segments().forEach(s -> path.append('/').append(s.text()));
      String own = path.length() == 0 ? "/" : path.toString();
      return i18n.isEmpty()
          ? List.of(new Target(own, ""))
          : i18n.get().locales().stream().map(locale -> new Target(own, locale)).toList();
    }
    List<Target> targets = new ArrayList<>();
    if (i18n.isEmpty()) {
      for (String href : route.staticPaths()) {
        targets.add(new Target(inApp(route, href), ""));
      }
      return targets;
    }
    for (Route.LocaleHref listed : route.staticPaths(i18n.get().locales(), i18n.get().defaultLocale())) {
      if (!i18n.get().locales().contains(listed.locale())) {
        throw new IllegalStateException(route.pattern() + ": localePaths() lists " + listed.href() + " in locale \""
            + listed.locale() + "\", which is not one of i18n.locales " + i18n.get().locales());
      }
      targets.add(new Target(inApp(route, listed.href()), listed.locale()));
    }
    return targets;
  }

  /** {@code href}, a listed record's URL, as a path inside the app without a trailing slash. */
  private String inApp(Route route, String href) {
    String inApp = UrlRules.stripBasePath(href, config.basePath());
    if (inApp == null) {
      throw new IllegalStateException(route.pattern() + ": a path of paths() is outside the base path: " + href);
    }
    return UrlRules.routingPath(inApp);
  }

  /**
   * Starts one regeneration of {@code path} unless one runs already in this app. On the executor it
   * claims the path from the cache ({@link PageCache#claimRegeneration}), so that with a shared
   * cache one instance at a time regenerates it; the instance that is refused keeps serving the
   * stale page until the other's result is stored. After the claim the entry is read again: when
   * another instance stored a fresh one meanwhile, nothing is rendered.
   */
  private void regenerate(Route route, Target target, Duration revalidate, RouteTable table) {
    String path = target.key();
    if (!regenerating.add(path)) {
      return;
    }
    try {
      executor.execute(() -> {
        boolean claimed = false;
        try {
          claimed = cache.claimRegeneration(path, REGENERATION_LEASE);
          if (!claimed || !isStale(cache.get(path), revalidate)) {
            return;
          }
          Optional<PageCache.Entry> rendered = render(route, target, table);
          inJar.remove(path);
          if (rendered.isPresent()) {
            cache.put(path, rendered.get());
          } else {
            cache.invalidate(path);
          }
        } catch (Exception | LinkageError | StackOverflowError e) {
          Logs.LOG.log(Level.ERROR, "regenerating " + path + " (" + route.pattern()
              + ") failed; the page rendered before stays served", e);
        } finally {
          if (claimed) {
            cache.releaseRegeneration(path);
          }
          regenerating.remove(path);
        }
      });
    } catch (RejectedExecutionException e) {
      regenerating.remove(path);
    }
  }

  /**
   * Renders {@code route} at {@code target}'s path as a GET without headers, in its locale (the
   * request's {@link Request#locale()}, which {@code _App} sees too, and the page's {@code
   * render(params, locale)}), wrapped by {@code _App}; empty when it answers 404. Any status but
   * 200 and 404 is an error: a static page's bytes are served to everyone as a 200.
   */
  Optional<PageCache.Entry> render(Route route, Target target, RouteTable table) throws Exception {
    String path = target.path();
    Match match = table.routing().match("GET", path);
    if (!(match instanceof Match.Found found) || found.route() != route) {
      throw new IllegalStateException(route.pattern() + ": its path " + path + " is served by "
          + (match instanceof Match.Found other ? other.route() : "no route") + ", not by this page");
    }
    Request request = Request.get(path).withRoute(route.pattern(), found.params());
    if (!target.locale().isEmpty()) {
      request = request.withLocale(target.locale());
    }
    Response response = route.respond(request);
    if (response == null) {
      throw new IllegalStateException("STATIC_PAGE " + route.pattern() + " returned no response (null)");
    }
    response = Dispatcher.wrap(table, request, response);
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (response.status() != 200) {
      throw new IllegalStateException("STATIC_PAGE " + route.pattern() + " answered " + path + " with status "
          + response.status() + "; a static page answers 200 (or 404 for a path it does not have)");
    }
    byte[] body = response.body();
    String type = response.header("content-type").orElse("text/html; charset=utf-8");
    return Optional.of(new PageCache.Entry(body, gzipped(body, type), type, strongEtag(body), clock.instant()));
  }

  private Response answer(PageCache.Entry entry, Optional<Duration> revalidate, Request request, String cacheState) {
    Response r = Response.bytes(entry.body(), entry.contentType())
        .withHeader("ETag", entry.etag())
        .withHeader("Cache-Control", cacheControl(revalidate))
        .withHeader("X-Next-Cache", cacheState);
    if (entry.gzip().length > 0 && config.compress()) {
      r = r.withHeader("Vary", "Accept-Encoding");
      if (ResponseFinisher.acceptsGzip(request.header("accept-encoding").orElse(""))) {
        r = r.withBody(entry.gzip()).withHeader("Content-Encoding", "gzip");
      }
    }
    return r;
  }

  /** Next.js's {@code Cache-Control} for a static page, by its revalidate time. */
  static String cacheControl(Optional<Duration> revalidate) {
    if (revalidate.isEmpty()) {
      return FOREVER;
    }
    return "s-maxage=" + Math.max(1, revalidate.get().toSeconds()) + ", stale-while-revalidate";
  }

  /** {@code body} gzipped, or empty when gzip does not pay (under 1 KiB, or a packed type). */
  static byte[] gzipped(byte[] body, String contentType) {
    if (body.length < ResponseFinisher.MIN_GZIP_BYTES || !ResponseFinisher.isCompressible(contentType)) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 32);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory failed", e);
    }
    return out.toByteArray();
  }

  /** A strong ETag: the first 144 bits of the body's SHA-256, base64url, quoted. */
  static String strongEtag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      byte[] cut = new byte[18];
      System.arraycopy(digest, 0, cut, 0, cut.length);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(cut) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
