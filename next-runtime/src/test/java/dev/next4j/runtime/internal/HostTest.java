package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.generated.TestRoutes;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.host.AppHost;
import dev.next4j.runtime.host.HostSlot;
import dev.next4j.runtime.host.HostedApp;
import dev.next4j.runtime.host.Serving;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The host hook: what a dev-mode app asks the host in {@link HostSlot} (read once, at creation),
 * and what it does without one; plus the exception page of dev mode, which needs no host.
 */
class HostTest {
  private static final NextOptions DEV = NextOptions.builder().dev(true).hostname("127.0.0.1").port(0).build();
  private static final NextOptions PROD = DEV.toBuilder().dev(false).build();

  @AfterEach
  void uninstall() {
    HostSlot.uninstall();
    System.clearProperty("next.dev");
  }

  @Test
  void eachRequestServesTheHostsTableOrItsAnswer() {
    TestHost host = new TestHost(new Serving.Table(site("first")));
    HostSlot.install(host);
    try (NextApp app = TestSite.app(site("own"), NextConfig.defaults(), DEV)) {
      assertThat(app.handle(Request.get("/")).bodyText()).startsWith("<p>first</p>");

      host.serving = new Serving.Answer(Response.html("<p>broken build</p>").withStatus(500));
      Response broken = app.handle(Request.get("/"));
      host.serving = new Serving.Table(site("second"));
      Response fixed = app.handle(Request.get("/"));

      assertThat(broken.status()).isEqualTo(500);
      assertThat(broken.bodyText()).isEqualTo("<p>broken build</p><!--filtered-->");
      assertThat(broken.header("x-powered-by")).as("an answer is finished like any response").hasValue("next4j");
      assertThat(fixed.bodyText()).startsWith("<p>second</p>");
    }
    assertThat(host.attached).hasSize(1);
    assertThat(host.attached.get(0).closed).as("closing the app closes its hooks").isTrue();
  }

