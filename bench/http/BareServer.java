import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor of bench/http: the three benchmark routes served by a bare {@code
 * com.sun.net.httpserver}, routed by hand in one handler. Run as {@code java BareServer.java PORT}
 * or from the jar bench/http.sh builds.
 *
 * <ul>
 *   <li>{@code GET /}: content/home.html as it is;
 *   <li>{@code GET /blog/{slug}}: content/blog.html with each {@code {{slug}}} replaced by the
 *       percent-decoded slug, escaped for HTML;
 *   <li>{@code GET /api/hello}: {@code {"hello":"world"}};
 *   <li>anything else: 404.
 * </ul>
 *
 * <p>Handlers run on virtual threads where the JDK has them (21+), else on a cached thread pool,
 * as a plain JDK-server application would; {@code sun.net.httpserver.nodelay} is on, without which
 * Java 17's server stalls on delayed ACKs. Nothing else is tuned.
 */
public final class BareServer {
  private static final List<String> HTML = List.of("text/html; charset=utf-8");
  private static final List<String> JSON = List.of("application/json; charset=utf-8");
  private static final byte[] HELLO = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int port = Integer.parseInt(args[0]);
    byte[] home = resource("home.html");
    String blog = new String(resource("blog.html"), StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 511);
    server.setExecutor(executor());
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/")) {
        send(exchange, 200, HTML, home);
      } else if (path.equals("/api/hello")) {
        send(exchange, 200, JSON, HELLO);
      } else if (path.startsWith("/blog/") && path.length() > 6 && path.indexOf('/', 6) < 0) {
        String slug = escape(path.substring(6));
        send(exchange, 200, HTML, blog.replace("{{slug}}", slug).getBytes(StandardCharsets.UTF_8));
      } else {
        send(exchange, 404, HTML, "<h1>404</h1>".getBytes(StandardCharsets.UTF_8));
      }
    });
    server.start();
    System.out.println("bare JDK server on http://127.0.0.1:" + port + "/");
  }

  private static void send(HttpExchange exchange, int status, List<String> type, byte[] body) throws IOException {
    exchange.getResponseHeaders().put("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = BareServer.class.getResourceAsStream("/bench/" + name)) {
      if (in == null) {
        throw new IOException("no /bench/" + name + " on the class path: run the jar bench/http.sh builds");
      }
      return in.readAllBytes();
    }
  }

  private static ExecutorService executor() {
    try {
      return (ExecutorService) MethodHandles.publicLookup()
          .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class))
          .invoke();
    } catch (Throwable noVirtualThreads) {
      return Executors.newCachedThreadPool();
    }
  }
}
