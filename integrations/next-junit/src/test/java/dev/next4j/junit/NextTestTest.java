package dev.next4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A class as a site's test would be written: the generated server's app, started on a free port. */
@NextTest(TestSite.class)
class NextTestTest {
  private final NextClient client;

  NextTestTest(NextClient client) {
    this.client = client;
  }

  @Test
  void getsPagesOverHttp() {
    Response home = client.get("/");

    assertThat(client.inProcess()).isFalse();
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.bodyText()).isEqualTo("<h1>home</h1>");
    assertThat(home.header("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(home.header("x-powered-by")).hasValue("next4j");
  }

  @Test
  void getsARouteRecordByItsHref() {
    assertThat(client.get(new TestSite.BlogSlug("hello")).bodyText()).isEqualTo("<h1>post hello</h1>");
  }

  @Test
  void postsWithHeaders() {
    assertThat(client.post("/api/echo", "hi", "X-Test", "1").bodyText()).isEqualTo("POST hi 1");
    assertThat(client.send(Request.builder("PUT", "/api/echo").body("x").build()).bodyText()).isEqualTo("PUT x -");
  }

  @Test
  void givesTheAppAndItsUrl(NextApp app, NextClient sameClient) throws Exception {
    assertThat(sameClient).isSameAs(client);
    assertThat(app.routes().size()).isEqualTo(3);
    assertThat(client.uri("/blog/a").toString()).matches("http://127\\.0\\.0\\.1:\\d+/blog/a");
    // A real socket: the JDK's client reaches it too.
    assertThat(client.uri("/").toURL().openConnection().getHeaderField("X-Powered-By")).isEqualTo("next4j");
  }

  @Test
  void badArgumentsSayWhatIsWrong() {
    assertThatThrownBy(() -> client.get("about")).hasMessage("a target starts with '/': \"about\" (did you mean \"/about\"?)");
    assertThatThrownBy(() -> client.get("/", "X-Test")).hasMessage("headers come in name, value pairs; got 1 strings");
    assertThatThrownBy(() -> client.get(new TestSite.None())).hasMessageStartingWith(
        "dev.next4j.junit.TestSite$None has no String href(): pass a record of the generated Routes class");
  }

  @Nested
  class Inner {
    @Test
    void sharesTheEnclosingClassesApp(NextClient inner) {
      assertThat(inner).isSameAs(client);
    }
  }
}
