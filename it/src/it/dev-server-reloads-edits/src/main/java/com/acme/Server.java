package com.acme;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

/** A custom server in the shape of Next.js's example: /a shows page /b, the rest goes to the app. */
public final class Server {
  public static void main(String[] args) throws IOException {
    boolean dev = Boolean.getBoolean("next.dev");
    int port = Integer.getInteger("next.port", Integer.parseInt(System.getenv().getOrDefault("PORT", "3000")));
    NextApp app = NextServer.app(NextOptions.builder().dev(dev).port(port).build());
    app.prepare();
    HttpHandler handle = app.requestHandler();
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/", exchange -> {
      if (exchange.getRequestURI().getPath().equals("/a")) {
        app.render(exchange, "/b", Map.of());
      } else {
        handle.handle(exchange);
      }
    });
    server.start();
    System.out.println("> Ready on http://localhost:" + port + (dev ? " (dev)" : ""));
  }
}
