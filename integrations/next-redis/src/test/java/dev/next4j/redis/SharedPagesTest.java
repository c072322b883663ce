package dev.next4j.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.PageCache;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.Segment;
import dev.next4j.runtime.generated.TableBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two apps, as two instances of one site, sharing their static pages through one real Redis. */
class SharedPagesTest {
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  record None() {}

  /** The clock both instances read, moved by the test. */
  static final class TestClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-03T12:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** One instance: its own page objects (as in its own JVM) that say who rendered them, over {@code cache}. */
  static final class Instance implements AutoCloseable {
    final AtomicInteger renders = new AtomicInteger();
    final RedisPageCache cache;
    final NextApp app;

    Instance(String name, RedisPageCache cache, Clock clock) {
      this(name, cache, clock, NextConfig.defaults());
    }

    /** With {@code config}: with i18n, the stamp page says its locale. */
    Instance(String name, RedisPageCache cache, Clock clock, NextConfig config) {
      this.cache = cache;
      StaticPage<None> news = new StaticPage<>() {
        @Override
        public Response render(None params) {
          return Response.html("<p>news by " + name + " #" + renders.incrementAndGet() + "</p>");
        }

        @Override
        public Optional<Duration> revalidate() {
          return Optional.of(Duration.ofSeconds(10));
        }
      };
      StaticPage<None> stamp = new StaticPage<>() {
        @Override
        public Response render(None params) {
          return Response.html("<p>stamp by " + name + " #" + renders.incrementAndGet() + "</p>");
        }

        @Override
        public Response render(None params, String locale) {
          return Response.html("<p>" + locale + " stamp by " + name + " #" + renders.incrementAndGet() + "</p>");
        }
      };
      this.app = NextApp.create(TableBuilder.of(
              Route.staticPage("/news", r -> new None(), p -> "/news", news, Segment.literal("news")),
              Route.staticPage("/stamp", r -> new None(), p -> "/stamp", stamp, Segment.literal("stamp")))
          .build(), config, NextOptions.builder().dev(false).quiet(true).clock(clock).pageCache(cache).build());
    }

    Response get(String path) {
      return app.handle(Request.get(path));
    }

    String body(String path) {
      return get(path).bodyText();
    }

    @Override
    public void close() {
      app.close();
      cache.close();
    }
  }

  private static String stored(PageCache cache, String path) {
    return cache.get(path).map(e -> new String(e.body(), StandardCharsets.UTF_8)).orElse("(none)");
  }

  @Test
  void aPageRegeneratedOnOneInstanceIsServedFreshByTheOther() throws Exception {
    TestClock clock = new TestClock();
    String namespace = "shared-isr";
    try (RedisPageCache look = RedisPageCache.connect(redis.url(), namespace);
        Instance one = new Instance("one", RedisPageCache.connect(redis.url(), namespace), clock);
        Instance two = new Instance("two", RedisPageCache.connect(redis.url(), namespace), clock)) {
      Response first = one.get("/news");
      Response fromTwo = two.get("/news");

      assertThat(first.header("x-next-cache")).hasValue("MISS");
      assertThat(fromTwo.bodyText()).isEqualTo("<p>news by one #1</p>");
      assertThat(fromTwo.header("x-next-cache")).hasValue("HIT");

      clock.advance(Duration.ofSeconds(10));
      Response stale = one.get("/news");
      assertThat(stale.header("x-next-cache")).hasValue("STALE");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!stored(look, "/news").equals("<p>news by one #2</p>") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Response fresh = two.get("/news");

      assertThat(fresh.bodyText()).isEqualTo("<p>news by one #2</p>");
      assertThat(fresh.header("x-next-cache")).as("rendered at the clock's now: fresh for ten seconds").hasValue("HIT");
      assertThat(two.renders).as("two rendered nothing").hasValue(0);
    }
  }

  @Test
  void aStalePathClaimedElsewhereIsNotRegeneratedHere() throws Exception {
    TestClock clock = new TestClock();
    String namespace = "shared-claim";
    try (RedisPageCache elsewhere = RedisPageCache.connect(redis.url(), namespace);
        Instance two = new Instance("two", RedisPageCache.connect(redis.url(), namespace), clock)) {
      two.get("/news");
      assertThat(elsewhere.claimRegeneration("/news", Duration.ofMinutes(1))).isTrue();
      clock.advance(Duration.ofSeconds(10));

      assertThat(two.get("/news").header("x-next-cache")).hasValue("STALE");
      Thread.sleep(300);
      assertThat(two.get("/news").bodyText()).as("still the page of before: the claim is held elsewhere")
          .isEqualTo("<p>news by two #1</p>");
      assertThat(two.renders).hasValue(1);

      elsewhere.releaseRegeneration("/news");
      two.get("/news");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (two.renders.get() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(two.renders).as("released: two regenerates it").hasValue(2);
    }
  }

  @Test
  void anOnDemandRevalidationOnOneInstanceIsSeenByTheOther() {
    TestClock clock = new TestClock();
    String namespace = "shared-revalidate";
    try (Instance one = new Instance("one", RedisPageCache.connect(redis.url(), namespace), clock);
        Instance two = new Instance("two", RedisPageCache.connect(redis.url(), namespace), clock)) {
      assertThat(two.body("/stamp")).isEqualTo("<p>stamp by two #1</p>");
      assertThat(one.body("/stamp")).isEqualTo("<p>stamp by two #1</p>");

      one.app.revalidate("/stamp");

      assertThat(two.body("/stamp")).isEqualTo("<p>stamp by one #1</p>");
      assertThat(two.renders).hasValue(1);
    }
  }

  @Test
  void underI18nEachLocaleIsItsOwnSharedPageAndARevalidationTouchesOneLocale() {
    TestClock clock = new TestClock();
    String namespace = "shared-locales";
    NextConfig i18n = NextConfig.builder().i18n(NextConfig.I18n.of("en-US", "en-US", "fr")).build();
    try (RedisPageCache look = RedisPageCache.connect(redis.url(), namespace);
        Instance one = new Instance("one", RedisPageCache.connect(redis.url(), namespace), clock, i18n);
        Instance two = new Instance("two", RedisPageCache.connect(redis.url(), namespace), clock, i18n)) {
      assertThat(one.body("/fr/stamp")).isEqualTo("<p>fr stamp by one #1</p>");
      assertThat(two.body("/stamp")).isEqualTo("<p>en-US stamp by two #1</p>");
      assertThat(two.get("/fr/stamp").header("x-next-cache")).hasValue("HIT");
      assertThat(stored(look, "/fr/stamp")).isEqualTo("<p>fr stamp by one #1</p>");
      assertThat(stored(look, "/en-US/stamp")).isEqualTo("<p>en-US stamp by two #1</p>");

      one.app.revalidate("/fr/stamp");

      assertThat(two.body("/fr/stamp")).isEqualTo("<p>fr stamp by one #2</p>");
      assertThat(one.body("/stamp")).as("the default locale's page is untouched").isEqualTo("<p>en-US stamp by two #1</p>");
      assertThat(two.renders).hasValue(1);
    }
  }
}
