package dev.next4j.runtime.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sun.net.httpserver.*} and {@code jdk.httpserver.*} settings next4j runs the JDK
 * server with; each is a limit listed in the runtime's README. The JDK reads them
 * once per JVM, when the first {@code HttpServer} is made, so {@link #apply()} runs before that;
 * a value given with {@code -D} wins.
 *
 * <ul>
 *   <li>{@code nodelay=true}: without it the JDK 17 server stalls at about 1.4k requests/s (Nagle).
 *   <li>{@code maxReqTime=20} (seconds to send the request line, headers and body): by default a
 *       stalled client holds its connection, and a handler thread, forever.
 *   <li>{@code idleInterval=15} (seconds a kept-alive connection may idle).
 *   <li>{@code maxReqHeaders=200}, {@code maxReqHeaderSize=65536}: where the JDK drops the
 *       connection outright. next4j answers 431 well below these ({@link HttpBinding#MAX_HEADERS},
 *       {@link HttpBinding#MAX_HEADER_BYTES}); these bound what the JDK buffers before that.
 *   <li>{@code drainAmount=0}: a body left unread (one refused with 413) is not read to its end
 *       before the answer goes out; the connection closes instead. next4j reads or drains every
 *       body it accepts before answering ({@link BodyStream}), so kept-alive connections are
 *       unaffected.
 *   <li>{@code maxIdleConnections=10000} (the JDK's is 200): past it the JDK closes kept-alive
 *       connections as soon as they idle, so 1,000 keep-alive clients read thousands of resets.
 *   <li>{@code jdk.httpserver.maxConnections=10000} (the JDK's is unlimited): connections past it
 *       are accepted and closed at once, before any handler runs.
 *   <li>{@code maxRspTime=60} (seconds to send a response once its headers went out): a client
 *       that never reads cannot hold a connection and a thread forever. {@code next:run} sets it
 *       to 0 (off) before the app starts: its live-reload stream lasts as long as the browser tab.
 * </ul>
 */
final class JdkServerProperties {
  static final Map<String, String> DEFAULTS = defaults();

  private JdkServerProperties() {}

  /** Sets each default that is not set already; returns the names it set. */
  static synchronized List<String> apply() {
    List<String> set = new ArrayList<>();
    for (Map.Entry<String, String> setting : DEFAULTS.entrySet()) {
      if (System.getProperty(setting.getKey()) == null) {
        System.setProperty(setting.getKey(), setting.getValue());
        set.add(setting.getKey());
      }
    }
    return set;
  }

  private static Map<String, String> defaults() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("sun.net.httpserver.nodelay", "true");
    values.put("sun.net.httpserver.maxReqTime", "20");
    values.put("sun.net.httpserver.idleInterval", "15");
    values.put("sun.net.httpserver.maxReqHeaders", "200");
    values.put("sun.net.httpserver.maxReqHeaderSize", "65536");
    values.put("sun.net.httpserver.drainAmount", "0");
    values.put("sun.net.httpserver.maxIdleConnections", "10000");
    values.put("jdk.httpserver.maxConnections", "10000");
    values.put("sun.net.httpserver.maxRspTime", "60");
    return java.util.Collections.unmodifiableMap(values);
  }
}
