package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev server on a real project: real files, real javac, real HTTP. */
class DevServerTest {
  static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path dir;
  TestProject project;
  DevServer server;
  HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() throws IOException {
    project = new TestProject(dir);
    project.page("Index", "<h1>Hello</h1>");
  }

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void servesThePagesItCompiledAtStartup() throws Exception {
    start();

    HttpResponse<String> response = get("/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("<h1>Hello</h1>");
    assertThat(project.log.lines).anyMatch(l -> l.matches(
        "\\[READY] next4j dev server ready on http://localhost:\\d+ \\(1 route, started in \\d+ ms\\)"));
    assertThat(dir.resolve("target/classes/com/acme/pages/Index.class")).exists();
  }

  @Test
  void anEditedPageIsServedFreshWithoutRestart() throws Exception {
    start();
    int port = server.port();

    project.page("Index", "<h1>Hello again</h1>");

    HttpResponse<String> response = awaitBody("/", body -> body.contains("Hello again"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.port()).isEqualTo(port);
    assertThat(awaitLog("Reloaded in")).matches(
        "\\[INFO] Reloaded in \\d+ ms: src/main/java/com/acme/pages/Index.java changed \\(1 source compiled\\)");
  }

  @Test
  void anAddedPageGetsItsRoute() throws Exception {
    start();
    assertThat(get("/about").statusCode()).isEqualTo(404);

    project.page("About", "<h1>About us</h1>");

    HttpResponse<String> response = awaitBody("/about", body -> body.contains("About us"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(awaitLog("Reloaded in")).matches(
        "\\[INFO] Reloaded in \\d+ ms: src/main/java/com/acme/pages/About.java created \\(2 sources compiled, routes regenerated\\)");
  }

  @Test
  void aBrokenPageShowsTheCompileErrorUntilItIsFixed() throws Exception {
    start();

    project.write("src/main/java/com/acme/pages/Index.java", Files.readString(project.pages.resolve("Index.java"))
        .replace("return Response.html", "return Response.htm"));

    HttpResponse<String> broken = awaitBody("/", body -> body.contains("Compile error"));
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.body()).contains("src/main/java/com/acme/pages/Index.java:11").contains("cannot find symbol");
    assertThat(awaitLog("[ERROR]")).startsWith(
        "[ERROR] Compile error in src/main/java/com/acme/pages/Index.java:11: cannot find symbol\n"
            + "src/main/java/com/acme/pages/Index.java:11: error: cannot find symbol\n");

    project.page("Index", "<h1>Fixed</h1>");

    HttpResponse<String> fixed = awaitBody("/", body -> body.contains("Fixed"));
    assertThat(fixed.statusCode()).isEqualTo(200);
  }

  @Test
  void aSiteBrokenAtStartupIsServedWithItsErrorAndRecovers() throws Exception {
    project.write("src/main/java/com/acme/pages/Index.java", Files.readString(project.pages.resolve("Index.java"))
        .replace("return Response.html", "return Response.htm"));

    start();

    HttpResponse<String> broken = get("/");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.body()).contains("Compile error").contains("src/main/java/com/acme/pages/Index.java:11");
    assertThat(project.log.lines).anyMatch(l -> l.matches(
        "\\[READY] next4j dev server ready on http://localhost:\\d+ \\(0 routes, started in \\d+ ms\\)"));

    project.page("Index", "<h1>Repaired</h1>");

    assertThat(awaitBody("/", body -> body.contains("<h1>Repaired</h1>")).statusCode()).isEqualTo(200);
  }

  @Test
  void twoPagesForOneRouteShowTheRouteErrorUntilOneIsRemoved() throws Exception {
    project.page("About", "<h1>About</h1>");
    start();

    Path second = project.write("src/main/java/com/acme/pages/about/Index.java", """
        package com.acme.pages.about;

        public final class Index {
        }
        """);

    HttpResponse<String> broken = awaitBody("/about", body -> body.contains("Route error"));
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.body())
        .contains("[next.duplicate-route] Pages About.java and about/Index.java are both /about; remove or rename one.")
        .contains("src/main/java/com/acme/pages/about/Index.java");
    assertThat(awaitLog("[ERROR]")).isEqualTo("[ERROR] Route error in src/main/java/com/acme/pages/about/Index.java: "
        + "[next.duplicate-route] Pages About.java and about/Index.java are both /about; remove or rename one.");

    Files.delete(second);

    assertThat(awaitBody("/about", body -> body.contains("<h1>About</h1>")).statusCode()).isEqualTo(200);
  }

  @Test
  void aClassThatIsNoPageShowsTheGeneratorsErrorAtItsFile() throws Exception {
    start();

    project.write("src/main/java/com/acme/pages/Index.java", """
        package com.acme.pages;

        public final class Index {
        }
        """);

    HttpResponse<String> broken = awaitBody("/", body -> body.contains("Route error"));
    assertThat(broken.body()).contains("src/main/java/com/acme/pages/Index.java:3")
        .contains("[next.not-a-page] The class in Index.java implements no page kind");
  }

  @Test
  void aPageThatNoLongerFitsTheRouteTableIsBlamedNotTheGeneratedCode() throws Exception {
    start();

    // The generator cannot see what a base class brings, so javac reports it in Routes.java.
    project.write("src/main/java/com/acme/pages/_Base.java", """
        package com.acme.pages;

        public class _Base {
        }
        """);
    project.write("src/main/java/com/acme/pages/Index.java", """
        package com.acme.pages;

        public final class Index extends _Base {
        }
        """);

    HttpResponse<String> broken = awaitBody("/", body -> body.contains("Compile error"));
    assertThat(broken.body()).contains("src/main/java/com/acme/pages/Index.java:3")
        .contains("javac saw this in the generated target/generated-sources/next/com/acme/Routes.java:");
  }

  @Test
  void anExceptionWhileLoadingThePagesIsShownWithItsPlace() throws Exception {
    start();

    project.write("src/main/java/com/acme/pages/Index.java", """
        package com.acme.pages;

        import com.acme.Routes;
        import dev.next4j.runtime.Page;
        import dev.next4j.runtime.Request;
        import dev.next4j.runtime.Response;

        public final class Index implements Page<Routes.Index> {
          public Index() {
            throw new IllegalStateException("no database");
          }

          @Override
          public Response render(Request request, Routes.Index params) {
            return Response.html("never");
          }
        }
        """);

    HttpResponse<String> broken = awaitBody("/", body -> body.contains("Error loading the pages"));
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.body()).contains("src/main/java/com/acme/pages/Index.java:10")
        .contains("java.lang.IllegalStateException: no database");
  }

