package dev.next4j.bench;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link HttpExchange} in memory, as the JDK server hands one to a handler: request line,
 * headers and body in, status, headers and body out (the body bytes are counted and dropped). Made
 * fresh for every benchmark operation, as the server makes one per request, so a handler's cost
 * includes what it reads from the exchange; the exchange's own allocation (its header maps) is
 * the same for every handler measured with it.
 */
final class FakeExchange extends HttpExchange {
  private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 3000);
  private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 50000);

  private final String method;
  private final URI uri;
  private final Headers requestHeaders = new Headers();
  private final Headers responseHeaders = new Headers();
  private final InputStream requestBody;
  private final Sink sink = new Sink();
  private final Map<String, Object> attributes = new HashMap<>(4);
  private int status = -1;
  private long sentLength;

  FakeExchange(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    this.method = method;
    this.uri = uri;
    headers.forEach((name, values) -> values.forEach(value -> requestHeaders.add(name, value)));
    this.requestBody = new ByteArrayInputStream(body);
  }

  /** The status sent, or -1 before {@link #sendResponseHeaders}. */
  int status() {
    return status;
  }

  /** The body bytes the handler wrote. */
  long written() {
    return sink.count;
  }

  /** The length given to {@link #sendResponseHeaders}. */
  long sentLength() {
    return sentLength;
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return uri;
  }

  @Override
  public String getRequestMethod() {
    return method;
  }

  @Override
  public HttpContext getHttpContext() {
    return null;
  }

  @Override
  public void close() {
    sink.closed = true;
  }

  @Override
  public InputStream getRequestBody() {
    return requestBody;
  }

  @Override
  public OutputStream getResponseBody() {
    return sink;
  }

  @Override
  public void sendResponseHeaders(int code, long length) {
    if (status != -1) {
      throw new IllegalStateException("headers already sent");
    }
    status = code;
    sentLength = length;
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return REMOTE;
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return LOCAL;
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  @Override
  public void setStreams(InputStream in, OutputStream out) {
    throw new UnsupportedOperationException("setStreams");
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }

  /** Counts the bytes written; checks that nothing is written after close. */
  private static final class Sink extends OutputStream {
    long count;
    boolean closed;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (closed) {
        throw new IllegalStateException("write after close");
      }
      count += len;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
