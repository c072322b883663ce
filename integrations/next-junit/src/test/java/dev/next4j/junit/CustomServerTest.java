package dev.next4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A custom server's method that returns its started {@code HttpServer}. */
@NextTest(value = TestSite.class, method = "start")
class CustomServerTest {
  @Test
  void servesThroughTheCustomServer(NextClient client) {
    assertThat(client.get("/").header("x-custom-server")).hasValue("yes");
    assertThat(client.get("/blog/b").bodyText()).isEqualTo("<h1>post b</h1>");
  }
}