  @Test
  void aResourceIsReadFromWhereItIsEditedThroughTheContextClassLoader() throws Exception {
    project.write("src/main/resources/greeting.txt", "Hello from a resource");
    project.write("src/main/java/com/acme/pages/Index.java", """
        package com.acme.pages;

        import com.acme.Routes;
        import dev.next4j.runtime.Page;
        import dev.next4j.runtime.Request;
        import dev.next4j.runtime.Response;

        public final class Index implements Page<Routes.Index> {
          @Override
          public Response render(Request request, Routes.Index params) throws Exception {
            try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream("greeting.txt")) {
              return Response.html("<p>" + new String(in.readAllBytes(), "UTF-8") + "</p>");
            }
          }
        }
        """);
    start();
    assertThat(get("/").body()).contains("<p>Hello from a resource</p>");

    project.write("src/main/resources/greeting.txt", "Hello from an edited resource");

    assertThat(awaitBody("/", body -> body.contains("<p>Hello from an edited resource</p>")).statusCode()).isEqualTo(200);
    assertThat(awaitLog("Reloaded in")).matches(
        "\\[INFO] Reloaded in \\d+ ms: src/main/resources/greeting.txt changed");
  }

  @Test
  void aResourceFolderMadeAfterStartIsWatchedAndAFailedStaticInitialiserIsRetried() throws Exception {
    project.write("src/main/java/com/acme/pages/Index.java", """
        package com.acme.pages;

        import com.acme.Routes;
        import dev.next4j.runtime.Page;
        import dev.next4j.runtime.Request;
        import dev.next4j.runtime.Response;

        public final class Index implements Page<Routes.Index> {
          private static final String GREETING = read();

          private static String read() {
            try (var in = Index.class.getResourceAsStream("/greeting.txt")) {
              if (in == null) {
                throw new IllegalStateException("missing resource greeting.txt");
              }
              return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }

          @Override
          public Response render(Request request, Routes.Index params) {
            return Response.html("<p>" + GREETING + "</p>");
          }
        }
        """);
    assertThat(Files.exists(dir.resolve("src/main/resources"))).isFalse();
    start();
    assertThat(get("/").body()).contains("missing resource greeting.txt");

    project.write("src/main/resources/greeting.txt", "Hello from a new folder");

    assertThat(awaitBody("/", body -> body.contains("<p>Hello from a new folder</p>")).statusCode()).isEqualTo(200);
  }

