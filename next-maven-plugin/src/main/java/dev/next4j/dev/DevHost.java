package dev.next4j.dev;

import com.sun.net.httpserver.HttpExchange;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.host.AppHost;
import dev.next4j.runtime.host.HostSlot;
import dev.next4j.runtime.host.HostedApp;
import dev.next4j.runtime.host.Serving;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The dev server as the runtime's host ({@code dev.next4j.runtime.host}): installed in {@link
 * HostSlot} before any app is made, it gives every dev-mode app, the generated {@code NextServer}'s
 * or a custom server's, the same three hooks:
 *
 * <ul>
 *   <li>what to serve: the {@link Session}'s current table, or while the build is broken the {@link
 *       DevErrorPage} of its problem (a request during a reload waits for it);
 *   <li>the live-reload stream at {@code <basePath>/_next/live-reload}, served before routing;
 *   <li>the live-reload script, put into every HTML response (not into a 206 part of one);
 *   <li>the {@code public} folders of the resource folders, served from disk on every request, so
 *       an edited or new file shows at once (the runtime's rules: only regular files found by
 *       listing the folders, no symbolic links).
 * </ul>
 */
final class DevHost implements AppHost {
  /** How often open live-reload streams are pinged, which finds closed tabs. */
  static final Duration PING_INTERVAL = Duration.ofSeconds(15);

  private final Session session;
  private final Duration pingInterval;
  private final List<Path> publicFolders;

  DevHost(Session session, Duration pingInterval, List<Path> publicFolders) {
    this.session = session;
    this.pingInterval = pingInterval;
    this.publicFolders = List.copyOf(publicFolders);
  }

  @Override
  public HostedApp attach(NextConfig config, NextOptions options) {
    return new Attached(new LiveReload(config.basePath(), session, pingInterval), options.hostname().orElse("localhost"));
  }

  /**
   * Why a request with {@code host} (its {@code Host} header) and {@code origin} (its {@code Origin}
   * header, or null) may not be served by the dev server bound to {@code bound}, or null when it
   * may. Allowed: {@code localhost} and its subdomains, IP addresses, and {@code bound}. Any other
   * name is what a DNS-rebinding page sends: its own name, now pointing at this machine, whose
   * answers (compile errors, source lines) it could then read.
   */
  static String refusal(String host, String origin, String bound) {
    if (host == null || !allowedHost(hostPart(host), bound)) {
      return "next:run answers requests for localhost, IP addresses and the host it binds (" + bound + "), not Host \""
          + host + "\" (DNS rebinding: a page of another site that resolves its name to this machine must not read the dev "
          + "server's errors and sources). Open the site at http://localhost, or bind that name with -Dnext.hostname=...\n";
    }
    if (origin != null && !origin.equals("null")) {
      int scheme = origin.indexOf("://");
      if (scheme < 0 || !allowedHost(hostPart(origin.substring(scheme + 3)), bound)) {
        return "next:run refuses requests made by pages of another site: Origin \"" + origin + "\"\n";
      }
    }
    return null;
  }

  /** {@code host[:port]} or {@code [v6][:port]} without the port, in lower case. */
  private static String hostPart(String authority) {
    String value = authority.trim().toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? value : value.substring(0, end + 1);
    }
    int colon = value.lastIndexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }

  private static boolean allowedHost(String host, String bound) {
    if (host.isEmpty()) {
      return false;
    }
    if (host.equals("localhost") || host.endsWith(".localhost") || host.equals(bound.toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      return true; // an IPv6 literal: no DNS name, so no rebinding
    }
    return host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.'); // an IPv4 literal
  }

  /** One app's hooks: its own live-reload hub (its stream path has the app's base path). */
  private final class Attached implements HostedApp {
    private final LiveReload liveReload;

    private final String bound;

    Attached(LiveReload liveReload, String bound) {
      this.liveReload = liveReload;
      this.bound = bound;
    }

    @Override
    public boolean serve(HttpExchange exchange) throws IOException {
      String refused = refusal(exchange.getRequestHeaders().getFirst("Host"),
          exchange.getRequestHeaders().getFirst("Origin"), bound);
      if (refused != null) {
        byte[] body = refused.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(403, body.length);
        try (var out = exchange.getResponseBody()) {
          out.write(body);
        }
        return true;
      }
      String path = exchange.getRequestURI().getRawPath();
      // Also under another base path: a tab opened before a pom change moved it reconnects there.
      if (!liveReload.streamPath().equals(path) && !path.endsWith(LiveReload.PATH)) {
        return false;
      }
      if (exchange.getRequestMethod().equals("GET")) {
        liveReload.open(exchange);
      } else {
        exchange.getResponseHeaders().set("Allow", "GET");
        exchange.sendResponseHeaders(405, -1);
        exchange.close();
      }
      return true;
    }

    @Override
    public Serving serving(Request request) throws InterruptedException {
      if (request.path().equals(liveReload.streamPath())) {
        return new Serving.Answer(Response.text("The live-reload stream needs a streaming server: route "
                + liveReload.streamPath() + " through app.requestHandler().\n")
            .withStatus(400));
      }
      DevState state = session.current();
      if (state instanceof DevState.Broken broken) {
        return new Serving.Answer(DevErrorPage.of(broken.problem()));
      }
      DevState.Ready ready = (DevState.Ready) state;
      // The request's thread is the app's: a virtual thread started by the JDK server's dispatcher,
      // which on Java 21+ runs with the system class loader as its context loader whatever the
      // thread that started the server had, or a pooled thread that saw an earlier build. Either
      // way, the build being served is the one a page's resource and service lookups must see.
      Thread.currentThread().setContextClassLoader(ready.loader());
      return new Serving.Table(ready.table());
    }

    @Override
    public List<Path> publicFolders() {
      return publicFolders;
    }

    @Override
    public Response filter(Request request, Response response) {
      if (response.status() == 206 || !response.header("content-type").orElse("").toLowerCase(Locale.ROOT).startsWith("text/html")) {
        return response;
      }
      return response.withBody(LiveReload.inject(response.body(), liveReload.script()));
    }

    @Override
    public void close() {
      liveReload.close();
    }
  }
}
