package dev.next4j.runtime.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.App;
import dev.next4j.runtime.Env;
import dev.next4j.runtime.JsonCodec;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.PageCache;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.binding.ServerExchange;
import dev.next4j.runtime.generated.Route;
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
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
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
  /**
   * The stored static pages: null in dev mode, and until {@link #revalidate} asks for them when the
   * table has no static page (then nothing is looked up at startup, not even the page cache).
   */
  private volatile StaticPages staticPages;
  private final HostedApp host;
  private final HttpHandler handler = new ExchangeHandler();
  private final Probes probes;
  private final AccessLog accessLog;
  /** The request-body bytes all requests hold at once ({@link NextOptions#bodyBufferBytes()}). */
  private final BodyBudget bodyBudget;
  /** The JSON codec of requests served with the app's own table ({@link #withApp}), or null. */
  private final JsonCodec tableCodec;
  /** The dispatcher's pipeline, made once rather than as a lambda per request. */
  private final Dispatch dispatch = new Dispatch();
  private final Pipeline pipeline = new Pipeline();

  /**
   * How long {@link #close()} lets in-flight requests finish: the {@code next.shutdownTimeout}
   * system property in seconds, 30 by default (Spring Boot's), 0 to cut them at once.
   */
  static final String SHUTDOWN_TIMEOUT_PROPERTY = "next.shutdownTimeout";

  static final long DEFAULT_SHUTDOWN_SECONDS = 30;

  /**
   * Requests being served through {@link #requestHandler()} now (the host's own streams excluded):
   * a counter every request thread adds to at once, so its cells are spread ({@link LongAdder})
   * rather than one contended word; only a closing app sums it.
   */
  private final LongAdder inFlight = new LongAdder();

  private volatile boolean draining;

  private volatile Env env;
  private volatile boolean prepared;
  private HttpServer server;
  private ExecutorService ownExecutor;
  private boolean ownServer;
  private boolean closed;
  /** The services this app closes, or null. */
  private final Object context;

  /** An app serving {@code table}; {@code options.conf()}, when given, replaces {@code buildConfig}. */
  public DefaultNextApp(RouteTable table, NextConfig buildConfig, NextOptions options) {
    this(table, buildConfig, options, PublicFiles.NONE);
  }

  /** An app that also serves {@code publicFiles}, asked after middleware and before routes. */
  public DefaultNextApp(RouteTable table, NextConfig buildConfig, NextOptions options, PublicFiles publicFiles) {
    this(table, buildConfig, options, publicFiles, null);
  }

  /**
   * An app that also owns {@code context}, the site's services (or null): {@link #close()} closes
   * it, when it is {@link AutoCloseable}, once the requests in flight finished.
   */
  public DefaultNextApp(
      RouteTable table, NextConfig buildConfig, NextOptions options, PublicFiles publicFiles, Object context) {
    Objects.requireNonNull(publicFiles, "publicFiles");
    this.context = context;
    this.table = Objects.requireNonNull(table, "table");
    this.options = Objects.requireNonNull(options, "options");
    this.config = options.conf().orElse(Objects.requireNonNull(buildConfig, "buildConfig"));
    this.env = Env.of(options);
    boolean showErrors = options.dev() && !options.quiet();
    this.host = options.dev() ? HostSlot.installed().map(h -> h.attach(config, options)).orElse(null) : null;
    // Under a host that names public folders (next:run), they are read from disk on every request.
    PublicFiles files = host == null || host.publicFolders().isEmpty()
        ? publicFiles
        : new PublicFileServer(new DiskPublicFiles(host.publicFolders()));
    // Dev mode renders static pages on every request, as `next dev` does; production serves them stored.
    // Production with static pages only: the manifest's lookup, the page cache (which _App may name)
    // and the regeneration classes are not needed by a site without any.
    this.staticPages = options.dev() || !hasStaticPages(table) ? null : loadStaticPages();
    this.dispatcher = new Dispatcher(config, showErrors, files, new ResponseFinisher(config, host), staticPages);
    this.probes = new Probes(options, this);
    this.accessLog = options.accessLog() ? new AccessLog() : null;
    this.bodyBudget = new BodyBudget(options.bodyBufferBytes());
    this.tableCodec = codec(table);
  }

  private StaticPages loadStaticPages() {
    return StaticPages.load(config, options.clock(), pageCache(options, table), Regenerations.EXECUTOR, classLoader(table));
  }

  private static boolean hasStaticPages(RouteTable table) {
    List<Route> routes = table.routing().routes();
    for (int i = 0; i < routes.size(); i++) {
      if (routes.get(i).kind() == RouteTable.Kind.STATIC_PAGE) {
        return true;
      }
    }
    return false;
  }

  /** The options' page cache, else the one {@code _App} names, else a fresh one in memory; asked once. */
  private static PageCache pageCache(NextOptions options, RouteTable table) {
    if (options.pageCache().isPresent()) {
      return options.pageCache().get();
    }
    Optional<App> app = table.routing().app();
    if (app.isEmpty()) {
      return PageCache.inMemory();
    }
    PageCache named = Objects.requireNonNull(app.get().pageCache(), "_App's pageCache() returned null").orElse(null);
    return named != null ? named : PageCache.inMemory();
  }

  /** The loader of the site's classes, which holds its prerendered pages: the first page's. */
  private static ClassLoader classLoader(RouteTable table) {
    List<Route> routes = table.routing().routes();
    return routes.isEmpty() ? DefaultNextApp.class.getClassLoader() : routes.get(0).handler().getClass().getClassLoader();
  }

  @Override
  public void revalidate(String path) {
    if (options.dev()) {
      return;
    }
    StaticPages pages = staticPages;
    if (pages == null) {
      // A table without static pages: made now, only to say that no static page serves the path.
      synchronized (this) {
        pages = staticPages;
        if (pages == null) {
          pages = loadStaticPages();
          staticPages = pages;
        }
      }
    }
    pages.revalidate(path, table);
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
    if (probes.matches(request.path())) {
      return probes.answer(request);
    }
    try {
      return withTable(request, dispatch);
    } finally {
      closeForm(request);
    }
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
    answer(new JdkExchange(exchange), request -> {
      return withTable(request.withTarget(target), dispatcher::render);
    });
  }

  @Override
  public void render404(HttpExchange exchange) throws IOException {
    Objects.requireNonNull(exchange, "exchange");
    prepare();
    answer(new JdkExchange(exchange), request -> withTable(request, dispatcher::notFound));
  }

  @Override
  public void renderError(HttpExchange exchange, Throwable error) throws IOException {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(error, "error");
    prepare();
    answer(new JdkExchange(exchange),
        request -> withTable(request, (req, current) -> dispatcher.failed(req, error, current)));
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
    String hostname = options.hostname().orElse(null);
    InetSocketAddress address =
        hostname != null ? new InetSocketAddress(hostname, options.port()) : new InetSocketAddress(options.port());
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

  /**
   * Drains, then stops: new requests get 503 with {@code Connection: close} (and {@link
   * #draining()} turns true, for a readiness probe), requests in flight get up to {@code
   * next.shutdownTimeout} seconds (default 30) to finish, and those still running then are cut and
   * logged. Then the host is released, the app's own server and executor stop, and the site's
   * services the app owns ({@code _Context}) are closed. A custom server
   * that keeps its own {@code HttpServer} running after this answers 503 on readiness for good.
   */
  @Override
  public void close() {
    draining = true;
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
    awaitInFlight(shutdownTimeoutMillis());
    if (host != null) {
      host.close();
    }
    if (stop != null) {
      stop.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
    if (context instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        Logs.LOG.log(Level.WARNING, "closing the site's services (" + context.getClass().getName() + ") failed", e);
      }
    }
  }

  @Override
  public boolean draining() {
    return draining;
  }

  /** Waits until no request is in flight or {@code millis} passed; logs the requests cut. */
  private void awaitInFlight(long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    int running = inFlight.intValue();
    if (running > 0) {
      Logs.LOG.log(Level.INFO, "next4j is shutting down: waiting up to " + millis / 1000 + " s for " + running
          + (running == 1 ? " request" : " requests") + " in flight");
    }
    while ((running = inFlight.intValue()) > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (running > 0) {
      Logs.LOG.log(Level.WARNING, "next4j shut down with " + running + (running == 1 ? " request" : " requests")
          + " still in flight after " + millis / 1000 + " s (" + SHUTDOWN_TIMEOUT_PROPERTY + "); they were cut");
    }
  }

  static long shutdownTimeoutMillis() {
    String value = System.getProperty(SHUTDOWN_TIMEOUT_PROPERTY);
    if (value == null || value.isBlank()) {
      return TimeUnit.SECONDS.toMillis(DEFAULT_SHUTDOWN_SECONDS);
    }
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds >= 0) {
        return TimeUnit.SECONDS.toMillis(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    Logs.LOG.log(Level.WARNING, "-D" + SHUTDOWN_TIMEOUT_PROPERTY + "=" + value + " is not a number of seconds (0 or "
        + "more); using " + DEFAULT_SHUTDOWN_SECONDS);
    return TimeUnit.SECONDS.toMillis(DEFAULT_SHUTDOWN_SECONDS);
  }

  @Override
  public Env env() {
    Env current = env;
    if (options.dev()) {
      // An edited .env takes effect on the next request; the dev server reloads the browser.
      Env reloaded = current.reloaded();
      if (reloaded != current) {
        env = reloaded;
        Logs.LOG.log(Level.INFO, "reloaded the environment from " + reloaded.files());
      }
      return reloaded;
    }
    return current;
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

  /**
   * The dispatcher's pipeline with the table to serve now: a class rather than a lambda, which
   * would cost a hidden class at startup.
   */
  private final class Pipeline implements Function<Request, Response> {
    @Override
    public Response apply(Request request) {
      return withTable(request, dispatch);
    }
  }

  /** {@link Dispatcher#dispatch}, a class rather than a method reference for the same reason. */
  private final class Dispatch implements BiFunction<Request, RouteTable, Response> {
    @Override
    public Response apply(Request request, RouteTable current) {
      return dispatcher.dispatch(request, current);
    }
  }

  /**
   * The JDK handler of {@link #requestHandler()}: a class rather than a method reference, which
   * would cost a hidden class at startup.
   */
  private final class ExchangeHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
      serveExchange(exchange);
    }
  }

  /**
   * The handler of {@link #requestHandler()}: the host's own paths (the dev server's live-reload
   * stream, which needs the JDK exchange) are answered here, every other request by {@link #serve}.
   */
  private void serveExchange(HttpExchange exchange) throws IOException {
    prepare();
    if (host != null && !probes.matches(JdkExchange.rawPath(exchange)) && host.serve(exchange)) {
      return;
    }
    serve(new JdkExchange(exchange));
  }

  @Override
  public void serve(ServerExchange exchange) throws IOException {
    Objects.requireNonNull(exchange, "exchange");
    prepare();
    if (probes.matches(HttpBinding.path(exchange.target()))) {
      answerProbe(exchange);
      return;
    }
    inFlight.increment();
    try {
      if (draining) {
        HttpBinding.write(exchange, ErrorPages.plain(503).withHeader("Retry-After", "1"), true);
        return;
      }
      answer(exchange, pipeline);
    } finally {
      inFlight.decrement();
    }
  }

  /**
   * Runs {@code action} with the table to serve now: the app's own, or, with a host, the one the
   * host names; when the host answers instead (a broken build), that answer is finished and sent.
   * The request reaches {@code action} with the app's environment and JSON codec ({@link #withApp}).
   */
  private Response withTable(Request request, BiFunction<Request, RouteTable, Response> action) {
    if (host == null) {
      return action.apply(withApp(request, table), table);
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
    RouteTable current = ((Serving.Table) serving).table();
    return action.apply(withApp(request, current), current);
  }

  /**
   * {@code request} with the app's environment, this app behind {@link Request#revalidate}, and with
   * the options' JSON codec, else the one {@code current}'s {@code _App} names.
   */
  private Request withApp(Request request, RouteTable current) {
    JsonCodec codec = current == table ? tableCodec : codec(current);
    return PipelineAccess.withApp(request, env(), this, codec);
  }

  /** The options' JSON codec, else the one {@code current}'s {@code _App} names, else null. */
  private JsonCodec codec(RouteTable current) {
    Optional<JsonCodec> given = options.json();
    return given.isPresent() ? given.get() : current.routing().json().orElse(null);
  }

  /** Answers a probe: no body is read, nothing is logged. */
  private void answerProbe(ServerExchange exchange) throws IOException {
    Request request = Request.builder(exchange.method(), HttpBinding.path(exchange.target())).build();
    HttpBinding.write(exchange, probes.answer(request), false);
  }

  /**
   * Reads {@code exchange}'s request, serves it with {@code pipeline}, and writes the response; with
   * the access log on, gives the request and the response their request id and logs the line.
   */
  private void answer(ServerExchange exchange, Function<Request, Response> pipeline) throws IOException {
    long begun = accessLog == null ? 0 : System.nanoTime();
    String requestId = null;
    if (accessLog != null) {
      List<String> given = exchange.header(AccessLog.HEADER);
      requestId = AccessLog.requestId(given.isEmpty() ? null : given.get(0));
    }
    HttpBinding.Read read = HttpBinding.read(exchange, config.bodySizeLimit(), bodyBudget);
    Request received = read instanceof HttpBinding.Read.Ok okRead ? okRead.request() : null;
    BodyStream body = read instanceof HttpBinding.Read.Ok okRead ? okRead.body() : null;
    try {
      Response response;
      boolean close;
      if (read instanceof HttpBinding.Read.Refused refused) {
        response = refused.response();
        if (config.poweredByHeader()) {
          response = response.withHeader("X-Powered-By", "next4j");
        }
        close = true;
      } else {
        HttpBinding.Read.Ok ok = (HttpBinding.Read.Ok) read;
        Request request = requestId == null ? ok.request() : ok.request().withHeader(AccessLog.HEADER, requestId);
        try {
          response = pipeline.apply(request);
          // What the route left of its body is read and dropped (it is within the body limit), so
          // that the connection's next request starts after it; when that fails, it closes.
          close = ok.chunked() || (body != null && !body.drain(config.bodySizeLimit()));
        } catch (Throwable e) {
          // The pipeline answers page failures itself; this is a failure of next4j's own (or an
          // Error while answering one): a 500, and the connection closes after it.
          Logs.LOG.log(Level.ERROR, "next4j failed to serve " + request, e);
          response = ErrorPages.plain(500);
          close = true;
        }
      }
      if (accessLog == null) {
        HttpBinding.write(exchange, response, close);
        return;
      }
      response = response.withHeader(AccessLog.HEADER, requestId);
      long bytes = HttpBinding.write(exchange, response, close);
      accessLog.log(exchange.method(), HttpBinding.path(exchange.target()), response.status(), bytes,
          System.nanoTime() - begun, requestId);
    } finally {
      if (body != null) {
        body.release();
      }
      if (received != null) {
        // The uploaded files of the form the page read, deleted once the response is out.
        closeForm(received);
      }
    }
  }

  /** Closes {@code request}'s form; a file that cannot be deleted is logged, not thrown. */
  private static void closeForm(Request request) {
    try {
      request.closeForm();
    } catch (RuntimeException e) {
      Logs.LOG.log(Level.WARNING, "could not delete the uploaded files of " + request, e);
    }
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