  @Test
  void aTemplatesFolderMadeAfterStartIsCompiledAndItsPageServed() throws Exception {
    assertThat(Files.exists(dir.resolve("src/main/jte"))).isFalse();
    server = DevServer.start(project.templateSettings().build());
    assertThat(get("/").body()).contains("<h1>Hello</h1>");

    project.write("src/main/jte/hello.jte", """
        @param String name
        <h1>Hello ${name}</h1>
        """);
    project.write("src/main/java/com/acme/pages/Index.java", """
        package com.acme.pages;

        import com.acme.Routes;
        import dev.next4j.jte.Templates;
        import dev.next4j.runtime.Page;
        import dev.next4j.runtime.Request;
        import dev.next4j.runtime.Response;
        import gg.jte.generated.precompiled.JtehelloGenerated;

        public final class Index implements Page<Routes.Index> {
          @Override
          public Response render(Request request, Routes.Index params) {
            return Templates.html(out -> JtehelloGenerated.render(out, null, "<template>"));
          }
        }
        """);

    assertThat(awaitBody("/", body -> body.contains("<h1>Hello &lt;template&gt;</h1>")).statusCode()).isEqualTo(200);
  }

  @Test
  void theProjectsAnnotationProcessorsRunOnEveryCompile() throws Exception {
    // A tiny processor, compiled here: it writes com.acme.Greeting, which the page reads.
    Path processorSources = dir.resolve("processor-src");
    Path processor = dir.resolve("processor");
    Files.createDirectories(processorSources);
    Files.createDirectories(processor.resolve("META-INF/services"));
    Files.writeString(processorSources.resolve("GreetingProcessor.java"), """
        import java.io.Writer;
        import java.util.Set;
        import javax.annotation.processing.*;
        import javax.lang.model.SourceVersion;
        import javax.lang.model.element.TypeElement;

        @SupportedAnnotationTypes("*")
        public final class GreetingProcessor extends AbstractProcessor {
          @Override
          public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
          }

          @Override
          public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (round.processingOver() || processingEnv.getElementUtils().getTypeElement("com.acme.Greeting") != null) {
              return false;
            }
            try (Writer out = processingEnv.getFiler().createSourceFile("com.acme.Greeting").openWriter()) {
              out.write("package com.acme; public final class Greeting { public static final String TEXT = \\"made by a processor\\"; }");
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            return false;
          }
        }
        """);
    Files.writeString(processor.resolve("META-INF/services/javax.annotation.processing.Processor"), "GreetingProcessor\n");
    assertThat(javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", processor.toString(),
        processorSources.resolve("GreetingProcessor.java").toString())).isZero();
    String page = """
        package com.acme.pages;

        import com.acme.Routes;
        import dev.next4j.runtime.Page;
        import dev.next4j.runtime.Request;
        import dev.next4j.runtime.Response;

        public final class Index implements Page<Routes.Index> {
          @Override
          public Response render(Request request, Routes.Index params) {
            return Response.html("<p>%s" + com.acme.Greeting.TEXT + "</p>");
          }
        }
        """;
    project.write("src/main/java/com/acme/pages/Index.java", page.formatted(""));

    server = DevServer.start(project.settings()
        .compilerOptions(JavacOptions.processorPath(List.of(processor), dir.resolve("target/generated-sources/annotations")))
        .build());

