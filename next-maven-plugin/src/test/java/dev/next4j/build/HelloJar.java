package dev.next4j.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A tiny runnable server jar for tests: it serves "hello" on {@code --port} and prints its URL. */
final class HelloJar {
  private HelloJar() {}

  static final String SOURCE = """
      package hello;
      import com.sun.net.httpserver.HttpServer;
      import java.net.InetSocketAddress;
      public final class Main {
        public static void main(String[] args) throws Exception {
          int port = Integer.parseInt(args[1]);
          HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
          server.createContext("/", ex -> {
            byte[] body = ("hello " + ex.getRequestURI().getPath()).getBytes();
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/") ? 200 : 404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
          });
          server.start();
          System.out.println("ready on http://localhost:" + server.getAddress().getPort());
        }
      }
      """;

  /** Writes the jar to {@code work/hello.jar}. */
  static Path write(Path work) throws IOException {
    Path classes = Compiler.compile(work.resolve("hello-build"), Map.of("hello/Main.java", SOURCE));
    Path thin = TestJars.jar(work.resolve("hello-thin.jar"),
        Map.of("hello/Main.class", Files.readAllBytes(classes.resolve("hello/Main.class"))));
    Path jar = work.resolve("hello.jar");
    RunnableJar.write(jar, "hello.Main", new RunnableJar.Source("hello-thin.jar", thin), java.util.List.of());
    return jar;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
