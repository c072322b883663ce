package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.binding.ServerExchange;
import dev.next4j.runtime.generated.TestRoutes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link NextApp#serve(ServerExchange)} with an exchange of no HTTP engine at all: the checks, the
 * probes, the framing the engine is asked for and the close happen in the engine-neutral pipeline.
 */
class ServerExchangeTest {
  private final NextApp app = TestSite.app(NextConfig.defaults());

  @Test
  void aPageIsSentWithItsLengthAndTheExchangeIsClosedOnce() throws IOException {
    Recorded exchange = new Recorded("GET", "/blog/hello?x=1", "Host", "example.com");

    app.serve(exchange);

    assertThat(exchange.status).isEqualTo(200);
    assertThat(exchange.headers.get("x-page")).containsExactly("/blog/[slug]");
    assertThat(exchange.length).isEqualTo(exchange.body.size()).isPositive();
    assertThat(exchange.sent()).contains("params={slug=hello}", "x=[1]");
    assertThat(exchange.close).isFalse();
    assertThat(exchange.closes).isEqualTo(1);
  }

  @Test
  void headSendsTheLengthGetWouldHaveAsAHeaderAndNoBody() throws IOException {
    Recorded get = new Recorded("GET", "/about", "Host", "x");
    Recorded head = new Recorded("HEAD", "/about", "Host", "x");

    app.serve(get);
    app.serve(head);

    assertThat(head.length).isZero();
    assertThat(head.body.size()).isZero();
    assertThat(head.headers.get("content-length")).containsExactly(Long.toString(get.length));
    assertThat(get.headers).doesNotContainKey("content-length");
  }

  @Test
  void aStreamOfUnknownLengthIsAskedToBeChunked() throws IOException {
    NextApp streaming = TestSite.app(TestRoutes.builder(TestRoutes.api("/stream", r -> new TestSite.None(), (request, p) ->
        Response.stream("text/plain", out -> out.write("streamed".getBytes(StandardCharsets.UTF_8))))).build(),
        NextConfig.defaults(), NextOptions.builder().build());
    Recorded exchange = new Recorded("GET", "/stream", "Host", "x");

    streaming.serve(exchange);

    assertThat(exchange.length).isEqualTo(-1);
    assertThat(exchange.sent()).isEqualTo("streamed");
  }

  @Test
  void theStrictChecksRunOnAnyEngineAndCloseTheConnection() throws IOException {
    Recorded lowerCase = new Recorded("get", "/about", "Host", "x");
    Recorded noHost = new Recorded("GET", "/about");
    Recorded absolute = new Recorded("GET", "*", "Host", "x");
    Recorded badLength = new Recorded("POST", "/api/echo", "Host", "x", "Content-Length", "+5");

    for (Recorded exchange : List.of(lowerCase, noHost, absolute, badLength)) {
      app.serve(exchange);
    }

    assertThat(lowerCase.status).isEqualTo(501);
    assertThat(noHost.status).isEqualTo(400);
    assertThat(absolute.status).isEqualTo(400);
    assertThat(badLength.status).isEqualTo(400);
    assertThat(List.of(lowerCase, noHost, absolute, badLength)).allSatisfy(exchange -> {
      assertThat(exchange.close).isTrue();
      assertThat(exchange.closes).isEqualTo(1);
    });
  }

  @Test
  void theBodyIsReadFromTheExchangeUpToTheLimit() throws IOException {
    Recorded echo = new Recorded("POST", "/api/echo", "Host", "x", "Content-Length", "5");
    echo.requestBody = "hello".getBytes(StandardCharsets.UTF_8);
    NextApp small = TestSite.app(NextConfig.builder().bodySizeLimit(4).build());
    Recorded tooBig = new Recorded("POST", "/api/echo", "Host", "x", "Content-Length", "5");
    tooBig.requestBody = "hello".getBytes(StandardCharsets.UTF_8);

    app.serve(echo);
    small.serve(tooBig);

    assertThat(echo.sent()).isEqualTo("POST hello");
    assertThat(tooBig.status).isEqualTo(413);
    assertThat(tooBig.close).isTrue();
  }

  @Test
  void probesAndDrainingAreAnsweredBeforeRouting() throws IOException {
    NextApp closing = TestSite.app(NextConfig.defaults());
    Recorded ready = new Recorded("GET", "/_next/health/ready", "Host", "x");
    Recorded page = new Recorded("GET", "/about", "Host", "x");

    closing.close();
    closing.serve(ready);
    closing.serve(page);

    assertThat(ready.status).isEqualTo(503);
    assertThat(ready.sent()).isEqualTo("draining\n");
    assertThat(page.status).isEqualTo(503);
    assertThat(page.headers.get("retry-after")).containsExactly("1");
    assertThat(page.close).isTrue();
  }

  /** An exchange held in memory: a request given, the response recorded. */
  private static final class Recorded implements ServerExchange {
    private final String method;
    private final String target;
    private final Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
    byte[] requestBody = new byte[0];
    private InputStream requestStream;
    int status;
    Map<String, List<String>> headers;
    long length = Long.MIN_VALUE;
    boolean close;
    int closes;
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Recorded(String method, String target, String... headers) {
      this.method = method;
      this.target = target;
      for (int i = 0; i < headers.length; i += 2) {
        requestHeaders.computeIfAbsent(headers[i], name -> new ArrayList<>()).add(headers[i + 1]);
      }
    }

    String sent() {
      return body.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public String target() {
      return target;
    }

    @Override
    public String protocol() {
      return "HTTP/1.1";
    }

    @Override
    public Map<String, List<String>> headers() {
      return requestHeaders;
    }

    @Override
    public List<String> header(String name) {
      for (Map.Entry<String, List<String>> header : requestHeaders.entrySet()) {
        if (header.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          return header.getValue();
        }
      }
      return List.of();
    }

    @Override
    public InputStream body() {
      if (requestStream == null) {
        requestStream = new ByteArrayInputStream(requestBody);
      }
      return requestStream;
    }

    @Override
    public OutputStream send(int status, Map<String, List<String>> headers, long length, boolean close) {
      assertThat(this.status).as("send is called once").isZero();
      this.status = status;
      this.headers = new TreeMap<>(headers);
      this.length = length;
      this.close = close;
      return body;
    }

    @Override
    public void close() {
      closes++;
    }
  }
}
