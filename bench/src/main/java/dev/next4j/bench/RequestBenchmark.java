package dev.next4j.bench;

import static dev.next4j.runtime.generated.Segment.literal;
import static dev.next4j.runtime.generated.Segment.param;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.next4j.runtime.Html;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.TableBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request cost of next4j on a dynamic page, {@code GET /blog/hello-world} (bench/http's
 * blog template with the escaped slug), with the default config (ETags and gzip on) and the headers
 * a browser sends:
 *
 * <ul>
 *   <li>{@code handle}: {@link NextApp#handle} of a request already built: the pipeline without
 *       HTTP (dispatcher, router, page, response finisher);
 *   <li>{@code next4jExchange}: the app's {@link NextApp#requestHandler()} on a fresh in-memory
 *       {@link HttpExchange} ({@link FakeExchange}): what the JDK binding adds, reading the exchange
 *       into a request and writing the response;
 *   <li>{@code bareExchange}: the same exchange answered by a hand-written handler doing what
 *       bench/http's bare server does: the floor next4j is compared with.
 * </ul>
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per request,
 * which machine load does not disturb.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RequestBenchmark {
  record Slug(String slug) {}

  static final String TEMPLATE = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      + "<title>Post: {{slug}}</title>\n</head>\n<body>\n<nav><a href=\"/\">Home</a></nav>\n<article>\n"
      + "<h1>{{slug}}</h1>\n<p>The post named {{slug}}: its slug was percent-decoded and then escaped for HTML.</p>\n"
      + "</article>\n</body>\n</html>\n";

  private static final URI TARGET = URI.create("/blog/hello-world");
  private static final List<String> HTML = List.of("text/html; charset=utf-8");

  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private NextApp app;
  private HttpHandler handler;
  private Request request;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    RouteTable table = TableBuilder.of(List.of(
        Route.page("/blog/[slug]", r -> new Slug(r.param("slug")),
            (r, p) -> Response.html(TEMPLATE.replace("{{slug}}", Html.text(p.slug()))),
            literal("blog"), param("slug")))).build();
    app = NextApp.create(table, NextConfig.builder().build(), NextOptions.builder().quiet(true).build());
    app.prepare();
    handler = app.requestHandler();
    headers.put("Host", List.of("localhost:3000"));
    headers.put("User-Agent", List.of("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"));
    headers.put("Accept", List.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    headers.put("Accept-Language", List.of("en-GB,en;q=0.5"));
    headers.put("Accept-Encoding", List.of("gzip, deflate, br"));
    headers.put("Cookie", List.of("theme=dark; session=0123456789abcdef"));
    Request.Builder builder = Request.builder("GET", TARGET.toString());
    headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    request = builder.build();
    check(app.handle(request).status(), app.handle(request).bodyLength(), "handle");
    FakeExchange next4j = next4jExchange();
    check(next4j.status(), next4j.written(), "next4jExchange");
    FakeExchange bare = bareExchange();
    check(bare.status(), bare.written(), "bareExchange");
  }

  private static void check(int status, long length, String benchmark) {
    int expected = TEMPLATE.replace("{{slug}}", "hello-world").length();
    if (status != 200 || length != expected) {
      throw new IllegalStateException(benchmark + ": " + status + " with " + length + " bytes, not 200 with " + expected);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    app.close();
  }

  @Benchmark
  public Response handle() {
    return app.handle(request);
  }

  @Benchmark
  public FakeExchange next4jExchange() throws IOException {
    FakeExchange exchange = new FakeExchange("GET", TARGET, headers, new byte[0]);
    handler.handle(exchange);
    return exchange;
  }

  @Benchmark
  public FakeExchange bareExchange() throws IOException {
    FakeExchange exchange = new FakeExchange("GET", TARGET, headers, new byte[0]);
    bare(exchange);
    return exchange;
  }

  /** bench/http/BareServer's handler, for the blog route. */
  private static void bare(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!path.startsWith("/blog/")) {
      throw new IllegalStateException(path);
    }
    byte[] body = TEMPLATE.replace("{{slug}}", Html.text(path.substring(6))).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().put("Content-Type", HTML);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    exchange.close();
  }
}
