package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.PublicFileIndex;
import dev.next4j.runtime.generated.TestRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The site's services an app owns ({@code NextApp.create(..., context)}, what the generated {@code
 * NextServer.app(options)} calls): closed by {@code close()} only after the requests in flight
 * finished; a failing close is logged and does not stop the shutdown.
 */
class ServicesTest {
  record Params() {}

  /** Services that note when they were closed. */
  static final class Services implements AutoCloseable {
    final AtomicBoolean closed = new AtomicBoolean();
    final boolean fail;

    Services(boolean fail) {
      this.fail = fail;
    }

    @Override
    public void close() {
      closed.set(true);
      if (fail) {
        throw new IllegalStateException("pool already gone");
      }
    }
  }

  @Test
  void theAppClosesItsServicesAfterTheRequestInFlightFinished() throws Exception {
    Services services = new Services(false);
    CountDownLatch began = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean closedWhileServing = new AtomicBoolean();
    RouteTable table = TestRoutes.table(TestRoutes.page("/slow", request -> new Params(), (Request request, Params p) -> {
      began.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      closedWhileServing.set(services.closed.get());
      return Response.text("done");
    }));
    NextApp app = NextApp.create(table, NextConfig.defaults(), NextOptions.builder().port(0).hostname("127.0.0.1").build(),
        PublicFileIndex.load(ServicesTest.class), services);
    HttpServer server = app.start();
    URI slow = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slow");
    CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient()
        .sendAsync(HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(began.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
    Thread.sleep(200);
    assertThat(services.closed).isFalse();
    release.countDown();
    closing.get(10, TimeUnit.SECONDS);

    assertThat(answer.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
    assertThat(closedWhileServing).isFalse();
    assertThat(services.closed).isTrue();
  }

  @Test
  void aFailingCloseIsLoggedAndTheShutdownEnds() {
    Services services = new Services(true);
    NextApp app = NextApp.create(TestRoutes.table(), NextConfig.defaults(), NextOptions.builder().build(),
        PublicFileIndex.load(ServicesTest.class), services);

    app.close();
    app.close();

    assertThat(services.closed).isTrue();
    assertThat(app.draining()).isTrue();
  }

  @Test
  void servicesThatAreNotCloseableAreKeptAsTheyAre() {
    Object services = new Object();
    NextApp app = NextApp.create(TestRoutes.table(), NextConfig.defaults(), NextOptions.builder().build(),
        PublicFileIndex.load(ServicesTest.class), services);

    assertThat(app.handle(Request.get("/")).status()).isEqualTo(404);
    app.close();
    assertThat(app.draining()).isTrue();
  }
}
