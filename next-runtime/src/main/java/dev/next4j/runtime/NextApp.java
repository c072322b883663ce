package dev.next4j.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.binding.HttpEngine;
import dev.next4j.runtime.binding.ServerExchange;
import dev.next4j.runtime.generated.PublicFileIndex;
import dev.next4j.runtime.internal.DefaultNextApp;
import dev.next4j.runtime.internal.ServeCommand;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An app: the route table with its configuration and options, ready to serve (what Next.js's
 * {@code next(options)} returns). Generated {@code NextServer.app(options)} makes one.
 *
 * <pre>{@code
 * NextApp app = NextServer.app(NextOptions.builder().build());
 * HttpServer server = HttpServer.create(new InetSocketAddress(3000), 0);
 * server.createContext("/", app.requestHandler());
 * server.start();
 * }</pre>
 *
 * <p>{@link #prepare()} is there for Next.js parity and need not be called: every method that
 * serves ({@link #handle}, the handler of {@link #requestHandler()}, the {@code render} methods and
 * {@link #start()}) prepares the app first if it is not yet.
 *
 * <p>Configuration is given one way: {@link NextOptions#conf()}, which replaces the pom's (the
 * generated {@code NextServer.CONFIG}) when set.
 *
 * <p>Headers a custom server sets on the exchange before delegating are kept (a header the page
 * also sets takes the page's value; {@code Set-Cookie} values add up). Headers set on the exchange
 * after the handler returned are lost: the response has been sent by then.
 */
public interface NextApp extends AutoCloseable, Revalidator {
  /**
   * Makes an app serving {@code table}: the entry point of generated code ({@code
   * NextServer.app(options)}), not of users, who get their app from {@code NextServer.app}. {@code
   * buildConfig} is the configuration compiled from the pom, the default that {@code
   * options.conf()} replaces entirely when given.
   */
  static NextApp create(RouteTable table, NextConfig buildConfig, NextOptions options) {
    return new DefaultNextApp(table, buildConfig, options);
  }

  /**
   * Makes an app serving {@code table} and the files under {@code public/} that {@code publicFiles}
   * lists (the build's index, {@code PublicFileIndex.load(NextServer.class)}): what the generated
   * {@code NextServer.app(options)} calls. Public files are asked after middleware and before routes.
   */
  static NextApp create(RouteTable table, NextConfig buildConfig, NextOptions options, PublicFileIndex publicFiles) {
    return new DefaultNextApp(table, buildConfig, options, publicFiles.files());
  }

  /**
   * Makes an app as {@link #create(RouteTable, NextConfig, NextOptions, PublicFileIndex)} that also
   * owns {@code context}, the site's services ({@code _Context}) its pages were built with: what the
   * generated {@code NextServer.app(options)} calls for a site that has them. {@link #close()}
   * closes {@code context}, when it is {@link AutoCloseable}, after the requests in flight
   * finished and the app's server stopped; a failure to close is logged.
   */
  static NextApp create(
      RouteTable table, NextConfig buildConfig, NextOptions options, PublicFileIndex publicFiles, Object context) {
    return new DefaultNextApp(table, buildConfig, options, publicFiles.files(), Objects.requireNonNull(context, "context"));
  }

  /**
   * Runs an app as a server from the command line; the generated {@code main} is exactly {@code
   * NextApp.serve(args, NextServer::app)}.
   *
   * <p>The port comes from {@code --port N} (or {@code --port=N}, {@code -p N}), else the {@code
   * PORT} environment variable, else 3000; the bind address from {@code --hostname H} (or {@code
   * -H H}), else {@code NEXT_HOSTNAME}, else all interfaces. {@code HOSTNAME} is never read: shells
   * and containers set it to the machine's name. {@code --dev} (or the {@code next.dev} system property,
   * which {@code next:run} sets) makes a dev-mode app. Prints one line once ready, e.g. {@code next4j ready on
   * http://localhost:3000 (12 routes, started in 45 ms)}, the time counted from this call; a bad
   * argument or a port in use is one line on stderr and exit code 1. SIGTERM and Ctrl-C {@linkplain
   * #close() close} the app gracefully: requests in flight finish (up to {@code
   * -Dnext.shutdownTimeout} seconds, default 30), then the port is freed.
   */
  static void serve(String[] args, Function<NextOptions, NextApp> factory) {
    ServeCommand.run(args, System.getenv(), factory, ServeCommand.JDK);
  }

  /**
   * {@link #serve(String[], Function)} on another HTTP engine: the same arguments, ready line and
   * graceful shutdown (the app drains, then {@code engine}'s server stops). The generated {@code
   * main} of a site that depends on {@code next-helidon} is {@code NextApp.serve(args,
   * NextServer::app, new HelidonEngine())}.
   */
  static void serve(String[] args, Function<NextOptions, NextApp> factory, HttpEngine engine) {
    ServeCommand.run(args, System.getenv(), factory, engine);
  }

  /**
   * Makes ready to serve (applies next4j's settings of the JDK HTTP server). Idempotent, and
   * optional: every serving method calls it first; call it yourself to do that work before the
   * first request, or before making the {@code HttpServer} you pass as {@link
   * NextOptions#httpServer()}.
   */
  void prepare();

  /**
   * The whole request pipeline as a JDK {@link HttpHandler}; under {@code next:run} it also serves
   * the dev server's live-reload stream, which {@link #handle} cannot (it needs the exchange).
   */
  HttpHandler requestHandler();

  /**
   * Serves one exchange of any HTTP engine through the whole pipeline, what {@link
   * #requestHandler()} does for the JDK's: the probes, draining's 503, the strict request checks and
   * limits, the canonical path, routing, the response finishing, the access log and the cleanup of
   * an uploaded form; closes the exchange before it returns. Another engine's binding calls it from
   * its handler, on a thread that may block (a page may).
   *
   * @throws IOException when writing the response failed (the client went away, a streamed body's
   *     writer failed halfway); the exchange is closed
   */
  void serve(ServerExchange exchange) throws IOException;

  /**
   * The app's environment: the process environment over the {@code .env} files of {@link
   * NextOptions#dir()}, for mode {@code development} in dev mode and {@code production} otherwise
   * (see {@link Env} for the order). Loaded when the app is made; in dev mode it is loaded again
   * when a file changed. Pages see the same through {@link Request#env()}.
   *
   * @throws IllegalArgumentException (from {@link NextApp#create}) for a malformed {@code .env} line
   */
  Env env();

  /**
   * Serves {@code request} without any HTTP server: the server-neutral entry point. The form the
   * request read ({@link Request#form()}) is closed before this returns.
   */
  Response handle(Request request);

  /**
   * Answers {@code exchange} with the page at {@code path} (which must start with {@code /}; {@code
   * /index} means {@code /}) and {@code query}, whatever the exchange asked for (Next.js's {@code
   * app.render}). The i18n step (a locale prefix in {@code path} stripped and kept as {@link
   * Request#locale()}, the detection redirect from {@code /}) and middleware run as for any request;
   * redirects for the URL's shape do not.
   *
   * @throws IllegalArgumentException if {@code path} does not start with {@code /} or has a query
   */
  void render(HttpExchange exchange, String path, Map<String, List<String>> query) throws IOException;

  /** Answers {@code exchange} with the 404 page (the {@code _404} page when there is one). */
  void render404(HttpExchange exchange) throws IOException;

  /**
   * Answers {@code exchange} with the 500 page for {@code error}, logging it with its stack trace.
   * The client sees the error's details only in dev mode, and not when {@code quiet}.
   */
  void renderError(HttpExchange exchange, Throwable error) throws IOException;

  /**
   * Starts serving: on {@link NextOptions#httpServer()} when given (the handler is registered at
   * context {@code /}, and the server gets an executor if it has none, so no request runs on its
   * dispatcher thread; the caller starts and stops that server), else on a server of the app's own
   * bound to the options' hostname (all interfaces when none) and port, which it starts. Returns
   * the server; with port 0 its address tells the port picked.
   *
   * @throws java.net.BindException if the port is in use
   * @throws IllegalStateException when called a second time, or after {@link #close()}
   */
  HttpServer start() throws IOException;

  /**
   * Shuts down gracefully: {@link #draining()} turns true and new requests get 503 with {@code
   * Connection: close}; requests in flight get up to {@code -Dnext.shutdownTimeout} seconds
   * (default 30) to finish, and any still running then are cut and logged; then the app's own
   * server, if it made one, stops, what the host holds for it is released, and the services it
   * owns (the {@code _Context} the generated {@code NextServer.app(options)} built) are closed.
   * Blocks until done.
   * Idempotent. {@code NextApp.serve} calls it on SIGTERM and Ctrl-C.
   */
  @Override
  void close();

  /**
   * Whether {@link #close()} has begun: the app finishes what it serves and takes nothing new. A
   * readiness probe answers "not ready" from the moment this is true, so a load balancer stops
   * sending before the server goes away.
   */
  boolean draining();

  /** The options the app was made with. */
  NextOptions options();

  /** The configuration in force: {@code options.conf()} when given, else the pom's. */
  NextConfig config();

  /**
   * Renders the static page at {@code path} again now and stores it (Next.js's {@code
   * res.revalidate}); pages and API routes reach it as {@link Request#revalidate}. See {@link
   * Revalidator#revalidate} for what happens when rendering fails.
   */
  @Override
  void revalidate(String path);

  /** The route table being served. */
  RouteTable routes();
}
