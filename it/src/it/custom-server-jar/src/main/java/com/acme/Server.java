package com.acme;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * A custom server in the shape of Next.js's example: /a is rendered with page /b, /b with page /a,
 * everything else goes to next4j's handler. A header set before delegating is kept.
 */
public final class Server {
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3000"));
    NextApp app = NextServer.app(NextOptions.builder().port(port).build());
    app.prepare();
    HttpHandler handle = app.requestHandler();

    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().set("X-Custom-Server", "next4j example");
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/a")) {
        app.render(exchange, "/b", Map.of("from", List.of("a")));
      } else if (path.equals("/b")) {
        app.render(exchange, "/a", Map.of("from", List.of("b")));
      } else {
        handle.handle(exchange);
      }
    });
    server.start();
    System.out.println("> Ready on http://localhost:" + server.getAddress().getPort());
  }
}
