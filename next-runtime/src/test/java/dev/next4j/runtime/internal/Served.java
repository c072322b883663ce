package dev.next4j.runtime.internal;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.binding.HttpEngine;
import dev.next4j.runtime.binding.RunningServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ServiceLoader;

/**
 * An app started on a server on a free port, with a client for it; closing stops both. The server is
 * the JDK's, or the engine that {@code -Dnext.test.engine=<class>} names among the {@link
 * HttpEngine} services on the test class path: the helidon module runs these tests on Helidon so.
 */
final class Served implements AutoCloseable {
  /** The system property naming the engine the serving tests run on; the JDK's when unset. */
  static final String ENGINE_PROPERTY = "next.test.engine";

  static final HttpEngine ENGINE = engine(System.getProperty(ENGINE_PROPERTY));

  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  final NextApp app;
  final RunningServer server;
  final int port;

  private Served(NextApp app, RunningServer server) {
    this.app = app;
    this.server = server;
    this.port = server.address().getPort();
  }

  /** Prepares and starts {@code app} (made with port 0 and host 127.0.0.1 or none) on {@link #ENGINE}. */
  static Served start(NextApp app) {
    try {
      app.prepare();
      return new Served(app, ENGINE.start(app));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the tests run on the JDK's server (a test of the JDK's own behaviour asks). */
  static boolean onJdk() {
    return ENGINE == ServeCommand.JDK;
  }

  /** The engine {@code name} (a class name) names, or the JDK's for null. */
  static HttpEngine engine(String name) {
    if (name == null || name.isBlank()) {
      return ServeCommand.JDK;
    }
    for (HttpEngine engine : ServiceLoader.load(HttpEngine.class)) {
      if (engine.getClass().getName().equals(name)) {
        return engine;
      }
    }
    throw new IllegalStateException("-D" + ENGINE_PROPERTY + "=" + name + " names no HttpEngine service on the test "
        + "class path (META-INF/services/" + HttpEngine.class.getName() + ")");
  }

  URI uri(String target) {
    return URI.create("http://127.0.0.1:" + port + target);
  }

  HttpResponse<String> get(String target, String... headers) {
    return send(HttpRequest.newBuilder(uri(target)).headers(pairs(headers)).GET().build());
  }

  HttpResponse<String> send(String method, String target, String body, String... headers) {
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    return send(HttpRequest.newBuilder(uri(target)).headers(pairs(headers)).method(method, publisher).build());
  }

  HttpResponse<byte[]> getBytes(String target, String... headers) {
    try {
      return CLIENT.send(
          HttpRequest.newBuilder(uri(target)).headers(pairs(headers)).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A raw connection to the server, for requests no well-behaved client sends. */
  Socket socket() throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Writes {@code text} (ISO-8859-1) to {@code socket}. */
  static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads until the server closes the connection (or the socket times out) and returns it all. */
  static String readAll(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (java.net.SocketException e) {
      // A reset after the answer is how some closes arrive; what was read is the answer.
    }
    return text.toString();
  }

  private static String[] pairs(String[] headers) {
    return headers.length == 0 ? new String[] {"X-Test", "1"} : headers;
  }

  @Override
  public void close() {
    app.close();
    server.stop();
  }
}
