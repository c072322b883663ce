package dev.next4j.runtime;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * How an app runs: the options of Next.js's {@code next({dev, dir, conf, quiet, hostname, port,
 * httpServer})}, in Java, with the clock and the cache of static pages.
 *
 * <pre>{@code
 * NextApp app = NextServer.app(NextOptions.builder().dev(false).port(8080).build());
 * }</pre>
 */
public final class NextOptions {
  private final boolean dev;
  private final Path dir;
  private final NextConfig conf;
  private final boolean quiet;
  private final String hostname;
  private final int port;
  private final HttpServer httpServer;
  private final Clock clock;
  private final PageCache pageCache;
  private final JsonCodec json;
  private final boolean accessLog;
  private final boolean probes;
  private final String livenessPath;
  private final String readinessPath;
  private final long bodyBufferBytes;

  private NextOptions(Builder builder) {
    this.dev = builder.dev;
    this.dir = builder.dir.toAbsolutePath().normalize();
    this.conf = builder.conf;
    this.quiet = builder.quiet;
    this.hostname = builder.hostname;
    this.port = builder.port;
    this.httpServer = builder.httpServer;
    this.clock = builder.clock;
    this.pageCache = builder.pageCache;
    this.json = builder.json;
    this.accessLog = builder.accessLog;
    this.probes = builder.probes;
    this.livenessPath = builder.livenessPath;
    this.readinessPath = builder.readinessPath;
    this.bodyBufferBytes = builder.bodyBufferBytes;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Dev mode: a page's exception shows in the browser with its stack trace (unless {@link
   * #quiet()}), and under {@code mvn next:run} the dev server's live reload and build-error page.
   * Default: the {@code next.dev} system property, which {@code next:run} sets to {@code true}, so
   * a custom server run by {@code next:run} is in dev mode without asking; else false.
   */
  public boolean dev() {
    return dev;
  }

  /** The project root, absolute. Default the working directory. */
  public Path dir() {
    return dir;
  }

  /** The configuration that replaces the one compiled from the pom, when given. */
  public Optional<NextConfig> conf() {
    return Optional.ofNullable(conf);
  }

  /** Whether to hide error details that carry server information. Default false. */
  public boolean quiet() {
    return quiet;
  }

  /**
   * The host name the app is reached at, for absolute URLs; when given, the app's own server also
   * binds to it. Empty means: bind all interfaces, build URLs with {@code localhost}.
   */
  public Optional<String> hostname() {
    return Optional.ofNullable(hostname);
  }

  /** The port the app is reached at, and that its own server binds; 0 picks a free one. Default 3000. */
  public int port() {
    return port;
  }

  /** An existing server the app runs behind, instead of one of its own. */
  public Optional<HttpServer> httpServer() {
    return Optional.ofNullable(httpServer);
  }

  /**
   * The clock that decides when a static page with {@link StaticPage#revalidate()} is stale; tests
   * pass their own. Default the system clock (UTC).
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Where rendered static pages are kept; empty means the one {@code _App} names ({@link
   * App#pageCache()}), else a fresh {@link PageCache#inMemory()} per app. Give one to share pages
   * between instances.
   */
  public Optional<PageCache> pageCache() {
    return Optional.ofNullable(pageCache);
  }

  /**
   * The JSON codec pages and API routes read and write JSON with ({@link Request#json(Class)},
   * {@link Request#jsonCodec()}); when given, it wins over the one {@code _App} names ({@link
   * App#json()}). Default: none.
   */
  public Optional<JsonCodec> json() {
    return Optional.ofNullable(json);
  }

  /**
   * Whether every request served over HTTP gets one access-log line (logfmt, through the {@code
   * System.Logger} {@code dev.next4j.access} at {@code INFO}: {@code method=GET path=/about
   * status=200 bytes=512 duration_ms=1.204 request_id=...}) and an {@code X-Request-Id} (the
   * client's when valid, else a new one) on the request and the response. Probe requests are not
   * logged. Default: the {@code next.accessLog} system property, else off, as {@code next start}
   * prints nothing per request. {@link NextApp#handle} logs nothing: it has no HTTP exchange.
   */
  public boolean accessLog() {
    return accessLog;
  }

  /**
   * Whether the app answers the liveness and readiness probes at {@link #livenessPath()} and {@link
   * #readinessPath()}, before the base path, redirects, middleware and routes. Default true.
   */
  public boolean probes() {
    return probes;
  }

  /** The liveness probe's path: 200 {@code ok} while the app answers. Default {@code /_next/health/live}. */
  public String livenessPath() {
    return livenessPath;
  }

  /**
   * The readiness probe's path: 200 {@code ready}, or 503 {@code draining} once the app is closing
   * (SIGTERM). Default {@code /_next/health/ready}.
   */
  public String readinessPath() {
    return readinessPath;
  }

  /**
   * How many request-body bytes the app holds in memory at once, across all requests in flight: a
   * body is read only when its route asks for it ({@link Request#body()}, {@link Request#json},
   * {@link Request#form()}), and every byte read from a request body counts here until that
   * request's response is written. A request whose body would take the total past this gets 503
   * (the server is busy; the request itself is fine: {@link NextConfig#bodySizeLimit()} answers
   * 413 for one too large), so that thousands of parallel uploads cannot exhaust the heap. Default:
   * the {@code next.bodyBufferBytes} system property, else a quarter of the maximum heap, at least
   * 1 MiB.
   */
  public long bodyBufferBytes() {
    return bodyBufferBytes;
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder builder = new Builder().dev(dev).dir(dir).quiet(quiet).port(port);
    builder.conf = conf;
    builder.hostname = hostname;
    builder.httpServer = httpServer;
    builder.clock = clock;
    builder.pageCache = pageCache;
    builder.json = json;
    builder.accessLog = accessLog;
    builder.probes = probes;
    builder.livenessPath = livenessPath;
    builder.readinessPath = readinessPath;
    builder.bodyBufferBytes = bodyBufferBytes;
    return builder;
  }

  @Override
  public String toString() {
    return "NextOptions{dev=" + dev + ", dir=" + dir + ", conf=" + conf + ", quiet=" + quiet
        + ", hostname=" + hostname + ", port=" + port + ", httpServer=" + httpServer + ", json=" + json + ", accessLog=" + accessLog
        + ", probes=" + (probes ? livenessPath + " " + readinessPath : "off") + ", clock=" + clock + ", pageCache=" + pageCache
        + ", bodyBufferBytes=" + bodyBufferBytes + "}";
  }

  /** Builds {@link NextOptions}; invalid values fail at {@link #build()} with a message naming them. */
  public static final class Builder {
    private boolean dev = Boolean.getBoolean("next.dev");
    private Path dir = Path.of(".");
    private NextConfig conf;
    private boolean quiet;
    private String hostname;
    private int port = 3000;
    private HttpServer httpServer;
    private Clock clock = Clock.systemUTC();
    private PageCache pageCache;
    private JsonCodec json;
    private boolean accessLog = Boolean.getBoolean("next.accessLog");
    private boolean probes = true;
    private String livenessPath = "/_next/health/live";
    private String readinessPath = "/_next/health/ready";
    private long bodyBufferBytes = defaultBodyBufferBytes();

    private Builder() {}

    public Builder dev(boolean dev) {
      this.dev = dev;
      return this;
    }

    public Builder dir(Path dir) {
      this.dir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    public Builder conf(NextConfig conf) {
      this.conf = Objects.requireNonNull(conf, "conf");
      return this;
    }

    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    public Builder hostname(String hostname) {
      this.hostname = Objects.requireNonNull(hostname, "hostname");
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder httpServer(HttpServer httpServer) {
      this.httpServer = Objects.requireNonNull(httpServer, "httpServer");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder pageCache(PageCache pageCache) {
      this.pageCache = Objects.requireNonNull(pageCache, "pageCache");
      return this;
    }

    /** See {@link NextOptions#json()}. */
    public Builder json(JsonCodec json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    public Builder accessLog(boolean accessLog) {
      this.accessLog = accessLog;
      return this;
    }

    public Builder probes(boolean probes) {
      this.probes = probes;
      return this;
    }

    public Builder livenessPath(String livenessPath) {
      this.livenessPath = Objects.requireNonNull(livenessPath, "livenessPath");
      return this;
    }

    public Builder readinessPath(String readinessPath) {
      this.readinessPath = Objects.requireNonNull(readinessPath, "readinessPath");
      return this;
    }

    /** See {@link NextOptions#bodyBufferBytes()}; at least 1. */
    public Builder bodyBufferBytes(long bytes) {
      this.bodyBufferBytes = bytes;
      return this;
    }

    /** The options; fails with {@link IllegalArgumentException} naming any invalid value. */
    public NextOptions build() {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
      }
      if (hostname != null && !isHostName(hostname)) {
        throw new IllegalArgumentException("hostname is not a host name: \"" + hostname + "\"");
      }
      if (bodyBufferBytes < 1) {
        throw new IllegalArgumentException("bodyBufferBytes must be 1 or more: " + bodyBufferBytes);
      }
      checkProbePath("livenessPath", livenessPath);
      checkProbePath("readinessPath", readinessPath);
      if (livenessPath.equals(readinessPath)) {
        throw new IllegalArgumentException("livenessPath and readinessPath must differ: both are \"" + livenessPath + "\"");
      }
      return new NextOptions(this);
    }

    /** {@code -Dnext.bodyBufferBytes}, else a quarter of the maximum heap, at least 1 MiB. */
    private static long defaultBodyBufferBytes() {
      String value = System.getProperty("next.bodyBufferBytes");
      if (value != null && !value.isBlank()) {
        try {
          return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("-Dnext.bodyBufferBytes must be a number of bytes: \"" + value + "\"", e);
        }
      }
      return Math.max(Runtime.getRuntime().maxMemory() / 4, 1024 * 1024);
    }

    /**
     * Whether {@code hostname} can name an address to bind: not blank, no space, control character
     * or {@code /}. (A plain loop: streams and lambdas cost classes on the startup path.)
     */
    static boolean isHostName(String hostname) {
      if (hostname.isBlank()) {
        return false;
      }
      for (int i = 0; i < hostname.length(); i++) {
        char c = hostname.charAt(i);
        if (c <= ' ' || c == '/') {
          return false;
        }
      }
      return true;
    }

    private static void checkProbePath(String name, String path) {
      boolean plain = path.startsWith("/") && path.length() > 1;
      for (int i = 0; plain && i < path.length(); i++) {
        char c = path.charAt(i);
        plain = c > ' ' && c != '?' && c != '#' && c < 0x7f;
      }
      if (!plain) {
        throw new IllegalArgumentException(name + " must be a path like /_next/health/live, without query, "
            + "spaces or non-ASCII characters: \"" + path + "\"");
      }
    }
  }
}
