package dev.next4j.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.PageCache;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Redis page cache against a real redis-server: what two instances share, claims, and Redis going away. */
class RedisPageCacheTest {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  /** A fresh namespace per test, so that tests sharing the server see nothing of each other. */
  private static String namespace() {
    return "test-" + NAMESPACES.incrementAndGet();
  }

  private static PageCache.Entry page(String text, Instant at) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    return new PageCache.Entry(body, new byte[] {31, -117, 8, 0}, "text/html; charset=utf-8", "\"etag-" + text + "\"", at);
  }

  @Test
  void aPageOneInstanceStoresIsReadWholeByAnother() throws Exception {
    String namespace = namespace();
    Instant at = Instant.parse("2026-12-03T10:15:30.123456789Z");
    try (RedisPageCache one = RedisPageCache.connect(redis.url(), namespace);
        RedisPageCache two = RedisPageCache.connect(redis.url(), namespace);
        RespConnection look = redis.connect()) {
      one.put("/blog/hello", page("<h1>Hello</h1>", at));

      PageCache.Entry read = two.get("/blog/hello").orElseThrow();

      assertThat(new String(read.body(), StandardCharsets.UTF_8)).isEqualTo("<h1>Hello</h1>");
      assertThat(read.gzip()).containsExactly(31, -117, 8, 0);
      assertThat(read.contentType()).isEqualTo("text/html; charset=utf-8");
      assertThat(read.etag()).isEqualTo("\"etag-<h1>Hello</h1>\"");
      assertThat(read.renderedAt()).isEqualTo(at);
      assertThat(look.call("EXISTS", "next4j:" + namespace + ":page:/blog/hello")).isEqualTo(1L);
      long ttl = (Long) look.call("PTTL", "next4j:" + namespace + ":page:/blog/hello");
      assertThat(ttl).as("expires after 30 days, renewed by each put")
          .isBetween(Duration.ofDays(30).minusMinutes(1).toMillis(), Duration.ofDays(30).toMillis());
      assertThat(two.get("/blog/other")).isEmpty();
    }
  }

  @Test
  void aNewerPageReplacesTheOldOneForEveryInstance() {
    String namespace = namespace();
    try (RedisPageCache one = RedisPageCache.connect(redis.url(), namespace);
        RedisPageCache two = RedisPageCache.connect(redis.url(), namespace)) {
      one.put("/news", page("v1", Instant.EPOCH));
      assertThat(two.get("/news").map(e -> new String(e.body(), StandardCharsets.UTF_8))).hasValue("v1");

      two.put("/news", page("v2", Instant.EPOCH.plusSeconds(60)));

      assertThat(one.get("/news").map(e -> new String(e.body(), StandardCharsets.UTF_8))).hasValue("v2");
      assertThat(one.get("/news").map(PageCache.Entry::renderedAt)).hasValue(Instant.EPOCH.plusSeconds(60));
    }
  }

  @Test
  void anInvalidationOnOneInstanceIsSeenByAnotherThatHadReadThePage() {
    String namespace = namespace();
    try (RedisPageCache one = RedisPageCache.connect(redis.url(), namespace);
        RedisPageCache two = RedisPageCache.connect(redis.url(), namespace)) {
      one.put("/gone", page("here", Instant.EPOCH));
      assertThat(two.get("/gone")).isPresent();

      one.invalidate("/gone");

      assertThat(two.get("/gone")).isEmpty();
    }
  }

  @Test
  void namespacesKeepTheirPagesApart() {
    try (RedisPageCache oldBuild = RedisPageCache.connect(redis.url(), namespace());
        RedisPageCache newBuild = RedisPageCache.connect(redis.url(), namespace())) {
      oldBuild.put("/", page("old", Instant.EPOCH));

      assertThat(newBuild.get("/")).isEmpty();
      assertThat(oldBuild.get("/")).isPresent();
    }
  }

  @Test
  void oneInstanceAtATimeHoldsARegenerationClaimUntilItReleasesIt() {
    String namespace = namespace();
    try (RedisPageCache one = RedisPageCache.connect(redis.url(), namespace);
        RedisPageCache two = RedisPageCache.connect(redis.url(), namespace)) {
      assertThat(one.claimRegeneration("/news", Duration.ofMinutes(1))).isTrue();
      assertThat(two.claimRegeneration("/news", Duration.ofMinutes(1))).isFalse();
      assertThat(two.claimRegeneration("/other", Duration.ofMinutes(1))).as("claims are per path").isTrue();

      two.releaseRegeneration("/news");
      assertThat(two.claimRegeneration("/news", Duration.ofMinutes(1))).as("a refused claim releases nothing").isFalse();

      one.releaseRegeneration("/news");
      assertThat(two.claimRegeneration("/news", Duration.ofMinutes(1))).isTrue();
    }
  }

  @Test
  void aClaimLapsesAfterItsLeaseAndALateReleaseDoesNotFreeAnotherInstancesClaim() throws Exception {
    String namespace = namespace();
    try (RedisPageCache one = RedisPageCache.connect(redis.url(), namespace);
        RedisPageCache two = RedisPageCache.connect(redis.url(), namespace);
        RedisPageCache three = RedisPageCache.connect(redis.url(), namespace)) {
      assertThat(one.claimRegeneration("/news", Duration.ofMillis(100))).isTrue();
      Thread.sleep(300);

      assertThat(two.claimRegeneration("/news", Duration.ofMinutes(1))).as("the first claim lapsed").isTrue();
      one.releaseRegeneration("/news");

      assertThat(three.claimRegeneration("/news", Duration.ofMinutes(1))).as("two's claim still holds").isFalse();
    }
  }

  @Test
  void aValueThatIsNoStoredPageIsTreatedAsMissingAndReplaced() throws Exception {
    String namespace = namespace();
    try (RedisPageCache cache = RedisPageCache.connect(redis.url(), namespace);
        RespConnection look = redis.connect()) {
      look.call("SET", "next4j:" + namespace + ":page:/odd", "not a page");

      assertThat(cache.get("/odd")).isEmpty();
      cache.put("/odd", page("fine", Instant.EPOCH));
      assertThat(cache.get("/odd")).isPresent();
    }
  }

  @Test
  void whenRedisGoesAwayTheInstanceServesItsOwnPagesAndSharesAgainWhenItIsBack() throws Exception {
    RedisServer own = RedisServer.start();
    int port = own.port();
    String url = own.url();
    String namespace = namespace();
    try (RedisPageCache cache = new RedisPageCache(RedisAddress.parse(url), namespace, Duration.ofSeconds(1), Duration.ofMillis(200))) {
      cache.put("/", page("home", Instant.EPOCH));
      cache.put("/news", page("news", Instant.EPOCH));
      own.close();

      // Redis is gone: no exception reaches the app; what this instance holds is served.
      assertThat(cache.get("/").map(e -> new String(e.body(), StandardCharsets.UTF_8))).hasValue("home");
      assertThat(cache.get("/never-rendered")).isEmpty();
      cache.put("/later", page("later", Instant.EPOCH));
      assertThat(cache.get("/later")).isPresent();
      cache.invalidate("/news");
      assertThat(cache.get("/news")).isEmpty();
      assertThat(cache.claimRegeneration("/", Duration.ofMinutes(1))).as("granted: nobody else can be asked").isTrue();
      cache.releaseRegeneration("/");

      // Redis is back (empty, on the same port): after the retry delay the cache asks it again.
      own = RedisServer.start(port);
      Thread.sleep(300);
      assertThat(cache.get("/")).as("Redis is asked again, and it holds nothing").isEmpty();
      cache.put("/", page("shared again", Instant.EPOCH));
      try (RespConnection look = own.connect()) {
        assertThat(look.call("EXISTS", "next4j:" + namespace + ":page:/")).isEqualTo(1L);
      }
    } finally {
      own.close();
    }
  }

  @Test
  void fromTheEnvironmentTheUrlSelectsRedisAndTheBuildNamesTheNamespace(@TempDir Path jar) throws Exception {
    ClassLoader noManifest = new URLClassLoader(new URL[0], null);
    assertThat(RedisPageCache.fromSettings(name -> null, noManifest)).isEmpty();
    assertThat(RedisPageCache.fromSettings(name -> " ", noManifest)).isEmpty();

    Map<String, String> urlOnly = Map.of(RedisPageCache.URL_PROPERTY, redis.url());
    try (RedisPageCache site = (RedisPageCache) RedisPageCache.fromSettings(urlOnly::get, noManifest).orElseThrow()) {
      assertThat(site.namespace()).isEqualTo("site");
    }

    Path manifest = jar.resolve(RedisPageCache.MANIFEST);
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, "# next4j prerender manifest 1\n/\t/\tindex.html\t\ttext/html\t\"a\"\n");
    try (URLClassLoader build = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      String first = RedisPageCache.buildNamespace(build);
      assertThat(first).matches("build-[0-9a-f]{12}");
      assertThat(RedisPageCache.buildNamespace(build)).isEqualTo(first);
      Files.writeString(manifest, "# next4j prerender manifest 1\n/\t/\tindex.html\t\ttext/html\t\"b\"\n");
      try (URLClassLoader next = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
        assertThat(RedisPageCache.buildNamespace(next)).as("another build, another namespace").isNotEqualTo(first);
      }
    }

    Map<String, String> named = Map.of(RedisPageCache.URL_PROPERTY, redis.url(), RedisPageCache.NAMESPACE_PROPERTY, " shop-1.4.2 ");
    try (RedisPageCache shop = (RedisPageCache) RedisPageCache.fromSettings(named::get, noManifest).orElseThrow()) {
      assertThat(shop.namespace()).isEqualTo("shop-1.4.2");
      assertThat(shop).hasToString("RedisPageCache(redis://127.0.0.1:" + redis.port() + "/0, namespace shop-1.4.2)");
    }
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironmentVariable() {
    Map<String, String> properties = Map.of(RedisPageCache.URL_PROPERTY, "redis://from-property");
    Map<String, String> environment = Map.of(RedisPageCache.URL_VARIABLE, "redis://from-env",
        RedisPageCache.NAMESPACE_VARIABLE, "from-env");
    var settings = RedisPageCache.setting(properties::get, environment::get);

    assertThat(settings.apply(RedisPageCache.URL_PROPERTY)).isEqualTo("redis://from-property");
    assertThat(settings.apply(RedisPageCache.NAMESPACE_PROPERTY)).isEqualTo("from-env");
  }

  @Test
  void aMalformedSettingFailsNamingIt() {
    ClassLoader noManifest = new URLClassLoader(new URL[0], null);
    Map<String, String> badUrl = Map.of(RedisPageCache.URL_PROPERTY, "http://redis:6379");
    Map<String, String> badNamespace = Map.of(RedisPageCache.URL_PROPERTY, "redis://redis", RedisPageCache.NAMESPACE_PROPERTY, "my shop");

    assertThatThrownBy(() -> RedisPageCache.fromSettings(badUrl::get, noManifest))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NEXT_REDIS_URL / NEXT_REDIS_NAMESPACE: not a Redis URL (redis://host:port/database): \"http://redis:6379\"");
    assertThatThrownBy(() -> RedisPageCache.fromSettings(badNamespace::get, noManifest))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NEXT_REDIS_URL / NEXT_REDIS_NAMESPACE: a Redis namespace is a non-empty word without spaces "
            + "(e.g. \"shop-1.4.2\"): \"my shop\"");
  }
}
