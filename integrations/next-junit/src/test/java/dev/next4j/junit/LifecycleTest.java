package dev.next4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs annotated classes through the JUnit launcher, to see what a build would see. */
class LifecycleTest {
  static final List<URI> SEEN = new ArrayList<>();

  @NextTest(TestSite.class)
  static class Passing {
    @Test
    void one(NextClient client) {
      SEEN.add(client.uri("/"));
      assertThat(client.get("/").status()).isEqualTo(200);
    }
  }

  @NextTest(TestSite.class)
  static class Failing {
    @Test
    void expectsTheWrongTitle(NextClient client) {
      assertThat(client.get("/").bodyText()).isEqualTo("<h1>welcome</h1>");
    }
  }

  @NextTest(value = TestSite.class, method = "missing")
  static class NoSuchFactory {
    @Test
    void never() {}
  }

  @NextTest(value = TestSite.class, method = "notStatic")
  static class NotStatic {
    @Test
    void never() {}
  }

  @NextTest(value = TestSite.class, method = "start", inProcess = true)
  static class CustomServerInProcess {
    @Test
    void never() {}
  }

  @Test
  void theServerIsClosedAfterTheClass() {
    SEEN.clear();
    TestExecutionSummary summary = run(Passing.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(SEEN).hasSize(1);
    URI uri = SEEN.get(0);
    assertThatThrownBy(() -> new Socket(uri.getHost(), uri.getPort()).close()).isInstanceOf(IOException.class);
  }

  @Test
  void aFailingAssertionFailsTheTest() {
    TestExecutionSummary summary = run(Failing.class);

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertThat(summary.getFailures().get(0).getException().getMessage())
        .contains("<h1>welcome</h1>").contains("<h1>home</h1>");
  }

  @Test
  void aBadFactoryFailsTheClassSayingWhy() {
    assertThat(failure(NoSuchFactory.class)).isEqualTo("dev.next4j.junit.TestSite has no method missing(NextOptions): "
        + "@NextTest(TestSite.class) needs a public static method missing(NextOptions) returning NextApp (as the "
        + "generated NextServer has) or a started HttpServer (a custom server)");
    assertThat(failure(NotStatic.class)).startsWith("dev.next4j.junit.TestSite.notStatic(NextOptions) is not public "
        + "static or returns NextApp: ");
    assertThat(failure(CustomServerInProcess.class)).isEqualTo("@NextTest(inProcess = true) needs a method returning "
        + "NextApp; dev.next4j.junit.TestSite.start(NextOptions) returns an HttpServer, which only answers over HTTP");
  }

  private static String failure(Class<?> testClass) {
    TestExecutionSummary summary = run(testClass);
    assertThat(summary.getFailures()).hasSize(1);
    return summary.getFailures().get(0).getException().getMessage();
  }

  private static TestExecutionSummary run(Class<?> testClass) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
    return listener.getSummary();
  }
}
