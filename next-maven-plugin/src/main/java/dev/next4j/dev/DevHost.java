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
    return new Attached(new LiveReload(config.basePath(), session, pingInterval));
  }

  /** One app's hooks: its own live-reload hub (its stream path has the app's base path). */
  private final class Attached implements HostedApp {
    private final LiveReload liveReload;

    Attached(LiveReload liveReload) {
      this.liveReload = liveReload;
    }

    @Override
    public boolean serve(HttpExchange exchange) throws IOException {
      if (!liveReload.streamPath().equals(exchange.getRequestURI().getRawPath())) {
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
      return new Serving.Table(((DevState.Ready) state).table());
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
