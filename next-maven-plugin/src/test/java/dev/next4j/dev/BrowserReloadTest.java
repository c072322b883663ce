package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dev mode in a real browser: headless Chromium, driven by ChromeDriver, reloads by itself when a
 * page is saved, shows the error page for a broken page, and recovers when it is fixed.
 */
class BrowserReloadTest {
  static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void theBrowserReloadsByItselfAfterASaveAndShowsTheErrorPageForABrokenPage() throws Exception {
    TestProject project = new TestProject(dir);
    Path index = project.page("Index", "<h1>Hello</h1>");
    try (DevServer server = DevServer.start(project.settings().build());
        Browser browser = Browser.start()) {
      browser.open("http://localhost:" + server.port() + "/");
      assertThat(browser.run("return document.querySelector('h1').textContent")).isEqualTo("Hello");
      // A navigation the test did not ask for wipes this mark: that is how we see the reload.
      browser.run("window.notReloaded = true; return true");

      project.page("Index", "<h1>Hello from the editor</h1>");

      browser.await("the edited page, reloaded by itself",
          "return !window.notReloaded && document.querySelector('h1')?.textContent === 'Hello from the editor'",
          PATIENCE);

      browser.run("window.notReloaded = true; return true");
      Files.writeString(index, Files.readString(index).replace("Response.html(", "Response.htm("));

      browser.await("the compile error page",
          "return !window.notReloaded && document.title.startsWith('Compile error')"
              + " && document.body.textContent.includes('src/main/java/com/acme/pages/Index.java:11')"
              + " && document.body.textContent.includes('cannot find symbol')",
          PATIENCE);

      browser.run("window.notReloaded = true; return true");
      project.page("Index", "<h1>Fixed</h1>");

      browser.await("the fixed page, reloaded by itself",
          "return !window.notReloaded && document.querySelector('h1')?.textContent === 'Fixed'", PATIENCE);
    }
  }
}
