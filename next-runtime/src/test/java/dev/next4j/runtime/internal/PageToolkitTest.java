package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.App;
import dev.next4j.runtime.FormPage;
import dev.next4j.runtime.HttpException;
import dev.next4j.runtime.JsonCodec;
import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.UploadedFile;
import dev.next4j.runtime.generated.TestRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The page toolkit in the pipeline: {@link HttpException} from pages, API routes and middleware,
 * a page's {@link Response#notFound()}, {@link FormPage}s answering POST, the request's form
 * closed after the response (over real HTTP), and the app's JSON codec.
 */
class PageToolkitTest {
  record None() {}

  /** Reads a body as its text, writes a value as {@code "value"}: enough to see which codec ran. */
  private static JsonCodec codec(String name) {
    return new JsonCodec() {
      @Override
      public byte[] write(Object value) {
        return (name + ":\"" + value + "\"").getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public <T> T read(InputStream body, Class<T> type) {
        try {
          String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
          if (!text.startsWith("\"")) {
            throw HttpException.badRequest("not a JSON string at offset 0: " + text);
          }
          return type.cast(name + ":" + text);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** The uploaded files pages saw, to check they are gone after the response. */
  private final List<Path> uploads = new CopyOnWriteArrayList<>();

  private final class Signup implements FormPage<None> {
    @Override
    public Response render(Request request, None params) {
      return Response.html("<form method=post>");
    }

    @Override
    public Response post(Request request, None params) {
      String email = request.form().value("email").orElse("");
      request.form().file("avatar").map(UploadedFile::path).ifPresent(uploads::add);
      if (request.form().value("fail").isPresent()) {
        throw new IllegalStateException("the page failed after reading the form");
      }
      if (!email.contains("@")) {
        return Response.html("enter an e-mail address").withStatus(422);
      }
      return Response.redirect(303, "/welcome?email=" + email);
    }
  }

  private RouteTable table() {
    return TestRoutes.builder(
            TestRoutes.page("/signup", r -> new None(), new Signup()),
            TestRoutes.page("/plain", r -> new None(), (request, p) -> Response.html("plain")),
            TestRoutes.page("/gone", r -> new None(), (request, p) -> Response.notFound()),
            TestRoutes.page("/own-404", r -> new None(), (request, p) -> Response.notFound().withBody("my own")),
            TestRoutes.page("/missing", r -> new None(), (request, p) -> {
              throw new HttpException(404, "no such post");
            }),
            TestRoutes.page("/teapot", r -> new None(), (request, p) -> {
              throw new HttpException(418, "short and stout");
            }),
            TestRoutes.api("/api/echo", r -> new None(), (request, p) ->
                Response.json(request.json(String.class), request.jsonCodec())),
            TestRoutes.api("/api/missing", r -> new None(), (request, p) -> {
              throw new HttpException(404, "no such item");
            }),
            TestRoutes.api("/api/gone", r -> new None(), (request, p) -> Response.notFound()))
        .notFound((request, status) -> Response.html("the site's 404 page"))
        .middleware(request -> {
          if (request.path().equals("/private")) {
            throw new HttpException(401, "sign in first");
          }
          return Middleware.next();
        })
        .build();
  }

  private NextApp app(NextOptions options) {
    return TestSite.app(table(), NextConfig.defaults(), options);
  }

  private static Response send(NextApp app, String method, String target, String contentType, String body) {
    Request.Builder request = Request.builder(method, target);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return app.handle(request.body(body).build());
  }

  @Test
  void httpExceptionFromPageApiOrMiddlewareIsItsStatusWithItsMessage() {
    try (NextApp app = app(NextOptions.builder().build())) {
      Response teapot = send(app, "GET", "/teapot", null, "");
      Response api = send(app, "GET", "/api/missing", null, "");
      Response middleware = send(app, "GET", "/private", null, "");

      assertThat(teapot.status()).isEqualTo(418);
      assertThat(teapot.bodyText()).isEqualTo("short and stout\n");
      assertThat(teapot.header("content-type")).hasValue("text/plain; charset=utf-8");
      assertThat(api.status()).isEqualTo(404);
      assertThat(api.bodyText()).isEqualTo("no such item\n");
      assertThat(middleware.status()).isEqualTo(401);
      assertThat(middleware.bodyText()).isEqualTo("sign in first\n");
    }
  }

  @Test
  void aPageThatAnswersNotFoundGetsTheSites404Page() {
    try (NextApp app = app(NextOptions.builder().build())) {
      Response thrown = send(app, "GET", "/missing", null, "");
      Response returned = send(app, "GET", "/gone", null, "");
      Response own = send(app, "GET", "/own-404", null, "");
      Response api = send(app, "GET", "/api/gone", null, "");

      assertThat(thrown.status()).isEqualTo(404);
      assertThat(thrown.bodyText()).isEqualTo("the site's 404 page");
      assertThat(returned.status()).isEqualTo(404);
      assertThat(returned.bodyText()).isEqualTo("the site's 404 page");
      assertThat(own.bodyText()).isEqualTo("my own");
      assertThat(api.status()).isEqualTo(404);
      assertThat(api.bodyLength()).isZero();
    }
  }

  @Test
  void aFormPageAnswersPostAndOtherPagesKeep405() {
    try (NextApp app = app(NextOptions.builder().build())) {
      Response valid = send(app, "POST", "/signup", "application/x-www-form-urlencoded", "email=a%40b.c");
      Response invalid = send(app, "POST", "/signup", "application/x-www-form-urlencoded", "email=nope");
      Response wrongType = send(app, "POST", "/signup", "text/plain", "email=a@b.c");
      Response get = send(app, "GET", "/signup", null, "");
      Response put = send(app, "PUT", "/signup", null, "");
      Response plain = send(app, "POST", "/plain", "application/x-www-form-urlencoded", "a=1");

      assertThat(valid.status()).isEqualTo(303);
      assertThat(valid.header("location")).hasValue("/welcome?email=a@b.c");
      assertThat(invalid.status()).isEqualTo(422);
      assertThat(wrongType.status()).isEqualTo(415);
      assertThat(wrongType.bodyText()).contains("Content-Type");
      assertThat(get.bodyText()).isEqualTo("<form method=post>");
      assertThat(put.status()).isEqualTo(405);
      assertThat(put.header("allow")).hasValue("GET, HEAD, POST");
      assertThat(plain.status()).isEqualTo(405);
      assertThat(plain.header("allow")).hasValue("GET, HEAD");
    }
  }

  @Test
  void theFormIsParsedOnceAndSharedByTheRoutedCopies() {
    Request request = Request.builder("POST", "/signup")
        .header("Content-Type", "application/x-www-form-urlencoded").body("a=1").build();
    Request routed = request.withRoute("/signup", java.util.Map.of());

    assertThat(routed.form()).isSameAs(request.form());
    request.closeForm();
    org.assertj.core.api.Assertions.assertThatThrownBy(routed::form)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void uploadedFilesAreDeletedAfterTheResponseOverHttpAlsoWhenThePageThrows() throws Exception {
    try (Served served = Served.start(app(NextOptions.builder().hostname("127.0.0.1").port(0).build()))) {
      String ok = multipart(served, "a@b.c", false);
      String failed = multipart(served, "a@b.c", true);

      assertThat(ok).startsWith("HTTP/1.1 303");
      assertThat(failed).startsWith("HTTP/1.1 500");
      assertThat(uploads).hasSize(2);
      // Deleted once the response is written: the client may read it a moment before that.
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (uploads.stream().anyMatch(Files::exists) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      for (Path upload : uploads) {
        assertThat(upload.getParent()).isDirectory();
        assertThat(upload).doesNotExist();
      }
    }
  }

  /** A multipart POST to /signup with an avatar file, over a raw socket; the whole answer. */
  private static String multipart(Served served, String email, boolean fail) throws IOException {
    String body = "--XyZ\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n" + email + "\r\n"
        + (fail ? "--XyZ\r\nContent-Disposition: form-data; name=\"fail\"\r\n\r\nyes\r\n" : "")
        + "--XyZ\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"me.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n" + "x".repeat(5000) + "\r\n--XyZ--\r\n";
    try (Socket socket = served.socket()) {
      Served.write(socket, "POST /signup HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
      return Served.readAll(socket);
    }
  }

  @Test
  void theAppsCodecReadsAndWritesJsonAndOptionsWinOverApp() {
    App app = new App() {
      @Override
      public Response wrap(Request request, Response page) {
        return page;
      }

      @Override
      public Optional<JsonCodec> json() {
        return Optional.of(codec("app"));
      }
    };
    RouteTable withApp = TestRoutes.builder(
            TestRoutes.api("/api/echo", r -> new None(), (request, p) ->
                Response.json(request.json(String.class), request.jsonCodec())))
        .app(app)
        .build();
    try (NextApp fromApp = TestSite.app(withApp, NextConfig.defaults(), NextOptions.builder().build());
        NextApp fromOptions = TestSite.app(withApp, NextConfig.defaults(), NextOptions.builder().json(codec("options")).build())) {
      Response echoed = send(fromApp, "POST", "/api/echo", "application/json", "\"hi\"");
      Response malformed = send(fromApp, "POST", "/api/echo", "application/json", "{");
      Response wrongType = send(fromApp, "POST", "/api/echo", "text/plain", "\"hi\"");

      assertThat(echoed.status()).isEqualTo(200);
      assertThat(echoed.bodyText()).isEqualTo("app:\"app:\"hi\"\"");
      assertThat(malformed.status()).isEqualTo(400);
      assertThat(malformed.bodyText()).isEqualTo("not a JSON string at offset 0: {\n");
      assertThat(wrongType.status()).isEqualTo(415);
      assertThat(send(fromOptions, "POST", "/api/echo", "application/json", "\"hi\"").bodyText())
          .isEqualTo("options:\"options:\"hi\"\"");
    }
  }

  @Test
  void withoutACodecJsonIsA500ThatSaysHowToGiveOne() {
    Request request = Request.builder("POST", "/api/echo").header("Content-Type", "application/json").body("\"x\"").build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> request.json(String.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no JSON codec")
        .hasMessageContaining("NextOptions.builder().json(codec)");
    try (NextApp app = app(NextOptions.builder().build())) {
      assertThat(send(app, "POST", "/api/echo", "application/json", "\"x\"").status()).isEqualTo(500);
    }
  }
}
