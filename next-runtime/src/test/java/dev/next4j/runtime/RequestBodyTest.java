package dev.next4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A body given as a stream is read on first use, once; headers given as a map are looked up as they are. */
class RequestBodyTest {
  /** A stream that counts the bytes read from it and whether it was closed. */
  private static final class Watched extends InputStream {
    private final InputStream in;
    int read;
    boolean closed;

    Watched(String text) {
      this.in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      read += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      read += Math.max(n, 0);
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void streamedBodyIsReadOnlyWhenAskedForAndThenOnceForEveryCopy() {
    Watched body = new Watched("hello");
    Request request = Request.builder("POST", "/api/x").body(body).build();
    Request routed = request.withRoute("/api/x", Map.of()).withHeader("X-Test", "1");

    assertThat(body.read).isZero();
    assertThat(routed.bodyText()).isEqualTo("hello");
    assertThat(body.read).isEqualTo(5);
    assertThat(body.closed).isTrue();
    assertThat(request.body()).containsExactly("hello".getBytes(StandardCharsets.UTF_8));
    assertThat(body.read).isEqualTo(5);
  }

  @Test
  void bodyThatCannotBeReadIs400() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };
    Request request = Request.builder("POST", "/api/x").body(broken).build();

    assertThatThrownBy(request::bodyText)
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("could not read the request body: connection reset");
  }

  @Test
  void multipartFormReadsStraightFromTheStreamAndTheBodyIsThenGone() {
    String multipart = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--\r\n";
    Request request = Request.builder("POST", "/form").header("Content-Type", "multipart/form-data; boundary=b")
        .body(new Watched(multipart)).build();

    assertThat(request.form().value("a")).contains("1");
    assertThatThrownBy(request::body).isInstanceOf(IllegalStateException.class).hasMessageContaining("form()");
    request.closeForm();
  }

  @Test
  void urlEncodedFormLeavesTheBodyReadable() {
    Request request = Request.builder("POST", "/form").header("Content-Type", "application/x-www-form-urlencoded")
        .body(new Watched("a=1&b=2")).build();

    assertThat(request.form().value("b")).contains("2");
    assertThat(request.bodyText()).isEqualTo("a=1&b=2");
    request.closeForm();
  }

  @Test
  void givenHeadersAreFoundInAnyCaseAndListedInLowerCase() {
    Map<String, List<String>> given = new LinkedHashMap<>();
    given.put("Content-type", List.of("text/plain"));
    given.put("Cookie", List.of("a=1; b=2"));
    given.put("X-Empty", List.of());
    Request request = Request.builder("GET", "/").headers(given).build();

    assertThat(request.header("content-type")).contains("text/plain");
    assertThat(request.header("CONTENT-TYPE")).contains("text/plain");
    assertThat(request.header("x-empty")).isEqualTo(Optional.empty());
    assertThat(request.cookie("b")).contains("2");
    assertThat(request.headers()).containsOnlyKeys("content-type", "cookie");
    assertThat(request.withHeader("Accept", "*/*").headers()).containsOnlyKeys("content-type", "cookie", "accept");
  }

  @Test
  void givenHeadersOfOneNameInTwoCasesAreJoined() {
    Map<String, List<String>> given = new LinkedHashMap<>();
    given.put("X-A", List.of("1"));
    given.put("x-a", List.of("2"));
    Request request = Request.builder("GET", "/").headers(given).header("X-A", "3").build();

    assertThat(request.headers().get("x-a")).containsExactly("1", "2", "3");
    assertThat(request.header("X-a")).contains("1");
  }

  @Test
  void headersGivenTwiceIsAnError() {
    Request.Builder builder = Request.builder("GET", "/").headers(Map.of());

    assertThatThrownBy(() -> builder.headers(Map.of())).isInstanceOf(IllegalStateException.class);
  }
}
