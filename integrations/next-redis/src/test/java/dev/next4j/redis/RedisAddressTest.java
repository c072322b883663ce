package dev.next4j.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisAddressTest {
  @Test
  void aUrlGivesHostPortUserPasswordAndDatabaseWithRedissDefaults() {
    assertThat(RedisAddress.parse("redis://cache")).isEqualTo(new RedisAddress("cache", 6379, null, null, 0));
    assertThat(RedisAddress.parse("redis://:s3cret@redis.cache.svc:6380/2"))
        .isEqualTo(new RedisAddress("redis.cache.svc", 6380, null, "s3cret", 2));
    assertThat(RedisAddress.parse("redis://app:p%40ss+word@10.0.0.5/"))
        .isEqualTo(new RedisAddress("10.0.0.5", 6379, "app", "p@ss+word", 0));
  }

  @Test
  void theAddressPrintsWithoutItsPassword() {
    assertThat(RedisAddress.parse("redis://app:s3cret@cache:6379/1")).hasToString("redis://app@cache:6379/1");
    assertThat(RedisAddress.hidden("redis://app:s3cret@cache")).isEqualTo("redis://app:***@cache");
    assertThat(RedisAddress.hidden("redis://cache")).isEqualTo("redis://cache");
  }

  @Test
  void aMalformedUrlIsRejectedQuotedWithItsPasswordHidden() {
    assertThatThrownBy(() -> RedisAddress.parse("redis://:s3cret@cache/shop"))
        .hasMessage("a Redis URL's path is the database number (0, 1, …), not \"/shop\": \"redis://:***@cache/shop\"");
    assertThatThrownBy(() -> RedisAddress.parse("cache:6379"))
        .hasMessage("not a Redis URL (redis://host:port/database): \"cache:6379\"");
    assertThatThrownBy(() -> RedisAddress.parse("rediss://cache:6380"))
        .hasMessageStartingWith("rediss:// (Redis over TLS) is not supported by next-redis: \"rediss://cache:6380\"");
  }
}