  @Test
  void aQuietAppSendsTheBuiltInPageForTheHostsAnswer() {
    TestHost host = new TestHost(new Serving.Answer(Response.html("<p>secret detail</p>").withStatus(500)));
    HostSlot.install(host);
    try (NextApp app = TestSite.app(TestSite.table(), NextConfig.defaults(), DEV.toBuilder().quiet(true).build())) {
      Response response = app.handle(Request.get("/"));

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.bodyText()).contains("<h1>500</h1>").doesNotContain("secret");
    }
  }

  @Test
  void theFilterSeesEveryResponseBeforeItsEtag() {
    HostSlot.install(new TestHost(new Serving.Table(TestSite.table())));
    try (NextApp app = TestSite.app(TestSite.table(), NextConfig.defaults(), DEV)) {
      Response page = app.handle(Request.get("/about"));
      Response api = app.handle(Request.get("/api/echo"));

      assertThat(page.bodyText()).endsWith("<!--filtered-->");
      assertThat(page.header("etag")).hasValue(ResponseFinisher.etag(page.body()));
      assertThat(api.bodyText()).isEqualTo("GET <!--filtered-->");
    }
  }

  @Test
  void theHostReadsItsOwnPathsBeforeRoutingThroughTheRequestHandler() {
    HostSlot.install(new TestHost(new Serving.Table(TestSite.table())));
    try (Served served = Served.start(NextApp.create(TestSite.table(), NextConfig.defaults(), DEV))) {
      assertThat(served.get("/_host").body()).isEqualTo("the host answered GET /_host");
      assertThat(served.get("/about").headers().firstValue("x-page")).hasValue("/about");
    }
  }

  @Test
  void theSlotIsReadOnceWhenTheAppIsCreated() {
    TestHost first = new TestHost(new Serving.Table(site("first")));
    HostSlot.install(first);
    try (NextApp app = TestSite.app(site("own"), NextConfig.defaults(), DEV)) {
      TestHost second = new TestHost(new Serving.Table(site("second")));
      HostSlot.install(second);
      assertThat(app.handle(Request.get("/")).bodyText()).startsWith("<p>first</p>");
      HostSlot.uninstall();
      assertThat(app.handle(Request.get("/")).bodyText()).startsWith("<p>first</p>");

      assertThat(first.attached).hasSize(1);
      assertThat(first.attached.get(0).config).isSameAs(app.config());
      assertThat(second.attached).isEmpty();
    }
  }

  @Test
  void productionAppsNeverAttachAndDevAppsWithoutAHostServeTheirOwnTable() {
    TestHost host = new TestHost(new Serving.Table(site("host")));
    HostSlot.install(host);
    try (NextApp prod = TestSite.app(site("own"), NextConfig.defaults(), PROD)) {
      assertThat(prod.handle(Request.get("/")).bodyText()).isEqualTo("<p>own</p>");
    }
    assertThat(host.attached).isEmpty();

    HostSlot.uninstall();
    try (NextApp dev = TestSite.app(site("own"), NextConfig.defaults(), DEV)) {
      assertThat(dev.handle(Request.get("/")).bodyText()).isEqualTo("<p>own</p>");
    }
  }

  @Test
  void anInterruptedWaitForTheHostIs503() {
    TestHost host = new TestHost(new Serving.Table(TestSite.table()));
    host.interrupt = true;
    HostSlot.install(host);
    try (NextApp app = TestSite.app(TestSite.table(), NextConfig.defaults(), DEV)) {
      assertThat(app.handle(Request.get("/about")).status()).isEqualTo(503);
      assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
    }
  }

  @Test
  void optionsDefaultToDevModeWhenNextDevIsSet() {
    assertThat(NextOptions.builder().build().dev()).isFalse();
    System.setProperty("next.dev", "true");

    assertThat(NextOptions.builder().build().dev()).isTrue();
    assertThat(NextOptions.builder().dev(false).build().dev()).isFalse();
  }

  @Test
  void pageExceptionShowsTheExceptionPageWithStackTrace() {
    try (NextApp app = TestSite.app(TestSite.table(), NextConfig.defaults(), DEV)) {
      Response response = app.handle(Request.get("/boom"));

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.bodyText())
          .contains("<h1>Unhandled exception</h1>")
          .contains("<p class=\"place\">GET /boom (page /boom)</p>")
          .contains("java.lang.IllegalStateException: boom: the page failed")
          .contains("at dev.next4j.runtime.internal.TestSite.");
    }
  }

  @Test
  void quietDevModeHidesTheDetails() {
    NextOptions quiet = DEV.toBuilder().quiet(true).build();
    try (NextApp app = TestSite.app(TestSite.table(), NextConfig.defaults(), quiet)) {
      Response response = app.handle(Request.get("/boom"));

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.bodyText()).contains("<h1>500</h1>").doesNotContain("IllegalStateException");
    }
  }

  /** A one-page table whose page says {@code text}, as a reload would bring. */
  private static RouteTable site(String text) {
    return TestRoutes.table(TestRoutes.page("/", r -> new TestSite.None(), (r, p) -> Response.html("<p>" + text + "</p>")));
  }

  /** A host driven by the test: serves {@link #serving}, answers {@code /_host}, marks every response. */
  private static final class TestHost implements AppHost {
    final List<Attached> attached = new CopyOnWriteArrayList<>();
    volatile Serving serving;
    volatile boolean interrupt;

    TestHost(Serving serving) {
      this.serving = serving;
    }

    @Override
    public HostedApp attach(NextConfig config, NextOptions options) {
      Attached hooks = new Attached(config);
      attached.add(hooks);
      return hooks;
    }

    final class Attached implements HostedApp {
      final NextConfig config;
      final AtomicInteger served = new AtomicInteger();
      volatile boolean closed;

      Attached(NextConfig config) {
        this.config = config;
      }

      @Override
      public boolean serve(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/_host")) {
          return false;
        }
        byte[] body = ("the host answered " + exchange.getRequestMethod() + " /_host").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
        return true;
      }

      @Override
      public Serving serving(Request request) throws InterruptedException {
        if (interrupt) {
          throw new InterruptedException("test");
        }
        served.incrementAndGet();
        return serving;
      }

      @Override
      public Response filter(Request request, Response response) {
        return response.withBody(response.bodyText() + "<!--filtered-->");
      }

      @Override
      public void close() {
        closed = true;
      }
    }
  }
}
