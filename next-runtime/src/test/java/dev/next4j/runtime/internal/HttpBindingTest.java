package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpBindingTest {
  @Test
  void theServedMethodsAreExactlyTheListedOnes() {
    for (String method : HttpBinding.METHODS) {
      assertThat(HttpBinding.isServed(method)).as(method).isTrue();
    }
    for (String method : List.of("get", "Get", "GETS", "PUTS", "TRACE", "CONNECT", "PROPFIND", "", "HEAD ", "OPTION")) {
      assertThat(HttpBinding.isServed(method)).as(method).isFalse();
    }
  }
}
