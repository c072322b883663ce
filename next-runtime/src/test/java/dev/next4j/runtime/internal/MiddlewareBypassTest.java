package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.generated.TestRoutes;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code _Middleware} that guards {@code /admin} exactly as the {@code Middleware} Javadoc shows,
 * against every spelling of the path a client can send, on the real server over raw sockets: no
 * spelling reaches an admin page, because middleware sees the same canonical path the router
 * matches ({@code Request.path()}).
 */
class MiddlewareBypassTest {
  private static final List<String> SEEN = new CopyOnWriteArrayList<>();
  private static Served served;

  @BeforeAll
  static void start() {
    var table = TestRoutes.builder(
            TestRoutes.page("/admin", r -> new TestSite.None(), (request, p) -> Response.html("ADMIN PAGE")),
            TestRoutes.page("/admin/users", r -> new TestSite.None(), (request, p) -> Response.html("ADMIN USERS")),
            TestRoutes.page("/[slug]", r -> new TestSite.Slug(r.param("slug")), (request, p) -> Response.html("slug=" + p.slug())),
            TestRoutes.page("/login", r -> new TestSite.None(), (request, p) -> Response.html("login")))
        .middleware(request -> {
          SEEN.add(request.path());
          if (request.path().startsWith("/admin") && request.cookie("session").isEmpty()) {
            return Middleware.respond(Response.redirect("/login"));
          }
          return Middleware.next();
        })
        .build();
    served = Served.start(NextApp.create(table, NextConfig.defaults(), NextOptions.builder().hostname("127.0.0.1").port(0).build()));
  }

  @AfterAll
  static void stop() {
    served.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/admin", "/%61dmin", "/%61dmin/users", "/%61%64%6d%69%6e/users", "/ad%6Din", "/admin/%75sers",
      "/%61dmin/", "/%61dmin%2F"})
  void everySpellingOfAdminIsBlocked(String path) throws IOException {
    String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).doesNotContain("ADMIN");
    assertThat(answer).startsWith(path.endsWith("/") ? "HTTP/1.1 308" : "HTTP/1.1 307");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/./admin", "/x/../admin", "/%2E%2E/admin", "/x/%2e%2e/admin", "/.%2E/admin"})
  void dotSegmentsAre400BeforeMiddleware(String path) throws IOException {
    SEEN.clear();
    String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400 ").contains("segment").doesNotContain("ADMIN");
    assertThat(SEEN).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/%2561dmin", "/%zzadmin", "/%", "/admin%"})
  void anEscapedPercentOrAMalformedEscapeNeverReadsAsAdmin(String path) throws IOException {
    String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).doesNotContain("ADMIN");
  }

  @org.junit.jupiter.api.Test
  void middlewareSeesTheCanonicalPathThatThePageSees() throws IOException {
    SEEN.clear();
    String answer = exchange("GET /%7Eme%2fyou%c3%a9 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(SEEN).containsExactly("/~me%2Fyou%C3%A9");
    assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("slug=~me/youé");
  }

  @org.junit.jupiter.api.Test
  void theAdminPageIsReachedWithASession() throws IOException {
    String answer = exchange("GET /%61dmin/users HTTP/1.1\r\nHost: x\r\nCookie: session=1\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("ADMIN USERS");
  }

  private static String exchange(String request) throws IOException {
    try (Socket socket = served.socket()) {
      Served.write(socket, request);
      return new String(Served.readAll(socket).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
          java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
