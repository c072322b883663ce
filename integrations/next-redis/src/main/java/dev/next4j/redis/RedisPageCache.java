package dev.next4j.redis;

import dev.next4j.runtime.PageCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * A {@link PageCache} on Redis, shared by every instance of a site: a page prerendered, rendered
 * on demand or regenerated (ISR) on one instance is served by all, {@code app.revalidate(path)} on
 * one is seen by all, and one instance at a time regenerates a stale path.
 *
 * <p>Each page is one Redis string under {@code next4j:<namespace>:page:<path>} (body, gzip form,
 * content type, ETag and render time, in {@link EntryCodec}'s layout), written by one {@code SET}
 * that also renews its expiry ({@value #ENTRY_TTL_DAYS} days, so the pages of an old build do not
 * stay forever). A regeneration's claim is {@code SET next4j:<namespace>:regenerating:<path> <token>
 * NX PX <lease>}, given back by a script that deletes it only while it holds this instance's token.
 * Every read asks Redis, so an instance keeps no copy that could go stale and no invalidation has
 * to be broadcast.
 *
 * <p><b>When Redis does not answer</b> (down, unreachable, a timeout of {@value #TIMEOUT_MILLIS} ms,
 * or an error reply such as a wrong password), the failure is logged once, as a warning, and for
 * the next {@value #RETRY_SECONDS} seconds this instance does not ask Redis: it serves the pages it
 * stored or read itself (its prerendered pages among them), renders what it has not, and grants
 * itself every regeneration. Then it tries again, and logs when Redis answers. A request never
 * fails because Redis is down; while it is, instances do not share what they render.
 *
 * <pre>{@code
 * // a generated NextServer: _App names it, NEXT_REDIS_URL selects it
 * public Optional<PageCache> pageCache() { return RedisPageCache.fromEnvironment(); }
 *
 * // a custom server
 * NextOptions.builder().pageCache(RedisPageCache.connect("redis://redis:6379", "shop-1.4.2"))
 * }</pre>
 */
public final class RedisPageCache implements PageCache, AutoCloseable {
  /** The environment variable that selects the Redis cache: a {@code redis://host:port/database} URL. */
  public static final String URL_VARIABLE = "NEXT_REDIS_URL";
  /** The system property that does the same and wins over {@link #URL_VARIABLE}. */
  public static final String URL_PROPERTY = "next.redis.url";
  /** The environment variable naming the key namespace (default: one per build, see {@link #fromEnvironment()}). */
  public static final String NAMESPACE_VARIABLE = "NEXT_REDIS_NAMESPACE";
  /** The system property that does the same and wins over {@link #NAMESPACE_VARIABLE}. */
  public static final String NAMESPACE_PROPERTY = "next.redis.namespace";

  static final int TIMEOUT_MILLIS = 2000;
  static final int RETRY_SECONDS = 5;
  static final int ENTRY_TTL_DAYS = 30;
  private static final int MAX_IDLE_CONNECTIONS = 16;
  /** The prerender manifest the build puts in the site's jar; its hash names the build. */
  static final String MANIFEST = "META-INF/next/static/manifest.tsv";
  /** Deletes the claim only while it holds this instance's token (a lapsed claim may be another's now). */
  private static final String RELEASE_SCRIPT =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

  private static final Logger LOG = System.getLogger("dev.next4j.redis");

  private final RespPool redis;
  private final String namespace;
  private final String prefix;
  private final Duration retryAfter;
  /** What this instance stored or last read, per path: served only while Redis does not answer. */
  private final Map<String, Entry> own = new ConcurrentHashMap<>();
  /** The token of each claim this instance holds. */
  private final Map<String, String> claims = new ConcurrentHashMap<>();
  private final AtomicBoolean down = new AtomicBoolean();
  /** While Redis is down: {@code System.nanoTime()} before which it is not asked again. */
  private volatile long retryAt;

  RedisPageCache(RedisAddress address, String namespace, Duration timeout, Duration retryAfter) {
    this.namespace = checkNamespace(namespace);
    this.prefix = "next4j:" + namespace + ":";
    this.redis = new RespPool(address, timeout, MAX_IDLE_CONNECTIONS);
    this.retryAfter = retryAfter;
  }

  /**
   * A cache on the Redis server at {@code url} ({@code redis://[[user]:password@]host[:port][/database]}),
   * its keys under {@code next4j:<namespace>:}. Instances that share pages use the same namespace;
   * give each build its own (its version, its image tag), so that a new build never serves the pages
   * of an old one. Nothing is sent until the first page is asked for: an unreachable server is
   * handled as described above, not here.
   *
   * @throws IllegalArgumentException when {@code url} is no Redis URL or {@code namespace} is empty
   *     or holds whitespace
   */
  public static RedisPageCache connect(String url, String namespace) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(namespace, "namespace");
    return new RedisPageCache(RedisAddress.parse(url), namespace,
        Duration.ofMillis(TIMEOUT_MILLIS), Duration.ofSeconds(RETRY_SECONDS));
  }

  /**
   * The Redis cache when {@value #URL_PROPERTY} or {@value #URL_VARIABLE} names a server, else empty
   * (the app then keeps its pages in memory). The namespace is {@value #NAMESPACE_PROPERTY} or
   * {@value #NAMESPACE_VARIABLE} when set, else {@code build-<12 hex digits>}, a hash of the prerender
   * manifest in the site's jar: every instance of one build shares it, and any change to a
   * prerendered page gives the next build its own. A site with no prerendered pages gets {@code site}.
   *
   * @throws IllegalArgumentException when the URL or the namespace is malformed, naming the setting
   */
  public static Optional<PageCache> fromEnvironment() {
    return fromSettings(setting(System::getProperty, System::getenv), RedisPageCache.class.getClassLoader());
  }

  /** What {@link #fromEnvironment()} does, with {@code settings} for the property/variable lookup. */
  static Optional<PageCache> fromSettings(UnaryOperator<String> settings, ClassLoader loader) {
    String url = settings.apply(URL_PROPERTY);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String namespace = settings.apply(NAMESPACE_PROPERTY);
    RedisPageCache cache;
    try {
      cache = connect(url, namespace == null || namespace.isBlank() ? buildNamespace(loader) : namespace.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(URL_VARIABLE + " / " + NAMESPACE_VARIABLE + ": " + e.getMessage(), e);
    }
    LOG.log(Level.INFO, "next4j keeps its static pages in Redis at " + cache.redis.address() + ", namespace " + cache.namespace);
    return Optional.of(cache);
  }

  /** The value of a setting by its property name: the system property, else the environment variable. */
  static UnaryOperator<String> setting(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    return property -> {
      String value = properties.apply(property);
      if (value != null) {
        return value;
      }
      return environment.apply(property.equals(URL_PROPERTY) ? URL_VARIABLE : NAMESPACE_VARIABLE);
    };
  }

  /** {@code build-<hash>} of the prerender manifest {@code loader} finds, or {@code site} without one. */
  static String buildNamespace(ClassLoader loader) {
    try (InputStream manifest = loader.getResourceAsStream(MANIFEST)) {
      if (manifest == null) {
        return "site";
      }
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(manifest.readAllBytes());
      return "build-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + MANIFEST + " to name the Redis namespace", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static String checkNamespace(String namespace) {
    if (namespace.isEmpty() || namespace.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException("a Redis namespace is a non-empty word without spaces (e.g. \"shop-1.4.2\"): \"" + namespace + "\"");
    }
    return namespace;
  }

  /** The key namespace, {@code next4j:<namespace>:…}. */
  public String namespace() {
    return namespace;
  }

  String pageKey(String path) {
    return prefix + "page:" + path;
  }

  String claimKey(String path) {
    return prefix + "regenerating:" + path;
  }

  @Override
  public Optional<Entry> get(String path) {
    if (skipRedis()) {
      return Optional.ofNullable(own.get(path));
    }
    byte[] value;
    try {
      value = (byte[]) redis.call("GET", pageKey(path));
      answered();
    } catch (IOException e) {
      failed("GET " + path, e);
      return Optional.ofNullable(own.get(path));
    }
    if (value == null) {
      own.remove(path);
      return Optional.empty();
    }
    try {
      Entry entry = EntryCodec.decode(value);
      own.put(path, entry);
      return Optional.of(entry);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "the page stored in Redis under " + pageKey(path) + " is unreadable (" + e.getMessage()
          + "); it is rendered again and replaced");
      own.remove(path);
      return Optional.empty();
    }
  }

  @Override
  public void put(String path, Entry entry) {
    own.put(path, entry);
    if (skipRedis()) {
      return;
    }
    try {
      redis.call("SET", pageKey(path), EntryCodec.encode(entry), "PX", Long.toString(Duration.ofDays(ENTRY_TTL_DAYS).toMillis()));
      answered();
    } catch (IOException e) {
      failed("SET " + path, e);
    }
  }

  @Override
  public void invalidate(String path) {
    own.remove(path);
    if (skipRedis()) {
      return;
    }
    try {
      redis.call("DEL", pageKey(path));
      answered();
    } catch (IOException e) {
      failed("DEL " + path, e);
    }
  }

  /** Granted when this instance set the claim key ({@code NX}); also granted while Redis is down. */
  @Override
  public boolean claimRegeneration(String path, Duration lease) {
    if (skipRedis()) {
      return true;
    }
    String token = UUID.randomUUID().toString();
    try {
      Object reply = redis.call("SET", claimKey(path), token, "NX", "PX", Long.toString(Math.max(1, lease.toMillis())));
      answered();
      if (reply == null) {
        return false;
      }
      claims.put(path, token);
      return true;
    } catch (IOException e) {
      failed("SET NX " + claimKey(path), e);
      return true;
    }
  }

  @Override
  public void releaseRegeneration(String path) {
    String token = claims.remove(path);
    if (token == null || skipRedis()) {
      return;
    }
    try {
      redis.call("EVAL", RELEASE_SCRIPT, "1", claimKey(path), token);
      answered();
    } catch (IOException e) {
      failed("releasing " + claimKey(path), e);
    }
  }

  /** Whether Redis failed a moment ago and is not asked until its retry time. */
  private boolean skipRedis() {
    return down.get() && System.nanoTime() - retryAt < 0;
  }

  private void answered() {
    if (down.compareAndSet(true, false)) {
      LOG.log(Level.INFO, "Redis at " + redis.address() + " answers again: static pages are shared again");
    }
  }

  private void failed(String what, IOException e) {
    retryAt = System.nanoTime() + retryAfter.toNanos();
    String cause = e instanceof RespConnection.ErrorReply ? "Redis answered: " + e.getMessage() : e.toString();
    if (down.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "Redis at " + redis.address() + " failed (" + what + ": " + cause + "); this instance serves "
          + "the pages it holds and renders the others, not shared, and asks Redis again in " + seconds(retryAfter));
    } else {
      LOG.log(Level.DEBUG, "Redis at " + redis.address() + " still fails (" + what + ": " + cause + ")");
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** Closes the connections; later calls act as if Redis were down (this instance's pages only). */
  @Override
  public void close() {
    redis.close();
  }

  @Override
  public String toString() {
    return "RedisPageCache(" + redis.address() + ", namespace " + namespace + ")";
  }
}
