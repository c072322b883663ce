package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.codegen.GeneratorConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pom change under {@code next:run}: the project read again and the server replaced on its port.
 * The project reader here stands in for Maven's: it reads {@code <basePath>} from the pom, and a
 * pom with {@code <broken line="N"/>} does not read, as a pom Maven cannot parse.
 */
class DevRunnerTest {
  private static final Pattern BASE_PATH = Pattern.compile("<basePath>([^<]*)</basePath>");
  private static final Pattern BROKEN = Pattern.compile("<broken line=\"(\\d+)\"/>");

  @TempDir Path dir;
  TestProject project;
  DevRunner runner;
  final HttpClient http = HttpClient.newHttpClient();
  final AtomicInteger reads = new AtomicInteger();

  @BeforeEach
  void setUp() throws IOException {
    project = new TestProject(dir);
    project.page("Index", "<h1>Hello</h1>");
    pom("");
  }

  @AfterEach
  void tearDown() {
    if (runner != null) {
      runner.close();
    }
  }

  @Test
  void aPomChangeRestartsOnTheSamePortWithTheNewConfiguration() throws Exception {
    runner = DevRunner.start(read(), this::read);
    int port = runner.port();
    assertThat(get("/").body()).contains("<h1>Hello</h1>");

    pom("<basePath>/docs</basePath>");

    assertThat(awaitStatus("/docs", 200).body()).contains("<h1>Hello</h1>");
    assertThat(runner.port()).isEqualTo(port);
    assertThat(get("/").statusCode()).isEqualTo(404);
    assertThat(project.log.lines).anyMatch(line -> line.matches("\\[READY] next4j dev server restarted on "
        + "http://localhost:" + port + " \\(1 route, pom.xml applied in \\d+ ms\\)"));
    assertThat(reads).hasValue(2);

    // The restarted server watches as the first did: a page edit reloads, a second pom change restarts.
    project.page("Index", "<h1>Edited</h1>");
    assertThat(awaitStatus("/docs", 200, body -> body.contains("<h1>Edited</h1>")).statusCode()).isEqualTo(200);
    pom("");
    assertThat(awaitStatus("/", 200).body()).contains("<h1>Edited</h1>");
    assertThat(runner.port()).isEqualTo(port);
  }

  @Test
  void aPomThatDoesNotReadShowsItsErrorAtThePomAndTheNextGoodSaveIsApplied() throws Exception {
    runner = DevRunner.start(read(), this::read);
    int port = runner.port();

    pom("<broken line=\"7\"/>");

    HttpResponse<String> error = awaitStatus("/", 500);
    assertThat(error.body()).contains("Project error").contains("pom.xml:7")
        .contains("pom.xml was not applied: Non-parseable POM");
    assertThat(project.log.lines).anyMatch(line -> line.startsWith("[ERROR] Project error in pom.xml:7: "
        + "pom.xml was not applied: Non-parseable POM"));
    assertThat(runner.port()).isEqualTo(port);

    pom("<basePath>/docs</basePath>");

    assertThat(awaitStatus("/docs", 200).body()).contains("<h1>Hello</h1>");
    assertThat(runner.port()).isEqualTo(port);
  }

  @Test
  void aLiveReloadStreamEndsAtTheRestartAndItsReconnectReloadsThePage() throws Exception {
    runner = DevRunner.start(read(), this::read);
    String script = get("/").body();
    Matcher version = Pattern.compile("var v=\"(\\d+)\"").matcher(script);
    assertThat(version.find()).isTrue();
    HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(url("/_next/live-reload")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
    assertThat(List.of(events.readLine(), events.readLine(), events.readLine()))
        .containsExactly("retry: 1000", "event: version", "data: " + version.group(1));

    pom("<basePath>/docs</basePath>");

    List<String> rest = new ArrayList<>();
    for (String line; (line = events.readLine()) != null; ) {
      rest.add(line);
    }
    assertThat(rest).as("the old server's stream ends").noneMatch(line -> line.startsWith("data: " + version.group(1)));
    // The tab reconnects at its old path (no base path then) and hears another version: it reloads.
    awaitStatus("/docs", 200);
    HttpResponse<InputStream> again = http.send(HttpRequest.newBuilder(url("/_next/live-reload")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    BufferedReader reconnected = new BufferedReader(new InputStreamReader(again.body(), StandardCharsets.UTF_8));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(reconnected.readLine()).isEqualTo("retry: 1000");
    assertThat(reconnected.readLine()).isEqualTo("event: version");
    String data = reconnected.readLine();
    assertThat(data).startsWith("data: ").isNotEqualTo("data: " + version.group(1));
    assertThat(Long.parseLong(data.substring(6))).isGreaterThan(Long.parseLong(version.group(1)));
    again.body().close();
  }

  /** The reader under test's stand-in for Maven's project builder. */
  private DevSettings read() throws DevRunner.ProjectError {
    reads.incrementAndGet();
    String pom;
    try {
      pom = Files.readString(dir.resolve("pom.xml"));
    } catch (IOException e) {
      throw new DevRunner.ProjectError("pom.xml cannot be read: " + e, 0);
    }
    Matcher broken = BROKEN.matcher(pom);
    if (broken.find()) {
      int line = Integer.parseInt(broken.group(1));
      throw new DevRunner.ProjectError("Non-parseable POM " + dir.resolve("pom.xml") + ": unexpected markup (position: "
          + line + ":3)", line);
    }
    Matcher basePath = BASE_PATH.matcher(pom);
    GeneratorConfig defaults = GeneratorConfig.defaults(dir);
    GeneratorConfig routes = basePath.find()
        ? new GeneratorConfig(defaults.projectDir(), defaults.sourceRoots(), defaults.pagesPackage(),
            defaults.generatedPackage(), defaults.outputDir(), defaults.manifestFile(),
            defaults.settings().withBasePath(basePath.group(1)))
        : defaults;
    return project.settings().routes(routes).build();
  }

  private void pom(String configuration) throws IOException {
    project.write("pom.xml", "<project>\n  <configuration>" + configuration + "</configuration>\n</project>\n");
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + runner.port() + path);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(url(path)).timeout(DevServerTest.PATIENCE).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> awaitStatus(String path, int status) throws Exception {
    return awaitStatus(path, status, body -> true);
  }

  /** GETs {@code path} until it answers {@code status} with a body that passes {@code wanted}. */
  private HttpResponse<String> awaitStatus(String path, int status, Predicate<String> wanted) throws Exception {
    long deadline = System.nanoTime() + DevServerTest.PATIENCE.toNanos();
    HttpResponse<String> response = null;
    while (System.nanoTime() < deadline) {
      try {
        response = get(path);
        if (response.statusCode() == status && wanted.test(response.body())) {
          return response;
        }
      } catch (IOException refused) {
        // between the old server's close and the new one's bind
      }
      Thread.sleep(20);
    }
    throw new AssertionError("GET " + path + " never answered " + status + "; last: "
        + (response == null ? "no answer" : response.statusCode() + " " + response.body()));
  }
}
