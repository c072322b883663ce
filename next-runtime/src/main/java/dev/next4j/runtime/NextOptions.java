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
   * Where rendered static pages are kept; empty means a fresh {@link PageCache#inMemory()} per
   * app. Give one to share pages between instances.
   */
  public Optional<PageCache> pageCache() {
    return Optional.ofNullable(pageCache);
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder builder = new Builder().dev(dev).dir(dir).quiet(quiet).port(port);
    builder.conf = conf;
    builder.hostname = hostname;
    builder.httpServer = httpServer;
    builder.clock = clock;
    builder.pageCache = pageCache;
    return builder;
  }

  @Override
  public String toString() {
    return "NextOptions{dev=" + dev + ", dir=" + dir + ", conf=" + conf + ", quiet=" + quiet
        + ", hostname=" + hostname + ", port=" + port + ", httpServer=" + httpServer + ", clock=" + clock + ", pageCache=" + pageCache + "}";
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

    /** The options; fails with {@link IllegalArgumentException} naming any invalid value. */
    public NextOptions build() {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
      }
      if (hostname != null && (hostname.isBlank() || hostname.chars().anyMatch(c -> c <= ' ' || c == '/'))) {
        throw new IllegalArgumentException("hostname is not a host name: \"" + hostname + "\"");
      }
      return new NextOptions(this);
    }
  }
}
