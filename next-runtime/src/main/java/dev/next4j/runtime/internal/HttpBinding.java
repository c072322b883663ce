package dev.next4j.runtime.internal;

import dev.next4j.runtime.HttpException;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.binding.ServerExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine-neutral half of an HTTP binding: turns a {@link ServerExchange} (the JDK's, through
 * {@link JdkExchange}, or another engine's) into a {@link Request}, with the strict request checks
 * and the size limits, and writes a {@link Response} back with a correct {@code Content-Length}
 * (HEAD: the length GET would have, and no body). A streamed body is written straight to the
 * connection, never copied whole into memory: with its {@code Content-Length} when its length is
 * known, else chunked. When its writer fails halfway the status is already sent, so the exchange is
 * closed short and the client sees a truncated body (its length or the chunked end is missing); the
 * failure reaches the caller.
 *
 * <p>A request with a chunked body always gets {@code Connection: close}: the JDK's chunked decoder
 * wraps an oversized chunk size and reads trailers as the next request, so nothing after such a
 * body may be parsed as another request.
 */
final class HttpBinding {
  /** Request line and headers beyond this many bytes are answered with 431. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  /** A request target (path and query) longer than this is answered with 414. */
  static final int MAX_TARGET_LENGTH = 8 * 1024;

  /**
   * The methods next4j serves (routes then answer 405 for those they do not take); any other, and a
   * method in the wrong case, is answered with 501.
   */
  static final Set<String> METHODS = Collections.unmodifiableSet(
      new LinkedHashSet<>(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")));

  /** More header lines than this are answered with 431. */
  static final int MAX_HEADERS = 100;

  /**
   * A body at most this much over the limit is read and thrown away before the 413 goes out: a
   * client that sent it all then reads its 413, where closing on unread bytes would reset the
   * connection under it. A larger one is not read at all.
   */
  static final int DISCARD_BYTES = 64 * 1024;

  private HttpBinding() {}

  /** The path of {@code target} (a request target as {@link ServerExchange#target()} gives it): up to its {@code ?}. */
  static String path(String target) {
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  /** A request read from an exchange: the request, or the response that refuses it. */
  sealed interface Read {
    /**
     * Read up to the body: {@code chunked} when the body came chunked (read already; the
     * connection then closes); {@code body} the body's stream, null when there is none, to drain
     * and release once the response is out ({@link BodyStream}).
     */
    record Ok(Request request, boolean chunked, BodyStream body) implements Read {}

    /** Refused (400, 413, 431, 503 past the body budget); the connection closes after the answer. */
    record Refused(Response response) implements Read {}
  }

  /**
   * Reads {@code exchange}'s request line and headers; its body, of at most {@code bodyLimit}
   * bytes, is read when its route asks for it (a chunked one now), its bytes counted against {@code
   * budget}.
   */
  static Read read(ServerExchange exchange, long bodyLimit, BodyBudget budget) {
    String method = exchange.method();
    if (!isToken(method)) {
      return refuse(400, "the method is not a token");
    }
    if (!isServed(method)) {
      // Methods are case-sensitive (RFC 9110 §9.1): "get" is an unknown method, not GET.
      return refuse(501, "next4j implements the methods " + METHODS + "; \"" + method + "\" is none of them"
          + " (methods are case-sensitive)");
    }
    String target = exchange.target();
    if (!target.startsWith("/")) {
      return refuse(400, "the request target is not a path starting with /");
    }
    if (target.length() > MAX_TARGET_LENGTH) {
      return refuse(414, "the request target is longer than " + MAX_TARGET_LENGTH + " characters");
    }
    String problem = UrlRules.targetProblem(target);
    if (problem != null) {
      return refuse(400, problem);
    }
    Map<String, List<String>> headers = exchange.headers();
    // One pass over the headers: their count and size, and the framing headers (looked up by name
    // they would each be a lookup, which on the JDK's map copies the name to normalise it).
    Framing framing = new Framing();
    long bytes = method.length() + target.length() + 11;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      List<String> values = header.getValue();
      framing.see(name, values);
      for (int i = 0; i < values.size(); i++) {
        bytes += name.length() + values.get(i).length() + 4;
      }
    }
    if (framing.count > MAX_HEADERS || bytes > MAX_HEADER_BYTES) {
      return refuse(431, framing.count > MAX_HEADERS ? "more than " + MAX_HEADERS + " header lines"
          : "the request line and headers are over " + MAX_HEADER_BYTES + " bytes");
    }
    Read badFraming = checkFraming(exchange.protocol(), framing);
    if (badFraming != null) {
      return badFraming;
    }
    boolean chunked = !framing.codings.isEmpty();
    List<String> length = framing.lengths;
    long declared = length.isEmpty() ? (chunked ? -1 : 0) : parseLength(length.get(0));
    if (declared > bodyLimit) {
      if (declared - bodyLimit <= DISCARD_BYTES) {
        discard(exchange.body(), declared);
      }
      return refuse(413, "the body is over " + bodyLimit + " bytes");
    }
    // The engine's header map as it is: the request looks headers up in it, and copies it only
    // when a page asks for all of them.
    Request.Builder request = Request.builder(method, target).headers(headers);
    if (declared == 0) {
      return new Read.Ok(request.build(), false, null);
    }
    BodyStream body = new BodyStream(exchange.body(), bodyLimit, budget);
    if (!chunked) {
      // Read when the route asks for it, if it does (Request.body()).
      return new Read.Ok(request.body(body).build(), false, body);
    }
    // A chunked body's framing can only be checked by reading it: before routing, so that a
    // malformed one never reaches a page.
    byte[] received;
    try {
      received = body.readAllBytes();
    } catch (BodyBudget.Exhausted busy) {
      body.release();
      return new Read.Refused(((Read.Refused) refuse(503, busy.getMessage())).response().withHeader("Retry-After", "1"));
    } catch (HttpException tooLarge) {
      body.release();
      discard(exchange.body(), DISCARD_BYTES);
      return refuse(413, "the body is over " + bodyLimit + " bytes");
    } catch (IOException | RuntimeException e) {
      // A malformed chunked body (a bad chunk size, a trailer); the JDK only reports it this way.
      body.release();
      return refuse(400, "the chunked body is malformed");
    }
    return new Read.Ok(request.body(received).build(), true, body);
  }

  /**
   * Sends {@code response} on {@code exchange} and closes it; with {@code close}, the connection
   * closes too. Returns the body bytes sent (0 for HEAD, 204, 304).
   */
  static long write(ServerExchange exchange, Response response, boolean close) throws IOException {
    try {
      int status = response.status();
      boolean head = exchange.method().equalsIgnoreCase("HEAD");
      boolean bodiless = status < 200 || status == 204 || status == 304;
      // Only an answer to HEAD sends a Content-Length of the response's own (the length GET would have).
      Map<String, List<String>> headers = response.headers();
      if (headers.containsKey("content-length") && (!head || bodiless)) {
        headers = new LinkedHashMap<>(headers);
        headers.remove("content-length");
      }
      if (head || bodiless || response.contentLength() == 0) {
        exchange.send(status, headers, 0, close).close();
        return 0;
      }
      long length = response.contentLength();
      OutputStream out = exchange.send(status, headers, length, close);
      if (length > 0) {
        try (out) {
          response.writeBody(out);
        }
        return length;
      }
      try (CountingStream stream = new CountingStream(out)) {
        response.writeBody(stream);
        return stream.count;
      }
    } finally {
      exchange.close();
    }
  }

  /** Counts the bytes of a chunked body on their way out, for the access log. */
  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /**
   * The framing headers of a request, gathered in the pass that counts its headers: the values of
   * {@code Host}, {@code Content-Length} and {@code Transfer-Encoding}, names compared in any case
   * (an engine that keeps one name in two cases has its values joined, in the order met).
   */
  private static final class Framing {
    int count;
    List<String> hosts = List.of();
    List<String> lengths = List.of();
    List<String> codings = List.of();

    void see(String name, List<String> values) {
      count += values.size();
      if (values.isEmpty()) {
        return;
      }
      switch (name.length()) {
        case 4 -> {
          if (name.equalsIgnoreCase("Host")) {
            hosts = join(hosts, values);
          }
        }
        case 14 -> {
          if (name.equalsIgnoreCase("Content-Length")) {
            lengths = join(lengths, values);
          }
        }
        case 17 -> {
          if (name.equalsIgnoreCase("Transfer-Encoding")) {
            codings = join(codings, values);
          }
        }
        default -> {
          // not a framing header
        }
      }
    }

    private static List<String> join(List<String> earlier, List<String> values) {
      if (earlier.isEmpty()) {
        return values;
      }
      List<String> both = new ArrayList<>(earlier);
      both.addAll(values);
      return both;
    }
  }

  /**
   * The refusal of a request with bad framing headers, or null: 400 for a {@code Host} missing
   * (HTTP/1.1), repeated or not a host, a {@code Content-Length} that is not digits ({@code +5}),
   * repeated with another value or next to {@code Transfer-Encoding}; 501 for a {@code
   * Transfer-Encoding} other than {@code chunked}.
   */
  private static Read checkFraming(String protocol, Framing framing) {
    List<String> host = framing.hosts;
    if (host.size() > 1) {
      return refuse(400, "the request has " + host.size() + " Host headers; it must have one");
    }
    if (host.isEmpty() && !protocol.equals("HTTP/1.0")) {
      return refuse(400, "the request has no Host header; an HTTP/1.1 request must have one");
    }
    if (!host.isEmpty() && !isHost(host.get(0))) {
      return refuse(400, "the Host header is not a host[:port]: \"" + host.get(0) + "\"");
    }
    List<String> lengths = framing.lengths;
    for (int i = 0; i < lengths.size(); i++) {
      String length = lengths.get(i);
      if (length.isEmpty() || length.length() > 18 || !isDigits(length)) {
        return refuse(400, "Content-Length must be decimal digits: \"" + length + "\"");
      }
      if (!length.equals(lengths.get(0))) {
        return refuse(400, "the request has Content-Length headers with different values");
      }
    }
    List<String> codings = framing.codings;
    if (!codings.isEmpty()) {
      if (!lengths.isEmpty()) {
        return refuse(400, "the request has both Content-Length and Transfer-Encoding");
      }
      if (codings.size() > 1 || !codings.get(0).trim().equalsIgnoreCase("chunked")) {
        return refuse(501, "next4j accepts Transfer-Encoding: chunked only, not \"" + String.join(", ", codings) + "\"");
      }
    }
    return null;
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value} is a {@code Host}: a name, IPv4 or {@code [IPv6]}, with an optional port. */
  private static boolean isHost(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~:[]%!$&'()*+,;=".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@link #METHODS} holds {@code method}: compared directly, without hashing a name the engine just parsed. */
  static boolean isServed(String method) {
    return switch (method.length()) {
      case 3 -> method.equals("GET") || method.equals("PUT");
      case 4 -> method.equals("HEAD") || method.equals("POST");
      case 5 -> method.equals("PATCH");
      case 6 -> method.equals("DELETE");
      case 7 -> method.equals("OPTIONS");
      default -> false;
    };
  }

  private static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The built-in page for {@code status}, saying {@code reason} too; the connection closes after it. */
  private static Read refuse(int status, String reason) {
    Response page = ErrorPages.plain(status);
    String html = page.bodyText().replace("</body>", "<p>" + ErrorPages.escape(reason) + "</p></body>");
    return new Read.Refused(page.withBody(html));
  }

  /** Reads and drops up to {@code max} bytes of {@code in}; a failure only ends it early. */
  private static void discard(InputStream in, long max) {
    byte[] buffer = new byte[8192];
    long left = max;
    try {
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // The connection closes after the 413 anyway.
    }
  }

  private static long parseLength(String value) {
    return Long.parseLong(value);
  }
}