    assertThat(get("/").body()).contains("<p>made by a processor</p>");
    assertThat(dir.resolve("target/generated-sources/annotations/com/acme/Greeting.java")).isRegularFile();
    project.write("src/main/java/com/acme/pages/Index.java", page.formatted("again "));
    assertThat(awaitBody("/", body -> body.contains("<p>again made by a processor</p>")).statusCode()).isEqualTo(200);
  }

  @Test
  void aCustomResourceIsCopiedToItsTargetPathFilteredAndAnEditReloads() throws Exception {
    project.write("src/main/config/site.properties", "title=${site.title}");
    project.write("src/main/config/ignored.txt", "not included");
    project.write("src/main/java/com/acme/pages/Index.java", """
        package com.acme.pages;

        import com.acme.Routes;
        import dev.next4j.runtime.Page;
        import dev.next4j.runtime.Request;
        import dev.next4j.runtime.Response;

        public final class Index implements Page<Routes.Index> {
          @Override
          public Response render(Request request, Routes.Index params) throws Exception {
            try (var in = Index.class.getResourceAsStream("/conf/site.properties")) {
              boolean ignored = Index.class.getResource("/conf/ignored.txt") != null;
              return Response.html("<p>" + new String(in.readAllBytes(), "UTF-8") + " " + ignored + "</p>");
            }
          }
        }
        """);
    server = DevServer.start(project.settings()
        .resources(List.of(ResourceSet.plain(dir.resolve("src/main/resources")),
            new ResourceSet(dir.resolve("src/main/config"), "conf", List.of("**/*.properties"), List.of(), true)))
        .filterProperties(java.util.Map.of("site.title", "Acme"))
        .build());
    assertThat(get("/").body()).contains("<p>title=Acme false</p>");

    project.write("src/main/config/site.properties", "title=${site.title}!");

    assertThat(awaitBody("/", body -> body.contains("<p>title=Acme! false</p>")).statusCode()).isEqualTo(200);
  }

  @Test
  void anEditedEnvFileIsReadOnTheNextRequest() throws Exception {
    project.write(".env", "GREETING=Hello\n");
    project.write("src/main/java/com/acme/pages/Index.java", """
        package com.acme.pages;

        import com.acme.Routes;
        import dev.next4j.runtime.Page;
        import dev.next4j.runtime.Request;
        import dev.next4j.runtime.Response;

        public final class Index implements Page<Routes.Index> {
          @Override
          public Response render(Request request, Routes.Index params) {
            return Response.html("<p>" + request.env().get("GREETING").orElse("none") + "</p>");
          }
        }
        """);
    start();
    assertThat(get("/").body()).contains("<p>Hello</p>");

    project.write(".env.development.local", "GREETING=Hi from local\n");

    assertThat(awaitLog("[.env.development.local] changed")).isEqualTo(
        "[INFO] [.env.development.local] changed: the app reads the environment again");
    assertThat(awaitBody("/", body -> body.contains("<p>Hi from local</p>")).statusCode()).isEqualTo(200);
  }

  @Test
  void theSitesServicesSurviveReloadsThatDoNotTouchThemAndAreBuiltAgainWhenTheirClassesChange() throws Exception {
    Path closedLog = dir.resolve("closed.log");
    project.write(".env", "CLOSED_LOG=" + closedLog + "\n");
    project.write("src/main/java/com/acme/Store.java", store("one"));
    project.write("src/main/java/com/acme/pages/_Context.java", """
        package com.acme.pages;

        import com.acme.Store;
        import dev.next4j.runtime.Env;
        import java.io.IOException;
        import java.nio.file.Files;
        import java.nio.file.Path;
        import java.nio.file.StandardOpenOption;
        import java.util.UUID;

        public final class _Context implements AutoCloseable {
          private final String id = UUID.randomUUID().toString();
          private final Path closedLog;
          private final Store store = new Store();

          public _Context(Env env) {
            this.closedLog = Path.of(env.require("CLOSED_LOG"));
          }

          public String describe() {
            return "context " + id + " store " + store.name();
          }

          @Override
          public void close() throws IOException {
            Files.writeString(closedLog, id + "\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          }
        }
        """);
    project.write("src/main/java/com/acme/pages/Index.java", index("A"));
    start();
    String first = get("/").body();
    assertThat(first).matches("(?s).*<p>page A, context [-0-9a-f]{36} store one</p>.*");
    String firstId = first.replaceAll("(?s).*context ([-0-9a-f]{36}).*", "$1");
    assertThat(awaitLog("Built the site's services")).isEqualTo("[INFO] Built the site's services (_Context)");

    project.write("src/main/java/com/acme/pages/Index.java", index("B"));

    assertThat(awaitBody("/", body -> body.contains("page B")).body()).contains("context " + firstId + " store one");
    assertThat(closedLog).doesNotExist();

    project.write("src/main/java/com/acme/Store.java", store("two"));

    String second = awaitBody("/", body -> body.contains("store two")).body();
    assertThat(second).contains("page B").doesNotContain(firstId);
    assertThat(awaitLog("_Context changed")).isEqualTo("[INFO] _Context changed: the site's services were built again");
    assertThat(Files.readString(closedLog)).isEqualTo(firstId + "\n");
    String secondId = second.replaceAll("(?s).*context ([-0-9a-f]{36}).*", "$1");

    project.write("src/main/java/com/acme/Store.java", store("three").replace("return", "retur"));
    assertThat(awaitBody("/", body -> body.contains("Compile error")).statusCode()).isEqualTo(500);
    assertThat(Files.readString(closedLog)).isEqualTo(firstId + "\n");

    server.close();
    server = null;

    assertThat(Files.readString(closedLog)).isEqualTo(firstId + "\n" + secondId + "\n");
  }

  private static String store(String name) {
    return """
        package com.acme;

        public final class Store {
          public String name() {
            return "%s";
          }
        }
        """.formatted(name);
  }

  private static String index(String text) {
    return """
        package com.acme.pages;

        import com.acme.Routes;
        import dev.next4j.runtime.Page;
        import dev.next4j.runtime.Request;
        import dev.next4j.runtime.Response;

        public final class Index implements Page<Routes.Index> {
          private final _Context context;

          public Index(_Context context) {
            this.context = context;
          }

          @Override
          public Response render(Request request, Routes.Index params) {
            return Response.html("<p>page %s, " + context.describe() + "</p>");
          }
        }
        """.formatted(text);
  }

  @Test
  void aBrowserListeningForLiveReloadHearsOfEverySwap() throws Exception {
    start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpResponse<InputStream> stream = http.send(
        HttpRequest.newBuilder(url("/_next/live-reload")).build(), HttpResponse.BodyHandlers.ofInputStream());
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException closed) {
        // the server stopped
      }
    });
    reader.setDaemon(true);
    reader.start();
    drain(lines);

    project.page("Index", "<h1>Live</h1>");

    assertThat(awaitLine(lines, "event: reload")).isEqualTo("event: reload");
  }

  @Test
  void aTakenPortIsOneClearLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> DevServer.start(project.settings().port(port).build()))
          .isInstanceOf(DevServerException.class)
          .hasMessage("Port " + port + " is already in use: stop the process that holds it, or choose another port"
              + " with -Dnext.port=" + (port + 1) + " (or PORT=" + (port + 1) + ").");
    }
  }

  @Test
  void closingFreesThePort() throws Exception {
    start();
    int port = server.port();

    server.close();

    try (ServerSocket again = new ServerSocket(port)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  private void start() throws Exception {
    server = DevServer.start(project.settings().build());
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(url(path)).timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> awaitBody(String path, Predicate<String> fresh) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    HttpResponse<String> response = get(path);
    while (!fresh.test(response.body()) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      response = get(path);
    }
    assertThat(response.body()).as("GET %s after the edit", path).matches(fresh);
    return response;
  }

  private String awaitLog(String start) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : project.log.lines) {
        if (line.startsWith(start) || line.contains("] " + start)) {
          return line;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no log line with '" + start + "' in " + project.log.lines);
  }

  private static String awaitLine(BlockingQueue<String> lines, String wanted) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (wanted.equals(line)) {
        return line;
      }
    }
    throw new AssertionError("the stream never sent '" + wanted + "'");
  }

  private static void drain(BlockingQueue<String> lines) throws InterruptedException {
    Thread.sleep(200);
    lines.clear();
  }
}
