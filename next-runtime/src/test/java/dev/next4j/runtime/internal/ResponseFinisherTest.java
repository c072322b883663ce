package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseFinisherTest {
  // Expected values computed independently: 64-bit FNV-1a, low 52 bits, base 36, then the length in base 36.
  @Test
  void etagIsTheFnv1aHashCutTo52BitsThenTheLengthInBase36() {
    assertThat(ResponseFinisher.etag(new byte[0])).isEqualTo("W/\"78p3gz20px0\"");
    assertThat(ResponseFinisher.etag(bytes("hello"))).isEqualTo("W/\"2caikvdrt75\"");
    assertThat(ResponseFinisher.etag(bytes("<h1>été</h1>"))).isEqualTo("W/\"xspu5de7see\"");
  }

  @Test
  void etagTellsBodiesApartThatDifferInOneByte() {
    assertThat(ResponseFinisher.etag(bytes("page v1"))).isNotEqualTo(ResponseFinisher.etag(bytes("page v2")));
  }

  @Test
  void ifNoneMatchMatchesTheEtagWeaklyAndInAList() {
    String etag = ResponseFinisher.etag(bytes("hello"));
    assertThat(ResponseFinisher.matches(Optional.of(etag), etag)).isTrue();
    assertThat(ResponseFinisher.matches(Optional.of("\"other\", " + etag), etag)).isTrue();
    assertThat(ResponseFinisher.matches(Optional.of("\"2caikvdrt75\""), etag)).isTrue();
    assertThat(ResponseFinisher.matches(Optional.of("W/\"nope\""), etag)).isFalse();
    assertThat(ResponseFinisher.matches(Optional.empty(), etag)).isFalse();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
