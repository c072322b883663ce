package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderMapTest {
  private static HeaderMap finished() {
    Map<String, List<String>> own = new LinkedHashMap<>();
    own.put("content-type", List.of("text/html; charset=utf-8"));
    own.put("set-cookie", List.of("a=1", "b=2"));
    HeaderMap.Builder builder = new HeaderMap.Builder(own);
    builder.set("x-powered-by", List.of("next4j"));
    builder.set("content-type", List.of("text/plain"));
    builder.set("etag", List.of("W/\"x\""));
    return builder.build();
  }

  @Test
  void aNameSetAgainKeepsItsPlaceAndNewNamesComeLast() {
    HeaderMap headers = finished();

    assertThat(new ArrayList<>(headers.keySet())).containsExactly("content-type", "set-cookie", "x-powered-by", "etag");
    assertThat(headers.get("content-type")).containsExactly("text/plain");
    assertThat(headers.get("set-cookie")).containsExactly("a=1", "b=2");
    assertThat(headers.get("Content-Type")).isNull();
    assertThat(headers.containsKey("etag")).isTrue();
    assertThat(headers.containsKey("vary")).isFalse();
    assertThat(headers).hasSize(4);
  }

  @Test
  void itEqualsAnOrderedMapOfTheSameHeadersAndPrintsLikeOne() {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("content-type", List.of("text/plain"));
    expected.put("set-cookie", List.of("a=1", "b=2"));
    expected.put("x-powered-by", List.of("next4j"));
    expected.put("etag", List.of("W/\"x\""));

    assertThat(finished()).isEqualTo(expected);
    assertThat(finished().hashCode()).isEqualTo(expected.hashCode());
    assertThat(finished()).hasToString(expected.toString());
    List<String> seen = new ArrayList<>();
    finished().forEach((name, values) -> seen.add(name + "=" + values));
    assertThat(seen).containsExactly(
        "content-type=[text/plain]", "set-cookie=[a=1, b=2]", "x-powered-by=[next4j]", "etag=[W/\"x\"]");
  }

  @Test
  void itCannotBeChanged() {
    HeaderMap headers = finished();

    assertThatThrownBy(() -> headers.put("vary", List.of("Accept")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.remove("etag")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.entrySet().iterator().next().setValue(List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(headers).hasSize(4);
  }

  @Test
  void theBuilderGrowsPastItsFirstCapacity() {
    HeaderMap.Builder builder = new HeaderMap.Builder(Map.of());
    for (int i = 0; i < 20; i++) {
      builder.set("x-" + i, List.of(Integer.toString(i)));
    }
    HeaderMap headers = builder.build();

    assertThat(headers).hasSize(20);
    assertThat(headers.get("x-19")).containsExactly("19");
    assertThat(new ArrayList<>(headers.keySet()).get(0)).isEqualTo("x-0");
  }
}
