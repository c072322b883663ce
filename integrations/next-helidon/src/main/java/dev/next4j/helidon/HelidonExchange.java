package dev.next4j.helidon;

import dev.next4j.runtime.binding.ServerExchange;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Helidon request and response as a {@link ServerExchange}. Helidon has parsed the request line
 * and headers and frames the response (Content-Length when the app gives a length, else chunked);
 * next4j's pipeline does the rest, as on the JDK's server.
 */
final class HelidonExchange implements ServerExchange {
  private final ServerRequest request;
  private final ServerResponse response;
  private final HelidonHeaders known;
  private InputStream requestBody;
  private OutputStream body;
  private boolean close;
  private boolean chunked;

  HelidonExchange(ServerRequest request, ServerResponse response, HelidonHeaders known) {
    this.request = request;
    this.response = response;
    this.known = known;
  }

  @Override
  public String method() {
    return request.prologue().method().text();
  }

  @Override
  public String target() {
    HttpPrologue prologue = request.prologue();
    String path = prologue.uriPath().rawPath();
    String query = prologue.query().rawValue();
    // Helidon keeps no difference between "/a?" and "/a": both reach the app as "/a".
    return query.isEmpty() ? path : path + "?" + query;
  }

  @Override
  public String protocol() {
    HttpPrologue prologue = request.prologue();
    return prologue.protocol() + "/" + prologue.protocolVersion();
  }

  @Override
  public Map<String, List<String>> headers() {
    return new HeaderMap(request.headers(), known);
  }

  @Override
  public List<String> header(String name) {
    return request.headers().all(known.name(name), List::of);
  }

  /** The request body; the same stream on every call (Helidon hands its entity out only once). */
  @Override
  public InputStream body() {
    if (requestBody == null) {
      requestBody = request.content().inputStream();
    }
    return requestBody;
  }

  @Override
  public OutputStream send(int status, Map<String, List<String>> headers, long length, boolean close) {
    response.status(status(status));
    ServerResponseHeaders out = response.headers();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      out.set(known.header(header.getKey(), header.getValue()));
    }
    if (close) {
      out.set(HeaderValues.CONNECTION_CLOSE);
      this.close = true;
    }
    if (length == 0) {
      // No body: Helidon sends Content-Length: 0 (a HEAD answer keeps the length it was given).
      response.send();
      return OutputStream.nullOutputStream();
    }
    if (length > 0) {
      body = new KnownLength(response, length);
    } else {
      chunked = true;
      body = response.outputStream();
    }
    return body;
  }

  /**
   * Helidon's status for {@code code}, with a reason phrase also for 431, which Helidon's table
   * lacks (it would write {@code 431 431}).
   */
  static Status status(int code) {
    Status status = Status.create(code);
    if (code == 431 && status.reasonPhrase().isEmpty()) {
      return Status.create(431, "Request Header Fields Too Large");
    }
    return status;
  }

  /**
   * Whether the handler must make Helidon close the connection after this exchange: the app asked
   * for it, or the client did ({@code Connection: close}; Helidon 4.2 takes no HTTP/1.0 request at
   * all). Not after a chunked body: Helidon writes its last chunk only when the handler
   * returns normally, so that connection stays open with Helidon (the client, told {@code
   * Connection: close}, closes it).
   */
  boolean closesConnection() {
    if (chunked) {
      return false;
    }
    if (close) {
      return true;
    }
    Headers headers = request.headers();
    if (!headers.contains(HeaderNames.CONNECTION)) {
      return false;
    }
    List<String> connection = headers.all(HeaderNames.CONNECTION, List::of);
    for (String value : connection) {
      for (String option : value.split(",")) {
        String token = option.trim();
        if (token.equalsIgnoreCase("close")) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    if (body != null) {
      body.close();
    }
  }

  /**
   * The body of a response whose length is known. Written in one piece, the usual case (a page's
   * bytes), it goes out with Helidon's {@link ServerResponse#send(byte[])}: status line, headers and
   * body in one buffer and one socket write, {@code Content-Length} from the array. Written in
   * pieces (a file, a stream), it goes through Helidon's output stream with the length declared.
   */
  private static final class KnownLength extends OutputStream {
    private final ServerResponse response;
    private final long length;
    private OutputStream stream;
    private boolean sent;

    KnownLength(ServerResponse response, long length) {
      this.response = response;
      this.length = length;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
      if (count == 0) {
        return;
      }
      if (sent) {
        throw new IOException("the body was sent whole (" + length + " bytes); " + count + " more bytes were written");
      }
      if (stream == null && count == length) {
        // Helidon copies the bytes into its buffer before send returns: no reference is kept.
        response.send(offset == 0 && count == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + count));
        sent = true;
        return;
      }
      stream().write(bytes, offset, count);
    }

    @Override
    public void write(int b) throws IOException {
      if (sent) {
        throw new IOException("the body was sent whole (" + length + " bytes); a byte more was written");
      }
      stream().write(b);
    }

    @Override
    public void flush() throws IOException {
      if (stream != null) {
        stream.flush();
      }
    }

    @Override
    public void close() throws IOException {
      if (!sent) {
        // Written in pieces, or not at all (the writer failed first): Helidon ends the exchange.
        stream().close();
        sent = true;
      }
    }

    private OutputStream stream() {
      if (stream == null) {
        response.contentLength(length);
        stream = response.outputStream();
      }
      return stream;
    }
  }

  /** Helidon's request headers as a map of name to values, read through, never copied whole. */
  private static final class HeaderMap extends AbstractMap<String, List<String>> {
    private final Headers headers;
    private final HelidonHeaders known;

    HeaderMap(Headers headers, HelidonHeaders known) {
      this.headers = headers;
      this.known = known;
    }

    @Override
    public List<String> get(Object name) {
      return name instanceof String text ? headers.all(known.name(text), () -> null) : null;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, List<String>>> iterator() {
          Iterator<Header> each = headers.iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return each.hasNext();
            }

            @Override
            public Entry<String, List<String>> next() {
              return new HeaderEntry(each.next());
            }
          };
        }

        @Override
        public int size() {
          return headers.size();
        }
      };
    }
  }

  /**
   * One request header as a map entry; its values are made only when asked for (looking one name up
   * among the entries reads every name, but only that header's values).
   */
  private static final class HeaderEntry implements Map.Entry<String, List<String>> {
    private final Header header;
    private List<String> values;

    HeaderEntry(Header header) {
      this.header = header;
    }

    @Override
    public String getKey() {
      return header.name();
    }

    @Override
    public List<String> getValue() {
      if (values == null) {
        values = header.allValues();
      }
      return values;
    }

    @Override
    public List<String> setValue(List<String> value) {
      throw new UnsupportedOperationException("the request headers are read-only");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Map.Entry<?, ?> entry && getKey().equals(entry.getKey()) && getValue().equals(entry.getValue());
    }

    @Override
    public int hashCode() {
      return getKey().hashCode() ^ getValue().hashCode();
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }
}
