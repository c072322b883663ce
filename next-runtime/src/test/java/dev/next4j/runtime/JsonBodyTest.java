package dev.next4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link Request#json} and {@link Response#json(Object, JsonCodec)} with a codec for one type
 * (the real one, Jackson, is tested in next-jackson), and {@link HttpException}.
 */
class JsonBodyTest {
  /** Writes and reads a JSON string only: enough to see what the runtime hands the codec. */
  private static final JsonCodec STRINGS = new JsonCodec() {
    @Override
    public byte[] write(Object value) {
      return ("\"" + value + "\"").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T read(InputStream body, Class<T> type) {
      try {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (!text.startsWith("\"") || !text.endsWith("\"") || text.length() < 2) {
          throw HttpException.badRequest("not a JSON string: " + text);
        }
        return type.cast(text.substring(1, text.length() - 1));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  @Test
  void theCodecWritesTheResponseBody() {
    Response response = Response.json("hi", STRINGS);
    assertThat(response.bodyText()).isEqualTo("\"hi\"");
    assertThat(response.header("content-type")).contains("application/json; charset=utf-8");
  }

  @Test
  void theCodecReadsTheRequestBody() {
    Request request = Request.builder("POST", "/api").header("Content-Type", "application/json; charset=utf-8").body("\"hi\"").build();
    assertThat(request.json(String.class, STRINGS)).isEqualTo("hi");
  }

  @Test
  void theCodecsRefusalPassesThrough() {
    Request request = Request.builder("POST", "/api").header("Content-Type", "application/json").body("{").build();
    assertThatThrownBy(() -> request.json(String.class, STRINGS))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessage("not a JSON string: {");
  }

  @Test
  void anotherContentTypeIs415() {
    assertThatThrownBy(() -> Request.builder("POST", "/api").body("\"hi\"").build().json(String.class, STRINGS))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(415))
        .hasMessage("a JSON body needs Content-Type application/json, not none");
  }

  @Test
  void anHttpExceptionBecomesAPlainResponse() {
    Response response = HttpException.tooLarge("form field 'bio' is over the limit of 4 bytes").toResponse();
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.bodyText()).isEqualTo("form field 'bio' is over the limit of 4 bytes\n");
    assertThat(response.header("content-type")).contains("text/plain; charset=utf-8");
    assertThat(HttpException.badRequest("x").status()).isEqualTo(400);
    assertThat(HttpException.unsupportedMediaType("x").status()).isEqualTo(415);
  }

  @Test
  void anHttpExceptionIsA4xx() {
    assertThatThrownBy(() -> new HttpException(500, "boom"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a 4xx status: 500");
  }
}
