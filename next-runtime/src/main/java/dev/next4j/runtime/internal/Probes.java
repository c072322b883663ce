package dev.next4j.runtime.internal;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.util.Locale;

/**
 * The liveness and readiness answers for Kubernetes probes, asked before anything else of the
 * pipeline: the paths are matched as the client sent them, so neither the base path, nor the
 * trailing-slash rules, nor {@code _Middleware}, nor a page can change or shadow them.
 *
 * <p>Liveness is 200 {@code ok} while the process answers at all. Readiness is 200 {@code ready},
 * or 503 {@code draining} once the app began to close (SIGTERM): the load balancer stops sending
 * new requests while those in flight finish. Both say {@code Cache-Control: no-store}; a method
 * other than GET or HEAD is 405.
 */
final class Probes {
  private final String live;
  private final String ready;
  private final NextApp app;

  /** Probes at {@code options}' paths (none when off); readiness asks whether {@code app} is {@linkplain NextApp#draining() draining}. */
  Probes(NextOptions options, NextApp app) {
    this.live = options.probes() ? options.livenessPath() : null;
    this.ready = options.probes() ? options.readinessPath() : null;
    this.app = app;
  }

  /** Whether {@code rawPath} (the path as sent, before any rule; null for none) is a probe's. */
  boolean matches(String rawPath) {
    return live != null && (live.equals(rawPath) || ready.equals(rawPath));
  }

  /** The probe's answer to {@code request}, whose path {@link #matches}. */
  Response answer(Request request) {
    String method = request.method().toUpperCase(Locale.ROOT);
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return ErrorPages.plain(405).withHeader("Allow", "GET, HEAD");
    }
    Response answer;
    if (request.path().equals(live)) {
      answer = Response.text("ok\n");
    } else if (app.draining()) {
      answer = Response.text("draining\n").withStatus(503);
    } else {
      answer = Response.text("ready\n");
    }
    return answer.withHeader("Cache-Control", "no-store")
        .withHeader("Content-Length", Integer.toString(answer.bodyLength()));
  }
}
