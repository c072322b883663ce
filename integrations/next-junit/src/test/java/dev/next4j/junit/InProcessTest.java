package dev.next4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code inProcess}: requests go to {@code app.handle}, no socket is opened. */
@NextTest(value = TestSite.class, inProcess = true)
class InProcessTest {
  @Test
  void servesThroughHandle(NextClient client) {
    assertThat(client.inProcess()).isTrue();
    assertThat(client.get(new TestSite.BlogSlug("x")).bodyText()).isEqualTo("<h1>post x</h1>");
    assertThat(client.post("/api/echo", "body").bodyText()).isEqualTo("POST body -");
    assertThat(client.get("/missing").status()).isEqualTo(404);
  }

  @Test
  void hasNoUrl(NextClient client) {
    assertThatThrownBy(() -> client.uri("/"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("@NextTest(inProcess = true) starts no server, so there is no URL for \"/\"; drop inProcess to get one");
  }
}
