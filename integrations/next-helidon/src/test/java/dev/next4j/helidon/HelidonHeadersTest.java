package dev.next4j.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelidonHeadersTest {
  private final HelidonHeaders known = new HelidonHeaders();

  private static String line(Header header) {
    BufferData buffer = BufferData.growing(64);
    header.writeHttp1Header(buffer);
    return buffer.readString(buffer.available(), StandardCharsets.US_ASCII);
  }

  @Test
  void aNameIsHelidonsAndLookedUpOnce() {
    assertThat(known.name("content-type")).isSameAs(HeaderNames.CONTENT_TYPE);
    assertThat(known.name("Host")).isSameAs(HeaderNames.HOST);
    assertThat(known.name("x-trace")).isSameAs(known.name("x-trace"));
    assertThat(known.name("X-Trace").lowerCase()).isEqualTo("x-trace");
  }

  @Test
  void aValueSentAgainIsTheSamePrebuiltLine() {
    Header first = known.header("content-type", List.of("text/html; charset=utf-8"));

    assertThat(known.header("content-type", List.of("text/html; charset=utf-8"))).isSameAs(first);
    assertThat(line(first)).isEqualTo("Content-Type: text/html; charset=utf-8\r\n");
  }

  @Test
  void anotherValueReplacesTheOneKeptForItsName() {
    Header a = known.header("etag", List.of("W/\"a\""));
    Header b = known.header("etag", List.of("W/\"b\""));

    assertThat(b).isNotSameAs(a);
    assertThat(b.get()).isEqualTo("W/\"b\"");
    assertThat(known.header("etag", List.of("W/\"b\""))).isSameAs(b);
    assertThat(line(known.header("etag", List.of("W/\"a\"")))).isEqualTo("ETag: W/\"a\"\r\n");
  }

  @Test
  void severalValuesAreOneLineEachAndNotKept() {
    Header cookies = known.header("set-cookie", List.of("a=1", "b=2"));

    assertThat(cookies.allValues()).containsExactly("a=1", "b=2");
    assertThat(line(cookies)).isEqualTo("Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n");
    assertThat(known.header("set-cookie", List.of("a=1", "b=2"))).isNotSameAs(cookies);
  }

  @Test
  void aValueBeyondVisibleAsciiIsBuiltForItsResponseOnly() {
    Header first = known.header("x-name", List.of("caf\u00e9"));

    assertThat(first.get()).isEqualTo("caf\u00e9");
    assertThat(known.header("x-name", List.of("caf\u00e9"))).isNotSameAs(first);
    assertThat(HelidonHeaders.isVisibleAscii("a\tb ~")).isTrue();
    assertThat(HelidonHeaders.isVisibleAscii("a\r\nb")).isFalse();
    assertThat(HelidonHeaders.isVisibleAscii("\u007f")).isFalse();
  }

  @Test
  void pastTheBoundNewNamesAreBuiltForTheirRequestOnly() {
    for (int i = 0; i < HelidonHeaders.MAX_NAMES; i++) {
      known.header("x-made-up-" + i, List.of("v"));
      known.name("x-asked-" + i);
    }
    Header kept = known.header("x-made-up-0", List.of("v"));

    assertThat(known.header("x-made-up-0", List.of("v"))).isSameAs(kept);
    assertThat(known.header("x-one-too-many", List.of("v"))).isNotSameAs(known.header("x-one-too-many", List.of("v")));
    assertThat(known.name("x-one-too-many")).isNotSameAs(known.name("x-one-too-many"));
    assertThat(known.name("x-one-too-many")).isEqualTo(HeaderNames.create("x-one-too-many"));
  }
}
