package dev.next4j.jackson;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.next4j.runtime.HttpException;
import dev.next4j.runtime.JsonCodec;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A {@link JsonCodec} backed by a Jackson {@link ObjectMapper}, and bad input becomes a clean 400
 * or 413 instead of a 500. Give it to the app once, from {@code _App}:
 *
 * <pre>{@code
 * public final class _App implements App {
 *   private static final JsonCodec JSON = new JacksonCodec();
 *   public Response wrap(Request request, Response page) { return page; }
 *   public Optional<JsonCodec> json() { return Optional.of(JSON); }
 * }
 *
 * public final class Posts implements ApiRoute<Routes.ApiPosts> {
 *   record NewPost(String title) {}
 *   record Created(long id, String title) {}
 *
 *   public Response handle(Request request, Routes.ApiPosts params) {
 *     NewPost post = request.json(NewPost.class);                 // {"title":"Hi"}
 *     return Response.json(new Created(1, post.title()), request.jsonCodec()).withStatus(201);
 *   }
 * }
 * }</pre>
 *
 * <p>A custom server can give it with {@code NextOptions.builder().json(new JacksonCodec())}
 * instead.
 *
 * <p>Reading answers:
 *
 * <ul>
 *   <li>400 for malformed JSON ({@code "malformed JSON at line 1, column 9: Unexpected character…"}),
 *       for JSON that does not fit the type ({@code "JSON does not fit NewPost at $.title (line 1,
 *       column 10): …"}), for an empty body and for anything after the value;
 *   <li>413 for a body over {@link #maxBytes()} (1 MiB by default) or over one of Jackson's
 *       stream limits (nesting depth, number and string lengths).
 * </ul>
 *
 * <p>A codec is immutable and safe to share between threads, as its {@code ObjectMapper} is once
 * configured. Make one per site.
 */
public final class JacksonCodec implements JsonCodec {
  /** The largest body {@link #read} accepts by default: 1 MiB, like {@code NextConfig.bodySizeLimit}. */
  public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

  private final ObjectMapper mapper;
  private final long maxBytes;

  /** A codec with {@link #defaultMapper()} and a 1 MiB body limit. */
  public JacksonCodec() {
    this(defaultMapper(), DEFAULT_MAX_BYTES);
  }

  /** A codec with your {@code mapper} (modules, naming, …) and a 1 MiB body limit. */
  public JacksonCodec(ObjectMapper mapper) {
    this(mapper, DEFAULT_MAX_BYTES);
  }

  /**
   * A codec with your {@code mapper} that refuses bodies over {@code maxBytes} with 413.
   *
   * @throws IllegalArgumentException if {@code maxBytes} is less than 1
   */
  public JacksonCodec(ObjectMapper mapper, long maxBytes) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be 1 or more: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * The mapper {@link #JacksonCodec()} uses: Jackson's defaults (unknown properties are an error,
   * so a typo in a request is a 400 naming the field), plus {@code FAIL_ON_TRAILING_TOKENS}, so
   * {@code {"a":1} junk} is a 400 too. Java records work out of the box; add modules such as
   * {@code jackson-datatype-jsr310} to your own mapper and pass it in.
   */
  public static ObjectMapper defaultMapper() {
    return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  /** The mapper this codec reads and writes with. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** The largest body {@link #read} accepts, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * {@code value} as UTF-8 JSON.
   *
   * @throws IllegalArgumentException if Jackson cannot write it (a programming error: a 500)
   */
  @Override
  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write " + (value == null ? "null" : value.getClass().getName()) + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public <T> T read(InputStream body, Class<T> type) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(type, "type");
    try {
      return mapper.readValue(new Limited(body, maxBytes), type);
    } catch (IOException e) {
      throw refusal(e, type);
    }
  }

  private HttpException refusal(IOException e, Class<?> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooLarge) {
        return new HttpException(413, "JSON body is over the limit of " + maxBytes + " bytes", e);
      }
    }
    if (e instanceof StreamConstraintsException) {
      return new HttpException(413, "JSON body is over a size limit: " + ((StreamConstraintsException) e).getOriginalMessage(), e);
    }
    if (e instanceof JsonMappingException) {
      JsonMappingException m = (JsonMappingException) e;
      return new HttpException(
          400, "JSON does not fit " + type.getSimpleName() + " at " + path(m) + " (" + where(m.getLocation()) + "): "
              + m.getOriginalMessage(), e);
    }
    if (e instanceof JacksonException) {
      JacksonException j = (JacksonException) e;
      return new HttpException(400, "malformed JSON at " + where(j.getLocation()) + ": " + j.getOriginalMessage(), e);
    }
    return new HttpException(400, "could not read the JSON body: " + e.getMessage(), e);
  }

  /** The JSON path of a mapping error: {@code $.posts[2].title}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? "an unknown place"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** Thrown by {@link Limited} past the limit; an IOException, so Jackson passes it through. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("JSON body over the size limit");
    }
  }

  /** A stream that fails with {@link TooLarge} once more than {@code max} bytes were read. */
  private static final class Limited extends FilterInputStream {
    private long left;

    Limited(InputStream in, long max) {
      super(in);
      this.left = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) {
        throw new TooLarge();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        left -= n;
        if (left < 0) {
          throw new TooLarge();
        }
      }
      return n;
    }

    @Override
    public void close() {
      // The body belongs to the caller: JsonCodec.read does not close it.
    }
  }
}
