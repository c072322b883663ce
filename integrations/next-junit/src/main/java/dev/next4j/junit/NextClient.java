package dev.next4j.junit;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * A client bound to the app of a {@link NextTest} class: over HTTP to the started server, or
 * straight into {@code app.handle(Request)} in process. Either way an answer is a next4j {@link
 * Response} (status, headers, body), and redirects are not followed, so a test sees the 307 or
 * 308 itself.
 *
 * <p>Targets are what a browser sends: a path starting with {@code /}, with the base path when
 * the site has one, and an optional query: {@code /blog/hello?draft=1}.
 */
public final class NextClient {
  /** Headers the JDK's HTTP client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final URI base;
  private final HttpClient http;
  private final NextApp app;

  private NextClient(URI base, HttpClient http, NextApp app) {
    this.base = base;
    this.http = http;
    this.app = app;
  }

  /** A client sending HTTP/1.1 requests to {@code base} ({@code http://127.0.0.1:PORT}). */
  static NextClient http(URI base) {
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    return new NextClient(base, http, null);
  }

  /** A client handing each request to {@code app.handle}. */
  static NextClient inProcess(NextApp app) {
    return new NextClient(null, null, app);
  }

  /** GETs {@code target}; {@code headers} are name, value pairs. */
  public Response get(String target, String... headers) {
    return send(request("GET", target, headers).build());
  }

  /**
   * GETs the URL of a generated route record, e.g. {@code new Routes.BlogSlug("hello")}: its
   * {@code href()}, base path included.
   */
  public Response get(Record route, String... headers) {
    return get(href(route), headers);
  }

  /** POSTs {@code body} (UTF-8) to {@code target}; {@code headers} are name, value pairs. */
  public Response post(String target, String body, String... headers) {
    return send(request("POST", target, headers).body(body).build());
  }

  /** Sends {@code request}, any method, its headers and body. */
  public Response send(Request request) {
    Objects.requireNonNull(request, "request");
    return app != null ? app.handle(request) : overHttp(request);
  }

  /**
   * The absolute URL of {@code target} on the started server, for another client (a browser
   * driver, a WebSocket); in process there is none.
   *
   * @throws IllegalStateException for an {@link NextTest#inProcess()} class
   */
  public URI uri(String target) {
    if (base == null) {
      throw new IllegalStateException("@NextTest(inProcess = true) starts no server, so there is no URL for \""
          + target + "\"; drop inProcess to get one");
    }
    checkTarget(target);
    return URI.create(base + target);
  }

  /** Whether requests go to {@code app.handle} instead of a socket. */
  public boolean inProcess() {
    return app != null;
  }

  @Override
  public String toString() {
    return inProcess() ? "NextClient{in process}" : "NextClient{" + base + "}";
  }

  /** A route record's {@code href()}, read through JUnit's reflection support (test-time code). */
  static String href(Record route) {
    Objects.requireNonNull(route, "route");
    Optional<Method> href = ReflectionSupport.findMethod(route.getClass(), "href");
    if (href.isEmpty() || href.get().getReturnType() != String.class) {
      throw new IllegalArgumentException(route.getClass().getName() + " has no String href(): pass a record of the "
          + "generated Routes class, e.g. new Routes.BlogSlug(\"hello\"), or a path");
    }
    return (String) ReflectionSupport.invokeMethod(href.get(), route);
  }

  private static Request.Builder request(String method, String target, String[] headers) {
    checkTarget(target);
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException("headers come in name, value pairs; got " + headers.length + " strings");
    }
    Request.Builder request = Request.builder(method, target);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request;
  }

  private static void checkTarget(String target) {
    if (target == null || !target.startsWith("/")) {
      throw new IllegalArgumentException("a target starts with '/': \"" + target + "\" (did you mean \"/" + target + "\"?)");
    }
  }

  private Response overHttp(Request request) {
    String target = request.rawQuery().isEmpty() ? request.path() : request.path() + "?" + request.rawQuery();
    HttpRequest.Builder out = HttpRequest.newBuilder(uri(target)).timeout(Duration.ofSeconds(30));
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(value -> out.header(header.getKey(), value));
      }
    }
    byte[] body = request.body();
    out.method(request.method(), body.length == 0
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + target + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + request.method() + " " + target, e);
    }
    return response(answer.statusCode(), answer.headers(), answer.body());
  }

  private static Response response(int status, HttpHeaders headers, byte[] body) {
    Response response = Response.status(status).withBody(body);
    for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
      if (header.getKey().startsWith(":")) {
        continue;
      }
      for (String value : header.getValue()) {
        response = response.addHeader(header.getKey(), value);
      }
    }
    return response;
  }
}
