package dev.next4j.runtime;

import java.io.InputStream;

/**
 * Turns values into JSON and JSON request bodies into values, for {@link Request#json(Class)} and
 * {@link Response#json(Object, JsonCodec)}. The runtime has no JSON library of its own; the {@code
 * next-jackson} artifact provides {@code dev.next4j.jackson.JacksonCodec}, and any other library
 * fits behind these two methods.
 *
 * <p>An app is given its codec once: by {@code _App} ({@link App#json()}), or by a custom server
 * ({@link NextOptions.Builder#json(JsonCodec)}). Pages then reach it through the request:
 *
 * <pre>{@code
 * Post post = request.json(Post.class);                          // malformed body: HttpException 400
 * return Response.json(List.of(post), request.jsonCodec());     // [{"title":"hello"}]
 * }</pre>
 *
 * <p>An implementation must be safe to use from many threads at once.
 */
public interface JsonCodec {
  /**
   * {@code value} as UTF-8 JSON. A value the library cannot write is a programming error: throw an
   * unchecked exception (it becomes a 500).
   */
  byte[] write(Object value);

  /**
   * Reads one JSON value of {@code type} from {@code body}, which holds UTF-8 JSON; {@code body} is
   * not closed. For a list, read an array ({@code Post[].class}) or a record that holds the list.
   * (The runtime keeps to {@code Class}: it does not touch {@code java.lang.reflect}, generic
   * {@code Type}s included.)
   *
   * @throws HttpException 400 if the body is not well-formed JSON or does not fit {@code type}
   *     (the message says where), 413 if the body is over the codec's size limit. Never anything
   *     that would become a 500 for bad input.
   */
  <T> T read(InputStream body, Class<T> type);
}
