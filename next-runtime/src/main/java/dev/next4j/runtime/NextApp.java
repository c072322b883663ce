package dev.next4j.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An app: the route table with its configuration and options, ready to serve (what Next.js's
 * {@code next(options)} returns). Generated {@code NextServer.app(options)} makes one.
 *
 * <pre>{@code
 * NextApp app = NextServer.app(NextOptions.builder().build());
 * app.prepare();
 * HttpServer server = HttpServer.create(new InetSocketAddress(3000), 0);
 * server.createContext("/", app.requestHandler());
 * server.start();
 * }</pre>
 */
public interface NextApp extends AutoCloseable {
  /**
   * The app serving {@code routes} with {@code config} (replaced by {@code options.conf()} when
   * given); what generated {@code NextServer.app(options)} returns.
   *
   * <p>PLACEHOLDER until the serving work lands: only the signature the generated code compiles
   * against.
   */
  static NextApp create(RouteTable routes, NextConfig config, NextOptions options) {
    throw new UnsupportedOperationException("NextApp.create is not implemented yet");
  }

  /**
   * Serves the app that {@code app} makes from the options in {@code args} ({@code --port},
   * {@code --hostname}) and the environment; what generated {@code NextServer.main} calls.
   *
   * <p>PLACEHOLDER until the serving work lands: only the signature the generated code compiles
   * against.
   */
  static void serve(String[] args, Function<NextOptions, NextApp> app) {
    throw new UnsupportedOperationException("NextApp.serve is not implemented yet");
  }

  /** Makes ready to serve; must be called before any request is handled. */
  void prepare();

  /** The whole request pipeline as a JDK {@link HttpHandler}. */
  HttpHandler requestHandler();

  /** Serves {@code request} without any HTTP server: the server-neutral entry point. */
  Response handle(Request request);

  /**
   * Answers {@code exchange} with the page at {@code path} (which must start with {@code /}) and
   * {@code query}, whatever the exchange asked for (Next.js's {@code app.render}).
   */
  void render(HttpExchange exchange, String path, Map<String, List<String>> query) throws IOException;

  /** Answers {@code exchange} with the 404 page. */
  void render404(HttpExchange exchange) throws IOException;

  /** Answers {@code exchange} with the error page for {@code error}, logging it. */
  void renderError(HttpExchange exchange, Throwable error) throws IOException;

  /**
   * Starts serving: on {@link NextOptions#httpServer()} when given, else on a server of the app's
   * own bound to the options' hostname (all interfaces when none) and port. Returns the server.
   */
  HttpServer start() throws IOException;

  /** Stops dev watchers and the app's own server, if it made one. */
  @Override
  void close();

  /** The options the app was made with. */
  NextOptions options();

  /** The configuration in force: {@code options.conf()} when given, else the pom's. */
  NextConfig config();

  /** The route table being served. */
  RouteTable routes();
}
