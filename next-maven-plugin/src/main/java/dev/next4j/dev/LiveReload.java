package dev.next4j.dev;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dev mode's live reload: the server-sent-events stream at {@code /_next/live-reload} and the
 * script every dev-mode HTML page gets, which reloads the page when the app changes.
 *
 * <p>Each change of the {@link Session} it follows bumps a version and sends {@code event:
 * reload} to every open stream. A page carries the version it was rendered at, and a stream starts by sending
 * the current one, so a change between rendering a page and opening its stream still reloads it.
 * Streams hold no handler thread: the handler returns once the stream is open, and one daemon
 * thread writes every event and the comment pings (every 15 s) that find dead clients.
 */
final class LiveReload implements AutoCloseable {
  /** The stream's path inside the app. */
  static final String PATH = "/_next/live-reload";

  private static final byte[] BODY_END = "</body".getBytes(StandardCharsets.US_ASCII);

  private final String streamPath;
  private final Duration pingInterval;
  private final AtomicLong version;
  /** Open streams at most: one per browser tab is plenty for a developer; more is a loop or an attack. */
  static final int MAX_STREAMS = 64;

  private final Set<HttpExchange> streams = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService writer;
  private final AutoCloseable subscription;

  private boolean closed;

  /**
   * A hub for an app under {@code basePath} that follows {@code session}'s changes (when not null),
   * pinging open streams every {@code pingInterval}.
   */
  LiveReload(String basePath, Session session, Duration pingInterval) {
    this.streamPath = basePath + PATH;
    this.pingInterval = pingInterval;
    this.version = new AtomicLong(session == null ? 0 : session.epoch());
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "next4j-live-reload");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    this.writer = executor;
    long millis = pingInterval.toMillis();
    writer.scheduleWithFixedDelay(() -> broadcast(": ping\n\n"), millis, millis, TimeUnit.MILLISECONDS);
    this.subscription = session == null ? () -> { } : session.onChange(this::changed);
  }

  /** The stream's URL path, base path included: {@code /docs/_next/live-reload}. */
  String streamPath() {
    return streamPath;
  }

  /** How many streams are open. */
  int openStreams() {
    return streams.size();
  }

  /** The app changed: bump the version and tell every open stream to reload. */
  void changed() {
    long now = version.incrementAndGet();
    broadcast("event: reload\ndata: " + now + "\n\n");
  }

  /**
   * Answers {@code exchange} with an open event stream; returns at once, leaving it open. Past
   * {@link #MAX_STREAMS} open streams the answer is 503: each holds a connection and a thread.
   */
  void open(HttpExchange exchange) throws IOException {
    boolean admitted;
    synchronized (this) {
      if (closed) {
        exchange.close();
        return;
      }
      // Counted before the answer goes out: a tab that has its 200 holds its place.
      admitted = streams.size() < MAX_STREAMS && streams.add(exchange);
    }
    if (!admitted) {
      byte[] body = ("next:run keeps at most " + MAX_STREAMS + " live-reload streams open (one per browser tab); "
          + "close some tabs\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.getResponseHeaders().set("Retry-After", "5");
      exchange.sendResponseHeaders(503, body.length);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
    try {
      exchange.sendResponseHeaders(200, 0);
    } catch (IOException | RuntimeException e) {
      drop(exchange);
      throw e;
    }
    String hello = "retry: 1000\nevent: version\ndata: " + version.get() + "\n\n";
    try {
      writer.execute(() -> send(exchange, hello));
    } catch (RejectedExecutionException e) {
      drop(exchange);
    }
  }

  /**
   * The script for an HTML page rendered now: it opens the stream and reloads the page on a
   * {@code reload} event, or when the stream reports another version than the page's.
   */
  String script() {
    return "<script data-next4j-live-reload>(function(){var v=\"" + version.get()
        + "\";var s=new EventSource(\"" + streamPath.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c")
        + "\");s.addEventListener(\"version\",function(e){if(e.data!==v){location.reload()}});"
        + "s.addEventListener(\"reload\",function(){s.close();location.reload()});})();</script>";
  }

  /** {@code html} with {@code script} before its last {@code </body>}, or at its end when it has none. */
  static byte[] inject(byte[] html, String script) {
    byte[] tag = script.getBytes(StandardCharsets.UTF_8);
    int at = lastIndexOfIgnoreCase(html, BODY_END);
    if (at < 0) {
      at = html.length;
    }
    byte[] out = new byte[html.length + tag.length];
    System.arraycopy(html, 0, out, 0, at);
    System.arraycopy(tag, 0, out, at, tag.length);
    System.arraycopy(html, at, out, at + tag.length, html.length - at);
    return out;
  }

  /** Ends every open stream and stops following the session. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      subscription.close();
    } catch (Exception impossible) {
      // the session's handle only removes a listener from a list
    }
    writer.shutdownNow();
    for (HttpExchange exchange : streams) {
      drop(exchange);
    }
  }

  private void broadcast(String event) {
    for (HttpExchange exchange : streams) {
      try {
        writer.execute(() -> send(exchange, event));
      } catch (RejectedExecutionException e) {
        return;
      }
    }
  }

  /** Writes {@code event} to one stream; a client that is gone is dropped. Runs on the writer thread. */
  private void send(HttpExchange exchange, String event) {
    if (!streams.contains(exchange)) {
      return;
    }
    try {
      OutputStream body = exchange.getResponseBody();
      body.write(event.getBytes(StandardCharsets.UTF_8));
      body.flush();
    } catch (IOException e) {
      drop(exchange);
    }
  }

  private void drop(HttpExchange exchange) {
    if (streams.remove(exchange)) {
      try {
        exchange.close();
      } catch (RuntimeException e) {
        // The connection is gone already; closing it is all that was left to do.
      }
    }
  }

  private static int lastIndexOfIgnoreCase(byte[] text, byte[] lowerNeedle) {
    for (int i = text.length - lowerNeedle.length; i >= 0; i--) {
      boolean match = true;
      for (int j = 0; j < lowerNeedle.length && match; j++) {
        byte b = text[i + j];
        byte lower = b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
        match = lower == lowerNeedle[j];
      }
      if (match) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "LiveReload{" + streamPath + ", version " + version.get() + ", " + streams.size() + " streams, ping "
        + pingInterval + "}";
  }
}
