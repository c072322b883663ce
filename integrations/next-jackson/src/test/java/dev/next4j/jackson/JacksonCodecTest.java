package dev.next4j.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.next4j.runtime.HttpException;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link JacksonCodec} with real Jackson, through {@link Request#json} and {@link Response#json}. */
class JacksonCodecTest {
  public record NewPost(String title, List<String> tags) {}

  public record Created(long id, String title) {}

  public record Thread(String title, List<NewPost> posts) {}

  private final JacksonCodec codec = new JacksonCodec();

  @Test
  void aResponseIsWrittenAsUtf8Json() {
    Response response = Response.json(new Created(7, "été"), codec);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json; charset=utf-8");
    assertThat(response.bodyText()).isEqualTo("{\"id\":7,\"title\":\"été\"}");
  }

  @Test
  void aRequestBodyIsReadIntoARecord() {
    NewPost post = post("{\"title\":\"Hi\",\"tags\":[\"a\",\"b\"]}").json(NewPost.class, codec);
    assertThat(post).isEqualTo(new NewPost("Hi", List.of("a", "b")));
  }

  @Test
  void aListIsReadAsAnArray() {
    NewPost[] posts = post("[{\"title\":\"a\",\"tags\":[]},{\"title\":\"b\",\"tags\":[]}]").json(NewPost[].class, codec);
    assertThat(posts).extracting(NewPost::title).containsExactly("a", "b");
  }

  @Test
  void malformedJsonIs400WithThePlace() {
    assertThatThrownBy(() -> post("{\"title\": oops}").json(NewPost.class, codec))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageStartingWith("malformed JSON at line 1, column 11: Unrecognized token 'oops'");
  }

  @Test
  void aBodyCutShortIs400() {
    assertThatThrownBy(() -> post("{\"title\":\"Hi\"").json(NewPost.class, codec))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageStartingWith("malformed JSON at line 1, column 14: Unexpected end-of-input");
  }

  @Test
  void jsonOfTheWrongShapeIs400WithThePath() {
    assertThatThrownBy(() -> post("{\"title\":\"t\",\"posts\":[{\"title\":\"a\",\"tags\":\"x\"}]}").json(Thread.class, codec))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageStartingWith("JSON does not fit Thread at $.posts[0].tags (line 1, column 43): ");
  }

  @Test
  void anUnknownPropertyIs400NamingIt() {
    assertThatThrownBy(() -> post("{\"titel\":\"typo\"}").json(NewPost.class, codec))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageStartingWith("JSON does not fit NewPost at $.titel (line 1, column 17): Unrecognized field \"titel\"");
  }

  @Test
  void trailingGarbageAndAnEmptyBodyAre400() {
    assertThatThrownBy(() -> post("{\"title\":\"a\",\"tags\":[]} junk").json(NewPost.class, codec))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> post("").json(NewPost.class, codec))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("No content to map due to end-of-input");
  }

  @Test
  void aBodyOverTheLimitIs413() {
    JacksonCodec small = new JacksonCodec(JacksonCodec.defaultMapper(), 32);
    String fits = "{\"title\":\"" + "x".repeat(10) + "\",\"tags\":[]}";
    assertThat(post(fits).json(NewPost.class, small).title()).hasSize(10);
    assertThatThrownBy(() -> post("{\"title\":\"" + "x".repeat(100_000) + "\",\"tags\":[]}").json(NewPost.class, small))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(413))
        .hasMessage("JSON body is over the limit of 32 bytes");
  }

  @Test
  void nestingBeyondJacksonsDepthLimitIs413() {
    String deep = "[".repeat(2_000) + "]".repeat(2_000);
    assertThatThrownBy(() -> post(deep).json(Object.class, codec))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(413))
        .hasMessageStartingWith("JSON body is over a size limit: Document nesting depth (1001) exceeds the maximum allowed");
  }

  @Test
  void theBodyStreamIsNotClosed() {
    boolean[] closed = {false};
    ByteArrayInputStream body = new ByteArrayInputStream("{\"id\":1,\"title\":\"a\"}".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    assertThat(codec.read(body, Created.class)).isEqualTo(new Created(1, "a"));
    assertThat(closed[0]).isFalse();
  }

  @Test
  void aGivenMapperIsUsed() {
    JacksonCodec snake = new JacksonCodec(JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());
    record Pair(String firstName) {}
    assertThat(new String(snake.write(new Pair("Ada")), StandardCharsets.UTF_8)).isEqualTo("{\"first_name\":\"Ada\"}");
    assertThat(snake.mapper().getPropertyNamingStrategy()).isSameAs(PropertyNamingStrategies.SNAKE_CASE);
    assertThat(snake.maxBytes()).isEqualTo(JacksonCodec.DEFAULT_MAX_BYTES);
  }

  @Test
  void aValueJacksonCannotWriteIsAProgrammingError() {
    assertThatThrownBy(() -> codec.write(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot write java.lang.Object as JSON: No serializer found for class java.lang.Object");
  }

  @Test
  void aWrongContentTypeIs415() {
    Request form = Request.builder("POST", "/api/posts").header("Content-Type", "text/plain").body("{}").build();
    assertThatThrownBy(() -> form.json(NewPost.class, codec))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(415))
        .hasMessage("a JSON body needs Content-Type application/json, not \"text/plain\"");
    Request vendor = Request.builder("POST", "/").header("Content-Type", "application/vnd.api+json").body("{\"id\":2,\"title\":\"b\"}").build();
    assertThat(vendor.json(Created.class, codec)).isEqualTo(new Created(2, "b"));
  }

  @Test
  void maxBytesMustBePositive() {
    assertThatThrownBy(() -> new JacksonCodec(JacksonCodec.defaultMapper(), 0)).hasMessage("maxBytes must be 1 or more: 0");
  }

  private static Request post(String json) {
    return Request.builder("POST", "/api/posts").header("Content-Type", "application/json").body(json).build();
  }
}
