package dev.next4j.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.PageCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EntryCodecTest {
  private static final PageCache.Entry PAGE = new PageCache.Entry("<h1>Hé</h1>".getBytes(StandardCharsets.UTF_8),
      new byte[] {1, 2, 3}, "text/html; charset=utf-8", "\"abc\"", Instant.parse("2026-12-03T10:00:00.5Z"));

  @Test
  void anEntryRoundTripsWhole() throws IOException {
    PageCache.Entry read = EntryCodec.decode(EntryCodec.encode(PAGE));

    assertThat(read.body()).isEqualTo(PAGE.body());
    assertThat(read.gzip()).isEqualTo(PAGE.gzip());
    assertThat(read.contentType()).isEqualTo(PAGE.contentType());
    assertThat(read.etag()).isEqualTo(PAGE.etag());
    assertThat(read.renderedAt()).isEqualTo(PAGE.renderedAt());
  }

  @Test
  void anotherFormatOrACutValueIsRejectedSayingWhat() {
    byte[] encoded = EntryCodec.encode(PAGE);
    byte[] otherVersion = encoded.clone();
    otherVersion[4] = 2;

    assertThatThrownBy(() -> EntryCodec.decode("hello".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("not a page stored by next-redis (it does not start with N4JP)");
    assertThatThrownBy(() -> EntryCodec.decode(otherVersion))
        .hasMessage("a page stored in format 2; this next-redis reads format 1");
    assertThatThrownBy(() -> EntryCodec.decode(Arrays.copyOf(encoded, encoded.length - 1)))
        .hasMessage("the page's gzip form is cut short: 2 of 3 bytes");
    assertThatThrownBy(() -> EntryCodec.decode(Arrays.copyOf(encoded, encoded.length + 1)))
        .hasMessage("1 bytes after the page's gzip form");
  }
}
