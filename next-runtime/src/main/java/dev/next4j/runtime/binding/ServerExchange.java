package dev.next4j.runtime.binding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange as an HTTP engine received it: what an engine implements so that {@link
 * dev.next4j.runtime.NextApp#serve(ServerExchange)} can answer it with the whole pipeline. The
 * engine parses the request line and headers and frames the response; everything else is next4j's
 * and the same on every engine: the strict request checks (400, 501), the target, header and body
 * limits (414, 431, 413), the canonical path, the probes, draining's 503, the access log and its
 * request id, the response finishing (ETag, gzip, HEAD's length), streamed bodies and the cleanup
 * of an uploaded form.
 *
 * <p>The app calls the methods of one exchange from one thread, in this order: the request's
 * accessors, at most one {@link #send}, then {@link #close()}, always, also when reading or
 * writing failed.
 *
 * <pre>{@code
 * app.serve(new ServerExchange() { ... });   // from the engine's handler, on a thread that may block
 * }</pre>
 *
 * <p>The JDK's {@code HttpServer} is the binding the runtime has built in ({@code
 * NextApp.requestHandler()} adapts its exchanges to this interface).
 */
public interface ServerExchange {
  /** The request method exactly as sent (the app answers a method in the wrong case with 501). */
  String method();

  /**
   * The request target in origin form: the path as sent, still percent-encoded, then {@code ?} and
   * the query as sent when the request has one (an empty query keeps its {@code ?}); never the
   * fragment. An engine that received the absolute form ({@code http://host/a?b}) passes its path
   * and query. Whatever does not start with {@code /} is answered with 400.
   */
  String target();

  /** The protocol of the request line, {@code HTTP/1.1} or {@code HTTP/1.0}. */
  String protocol();

  /**
   * Every request header: each name as the engine keeps it (any case), with its values in the order
   * received, one entry per header line or per comma-separated value as the engine splits them.
   */
  Map<String, List<String>> headers();

  /** The values of the request header {@code name}, compared in any case; empty when it is absent. */
  List<String> header(String name);

  /**
   * The request body, already de-chunked when it came chunked; every call returns the same stream
   * (the app asks again to drop what is left before a 413). The app reads a body with a {@code
   * Content-Length} only when its route asks for it, and before it answers reads and drops what the
   * route left (within the body limit), so that the connection can carry the next request; a
   * chunked body it reads before routing. It reads at most up to its body limit (plus 64 KiB it
   * reads and drops before a 413). Reading a malformed chunked body throws an {@link IOException}
   * (or a {@link RuntimeException}), which the app answers with 400.
   */
  InputStream body();

  /**
   * Sends the status line and headers and returns the stream for the body, which the app writes
   * and then closes.
   *
   * @param status the status code, 200 to 599
   * @param headers the headers to send, names in lower case, values in order ({@code set-cookie}
   *     has one value per cookie, each its own header line); they hold no {@code content-length}
   *     except in an answer to HEAD, where it is the length GET would have had and is sent as is
   * @param length {@code 0} for no body (HEAD, 204 and 304 always; the engine sends {@code
   *     Content-Length: 0} where HTTP wants one), a positive length the app then writes exactly,
   *     or {@code -1} for a body of unknown length (the engine chunks it)
   * @param close whether the connection closes after this response ({@code Connection: close})
   */
  OutputStream send(int status, Map<String, List<String>> headers, long length, boolean close) throws IOException;

  /**
   * Ends the exchange: a body stream not yet closed is closed, an unread request body is dropped,
   * and the engine may take the connection's next request (or closes it, as {@link #send} asked).
   * Called once per exchange, last.
   */
  void close() throws IOException;
}
