package dev.next4j.runtime.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The access log: one line per request, in <a href="https://brandur.org/logfmt">logfmt</a>,
 * through the {@code System.Logger} named {@code dev.next4j.access} at {@code INFO}:
 *
 * <pre>{@code
 * method=GET path=/blog/hello status=200 bytes=1432 duration_ms=2.417 request_id=6f1c0e9a2b7d4c58a1e3f0b29c7d5e46
 * }</pre>
 *
 * <p>{@code path} is the path as the client sent it (percent-encoded, without the query: a query
 * may carry tokens); {@code bytes} is the body sent (0 for HEAD and 304); {@code duration_ms} is
 * from reading the request to the last byte written. A value with a space, {@code "}, {@code =} or
 * a control character is quoted, with {@code \"}, {@code \\} and {@code \}{@code uXXXX} escapes, so
 * a client cannot forge a second line or field.
 *
 * <p>The request id is the request's {@code X-Request-Id} when valid (1 to 128 characters of
 * {@code A-Z a-z 0-9 - _ . : + / = @}, what proxies and tracing systems send), else a new one of
 * 32 hex digits; the app's pipeline sees it as the request's {@code X-Request-Id} and the response
 * carries it back.
 */
final class AccessLog {
  /** The logger's name, for configuring it apart from {@code dev.next4j}'s own messages. */
  static final String LOGGER = "dev.next4j.access";

  static final String HEADER = "X-Request-Id";

  private static final int MAX_ID = 128;

  private final System.Logger logger = System.getLogger(LOGGER);

  /** {@code header} when it is a valid request id, else a new one. */
  static String requestId(String header) {
    return header != null && valid(header) ? header : newId();
  }

  static boolean valid(String id) {
    if (id.isEmpty() || id.length() > MAX_ID) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-_.:+/=@".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String high = Long.toHexString(random.nextLong());
    String low = Long.toHexString(random.nextLong());
    return "0".repeat(16 - high.length()) + high + "0".repeat(16 - low.length()) + low;
  }

  /** Logs one request. */
  void log(String method, String path, int status, long bytes, long nanos, String requestId) {
    if (logger.isLoggable(Level.INFO)) {
      logger.log(Level.INFO, line(method, path, status, bytes, nanos, requestId));
    }
  }

  /** The logfmt line for one request. */
  static String line(String method, String path, int status, long bytes, long nanos, String requestId) {
    StringBuilder out = new StringBuilder(160);
    out.append("method=");
    value(out, method);
    out.append(" path=");
    value(out, path);
    out.append(" status=").append(status)
        .append(" bytes=").append(bytes)
        .append(" duration_ms=").append(nanos / 1_000_000).append('.');
    String micros = Long.toString(nanos / 1_000 % 1_000);
    out.append("0".repeat(3 - micros.length())).append(micros)
        .append(" request_id=");
    value(out, requestId);
    return out.toString();
  }

  /** Appends {@code value}, quoted and escaped when logfmt needs it. */
  static void value(StringBuilder out, String value) {
    boolean plain = !value.isEmpty();
    for (int i = 0; i < value.length() && plain; i++) {
      char c = value.charAt(i);
      plain = c > ' ' && c != '"' && c != '=' && c != '\\' && c != 0x7f;
    }
    if (plain) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < ' ' || c == 0x7f) {
        String hex = Integer.toHexString(c);
        out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
