package dev.next4j.runtime.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.PageCache;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.host.HostSlot;
import dev.next4j.runtime.host.HostedApp;
import dev.next4j.runtime.host.Serving;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * The {@link NextApp} that {@link NextApp#create} makes.
 *
 * <p>A dev-mode app made while a host is installed in {@link HostSlot} (the dev server of {@code
 * next:run}) attaches to it once, here, and asks the {@link HostedApp} on each request what to
 * serve, lets it answer its own paths before routing, and passes every response through its
 * filter. Without a host the field is null and each request pays one null check.
 */
public final class DefaultNextApp implements NextApp {
  /** Connections the OS queues before the server accepts them; Node's default too (the JDK's is 50). */
  static final int ACCEPT_BACKLOG = 511;

  private final RouteTable table;
  private final NextConfig config;
  private final NextOptions options;
  private final Dispatcher dispatcher;
  private final StaticPages staticPages;
  private final HostedApp host;
  private final HttpHandler handler = this::serveExchange;

  private volatile boolean prepared;
  private HttpServer server;
  private ExecutorService ownExecutor;
  private boolean ownServer;
  private boolean closed;

  /** An app serving {@code table}; {@code options.conf()}, when given, replaces {@code buildConfig}. */
  public DefaultNextApp(RouteTable table, NextConfig buildConfig, NextOptions options) {
    this(table, buildConfig, options, PublicFiles.NONE);
  }

  /** An app that also serves {@code publicFiles}, asked after middleware and before routes. */
  public DefaultNextApp(RouteTable table, NextConfig buildConfig, NextOptions options, PublicFiles publicFiles) {
    Objects.requireNonNull(publicFiles, "publicFiles");
    this.table = Objects.requireNonNull(table, "table");
    this.options = Objects.requireNonNull(options, "options");
    this.config = options.conf().orElse(Objects.requireNonNull(buildConfig, "buildConfig"));
    boolean showErrors = options.dev() && !options.quiet();
    this.host = options.dev() ? HostSlot.installed().map(h -> h.attach(config, options)).orElse(null) : null;
    // Dev mode renders static pages on every request, as `next dev` does; production serves them stored.
    this.staticPages = options.dev() ? null : StaticPages.load(config, options.clock(),
        options.pageCache().orElseGet(PageCache::inMemory), Regenerations.EXECUTOR, classLoader(table));
    this.dispatcher = new Dispatcher(config, showErrors, publicFiles, new ResponseFinisher(config, host), staticPages);
  }

  /** The loader of the site's classes, which holds its prerendered pages: the first page's. */
  private static ClassLoader classLoader(RouteTable table) {
    return table.routing().routes().stream()
        .map(route -> route.handler().getClass().getClassLoader())
        .findFirst()
        .orElse(DefaultNextApp.class.getClassLoader());
  }

  @Override
  public void revalidate(String path) {
    if (staticPages == null) {
      return;
    }
    staticPages.revalidate(path, table);
  }

  /** Applies next4j's JDK server settings, once; every serving method calls it first. */
  @Override
  public void prepare() {
    if (!prepared) {
      prepareOnce();
    }
  }

  private synchronized void prepareOnce() {
    if (prepared) {
      return;
    }
    List<String> set = JdkServerProperties.apply();
    if (!set.isEmpty() && options.httpServer().isPresent()) {
      // The given server exists, so the JDK has read its settings already, without these.
      Logs.LOG.log(Level.WARNING, "the HttpServer given to next4j was made before any next4j app was prepared, so the "
          + "JDK read its settings without next4j's " + set + "; pass them as -D options to the JVM "
          + "(at least -Dsun.net.httpserver.nodelay=true), or let the app make its own server");
    }
    prepared = true;
  }

  @Override
  public HttpHandler requestHandler() {
    return handler;
  }

  @Override
  public Response handle(Request request) {
    Objects.requireNonNull(request, "request");
    prepare();
    Request served = request.withRevalidator(this);
    return withTable(served, current -> dispatcher.dispatch(served, current));
  }

  @Override
  public void render(HttpExchange exchange, String path, Map<String, List<String>> query) throws IOException {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    prepare();
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException(
          "render path must start with '/': \"" + path + "\" (did you mean \"/" + path + "\"?)");
    }
    if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
      throw new IllegalArgumentException(
          "render path must be a path without query or fragment: \"" + path + "\" (pass the query as a map)");
    }
    String target = (path.equals("/index") ? "/" : path) + encode(query);
    answer(exchange, request -> {
      Request rendered = request.withTarget(target);
      return withTable(rendered, current -> dispatcher.render(rendered, current));
    });
  }

  @Override
  public void render404(HttpExchange exchange) throws IOException {
    Objects.requireNonNull(exchange, "exchange");
    prepare();
    answer(exchange, request -> withTable(request, current -> dispatcher.notFound(request, current)));
  }

  @Override
  public void renderError(HttpExchange exchange, Throwable error) throws IOException {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(error, "error");
    prepare();
    answer(exchange, request -> withTable(request, current -> dispatcher.failed(request, error, current)));
  }

  @Override
  public synchronized HttpServer start() throws IOException {
    prepare();
    if (closed) {
      throw new IllegalStateException("start() after close(): make a new app");
    }
    if (server != null) {
      throw new IllegalStateException("start() was already called; the app serves on " + server.getAddress());
    }
    if (options.httpServer().isPresent()) {
      HttpServer given = options.httpServer().get();
      try {
        given.createContext("/", handler);
      } catch (IllegalArgumentException taken) {
        throw new IllegalStateException("the HttpServer given to next4j already has a context at \"/\"; remove it, "
            + "or register app.requestHandler() yourself on the paths you choose", taken);
      }
      giveExecutor(given);
      server = given;
      return given;
    }
    InetSocketAddress address = options.hostname()
        .map(host -> new InetSocketAddress(host, options.port()))
        .orElseGet(() -> new InetSocketAddress(options.port()));
    if (address.isUnresolved()) {
      throw new UnknownHostException("cannot resolve hostname \"" + address.getHostString() + "\" to bind to");
    }
    HttpServer own = HttpServer.create(address, ACCEPT_BACKLOG);
    ExecutorService executor = ServerExecutors.create();
    own.setExecutor(executor);
    own.createContext("/", handler);
    own.start();
    server = own;
    ownServer = true;
    ownExecutor = executor;
    return own;
  }

  /**
   * Gives {@code given} an executor when it has none: the JDK would run every handler on its one
   * dispatcher thread, where a client that stalls mid-request stalls all the others.
   */
  private static void giveExecutor(HttpServer given) {
    if (given.getExecutor() != null) {
      return;
    }
    try {
      given.setExecutor(ServerExecutors.create());
    } catch (IllegalStateException alreadyStarted) {
      Logs.LOG.log(Level.WARNING, "the HttpServer given to next4j was started without an executor, so requests run on "
          + "its dispatcher thread and one slow client stalls all; call server.setExecutor(...) before start()");
    }
  }

  @Override
  public void close() {
    HttpServer stop;
    ExecutorService executor;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      stop = ownServer ? server : null;
      executor = ownExecutor;
    }
    if (host != null) {
      host.close();
    }
    if (stop != null) {
      stop.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public NextOptions options() {
    return options;
  }

  @Override
  public NextConfig config() {
    return config;
  }

  @Override
  public RouteTable routes() {
    return table;
  }

  @Override
  public String toString() {
    return "NextApp{" + table.size() + " routes, " + config + ", dev=" + options.dev() + "}";
  }

  /** The handler of {@link #requestHandler()}. */
  private void serveExchange(HttpExchange exchange) throws IOException {
    prepare();
    if (host != null && host.serve(exchange)) {
      return;
    }
    answer(exchange, request -> withTable(request, current -> dispatcher.dispatch(request, current)));
  }

  /**
   * Runs {@code action} with the table to serve now: the app's own, or, with a host, the one the
   * host names; when the host answers instead (a broken build), that answer is finished and sent.
   */
  private Response withTable(Request request, Function<RouteTable, Response> action) {
    if (host == null) {
      return action.apply(table);
    }
    Serving serving;
    try {
      serving = host.serving(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return dispatcher.finish(request, ErrorPages.plain(503));
    }
    if (serving instanceof Serving.Answer answer) {
      Response response = answer.response();
      return dispatcher.finish(request, options.quiet() ? ErrorPages.plain(response.status()) : response);
    }
    return action.apply(((Serving.Table) serving).table());
  }

  /** Reads {@code exchange}'s request, serves it with {@code pipeline}, and writes the response. */
  private void answer(HttpExchange exchange, Function<Request, Response> pipeline) throws IOException {
    HttpBinding.Read read = HttpBinding.read(exchange, config.bodySizeLimit());
    if (read instanceof HttpBinding.Read.Refused refused) {
      Response refusal = refused.response();
      if (config.poweredByHeader()) {
        refusal = refusal.withHeader("X-Powered-By", "next4j");
      }
      HttpBinding.write(exchange, refusal, true);
      return;
    }
    HttpBinding.Read.Ok ok = (HttpBinding.Read.Ok) read;
    Response response;
    try {
      response = pipeline.apply(ok.request().withRevalidator(this));
    } catch (RuntimeException e) {
      // The pipeline answers page failures itself; this is a failure of next4j's own.
      Logs.LOG.log(Level.ERROR, "next4j failed to serve " + ok.request(), e);
      response = ErrorPages.plain(500);
    }
    HttpBinding.write(exchange, response, ok.chunked());
  }

  /** {@code query} as {@code ?a=1&b=2}, each name and value form-encoded; empty for no query. */
  static String encode(Map<String, List<String>> query) {
    StringBuilder out = new StringBuilder();
    query.forEach((name, values) -> {
      for (String value : values) {
        out.append(out.length() == 0 ? '?' : '&')
            .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    });
    return out.toString();
  }
}
