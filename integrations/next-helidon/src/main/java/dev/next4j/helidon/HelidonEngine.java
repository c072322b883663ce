package dev.next4j.helidon;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.binding.HttpEngine;
import dev.next4j.runtime.binding.RunningServer;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.http.media.MediaContext;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http1.Http1Config;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * next4j on Helidon's web server (Helidon 4, Java 21+): every request goes through the same
 * pipeline as on the JDK's server ({@link NextApp#serve(dev.next4j.runtime.binding.ServerExchange)}),
 * on one of Helidon's virtual threads.
 *
 * <p>A site that depends on {@code next-helidon} gets a generated {@code NextServer.main} that is
 * {@code NextApp.serve(args, NextServer::app, new HelidonEngine())}. A custom Helidon server routes
 * to an app with {@link #handler(NextApp)}.
 *
 * <p>Helidon is set up for next4j: no service discovery of features, media or content encodings
 * (next4j does its own gzip), Helidon's own limits above next4j's so that next4j's 414 and 431
 * answer first, Helidon's path and Host checks off (next4j's canonical path and Host checks decide), and no shutdown hook of
 * Helidon's (the app drains first, then the server stops).
 */
public final class HelidonEngine implements HttpEngine {
  /** Connections the OS queues before Helidon accepts them; the JDK binding's number too. */
  static final int BACKLOG = 511;

  /**
   * The longest request line Helidon reads: next4j answers a target over 8 KiB with 414, so the
   * line it reads is a little longer than that; a longer line is Helidon's own 400.
   */
  static final int MAX_PROLOGUE = 8 * 1024 + 256;

  /**
   * The most header bytes Helidon reads: next4j answers more than 16 KiB of headers with 431, so
   * Helidon reads past that; more than this is Helidon's own 431.
   */
  static final int MAX_HEADERS = 32 * 1024;

  /** Starts {@code app} on a Helidon server bound to the options' hostname (all interfaces when none) and port. */
  @Override
  public RunningServer start(NextApp app) throws IOException {
    NextOptions options = app.options();
    WebServer server = WebServer.builder()
        .host(options.hostname().orElse("0.0.0.0"))
        .port(options.port())
        .backlog(BACKLOG)
        // Answers to pipelined requests go out one write each; with Nagle on, the second waits
        // for the client's delayed ACK of the first (about 40 ms). The JDK binding sets it too.
        .connectionOptions(socket -> socket.tcpNoDelay(true))
        .shutdownHook(false)
        .featuresDiscoverServices(false)
        .mediaContext(MediaContext.builder().mediaSupportsDiscoverServices(false).registerDefaults(false).build())
        .contentEncoding(ContentEncodingContext.builder().contentEncodingsDiscoverServices(false).build())
        .addProtocol(Http1Config.builder()
            .maxPrologueLength(MAX_PROLOGUE)
            .maxHeadersSize(MAX_HEADERS)
            .validatePath(false)
            .validateRequestHostHeader(false)
            // next4j has its own access log; Helidon's per-connection trace of what it receives
            // and sends asks its logger on every request even when the level is off.
            .receiveLog(false)
            .sendLog(false)
            .build())
        .routing(routing -> routing.any(handler(app)))
        .build();
    server.start();
    if (!server.isRunning()) {
      // Helidon logs why and returns a server that is not running; the usual cause is a port in
      // use, which a bind of our own reports as the JDK's server would, with a BindException.
      checkFree(options);
      throw new IOException("Helidon's web server did not start on " + options.hostname().orElse("all interfaces")
          + " port " + options.port() + "; its log above says why");
    }
    return new Running(server);
  }

  /**
   * Throws the {@link BindException} of a port in use (or an address not this machine's) as the
   * JDK's server would, after Helidon failed to start: Helidon only logs it.
   */
  private static void checkFree(NextOptions options) throws IOException {
    InetSocketAddress address = options.hostname()
        .map(host -> new InetSocketAddress(host, options.port()))
        .orElseGet(() -> new InetSocketAddress(options.port()));
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(address);
    }
  }

  /**
   * A Helidon handler that serves every request with {@code app}'s whole pipeline; register it with
   * {@code routing.any(HelidonEngine.handler(app))} on a server of your own.
   */
  public static Handler handler(NextApp app) {
    HelidonHeaders known = new HelidonHeaders();
    return (request, response) -> {
      HelidonExchange exchange = new HelidonExchange(request, response, known);
      app.serve(exchange);
      if (exchange.closesConnection()) {
        // Helidon 4.2 sends "Connection: close" but keeps the connection open (helidon-io/helidon
        // #12324, fixed after 4.5.3); this exception, after the answer went out, makes it close.
        throw new CloseConnectionException("next4j closes the connection after this answer");
      }
    };
  }

  /** A started Helidon server. */
  private record Running(WebServer server) implements RunningServer {
    @Override
    public InetSocketAddress address() {
      return new InetSocketAddress(server.port());
    }

    @Override
    public void stop() {
      server.stop();
    }
  }
}
