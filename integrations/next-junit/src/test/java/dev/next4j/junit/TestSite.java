package dev.next4j.junit;

import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.Segment;
import dev.next4j.runtime.generated.TableBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/** A site as the plugin would generate it ({@link #app}) and a custom server around it ({@link #start}). */
public final class TestSite {
  /** The params of {@code /}, {@code /api/echo}. */
  public record None() {}

  /** {@code /blog/[slug]}, with the {@code href()} generated route records have. */
  public record BlogSlug(String slug) {
    public String href() {
      return "/blog/" + slug;
    }
  }

  private TestSite() {}

  static RouteTable table() {
    return TableBuilder.of(
        Route.page("/", request -> new None(), (request, params) -> Response.html("<h1>home</h1>")),
        Route.page("/blog/[slug]", request -> new BlogSlug(request.param("slug")),
            (request, params) -> Response.html("<h1>post " + params.slug() + "</h1>"),
            Segment.literal("blog"), Segment.param("slug")),
        Route.api("/api/echo", request -> new None(),
            (request, params) -> Response.text(request.method() + " " + request.bodyText()
                + " " + request.header("x-test").orElse("-")),
            Segment.literal("api"), Segment.literal("echo")))
        .build();
  }

  /** What the generated {@code NextServer.app(options)} is. */
  public static NextApp app(NextOptions options) {
    return NextApp.create(table(), NextConfig.defaults(), options);
  }

  /** A custom server: its own {@code HttpServer}, a context of its own, the app on {@code /}. */
  public static HttpServer start(NextOptions options) {
    try {
      NextApp app = app(options);
      app.prepare();
      HttpServer server = HttpServer.create(new InetSocketAddress(options.hostname().orElseThrow(), options.port()), 0);
      server.createContext("/", exchange -> {
        exchange.getResponseHeaders().set("X-Custom-Server", "yes");
        app.requestHandler().handle(exchange);
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Not a factory: it is not static. */
  public NextApp notStatic(NextOptions options) {
    return app(options);
  }
}
