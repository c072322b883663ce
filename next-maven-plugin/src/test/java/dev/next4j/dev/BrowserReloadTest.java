package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dev mode in a real browser: headless Chromium, driven by ChromeDriver, reloads by itself when a
 * page or a jte template is saved, shows the error page for a broken page or template, and
 * recovers when it is fixed.
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

  /** A jte template is edited as a page is: the browser reloads, and a broken template shows at its line. */
  @Test
  void aTemplateEditReloadsTheBrowserAndABrokenTemplateShowsAtItsLine() throws Exception {
    TestProject project = new TestProject(dir);
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
            return Templates.html(out -> JtehelloGenerated.render(out, null, "<World>"));
          }
        }
        """);
    Path template = project.write("src/main/jte/hello.jte", """
        @param String name
        <!doctype html><html><body><h1>Hello ${name}</h1></body></html>
        """);
    try (DevServer server = DevServer.start(project.templateSettings().build());
        Browser browser = Browser.start()) {
      browser.open("http://localhost:" + server.port() + "/");
      assertThat(browser.run("return document.querySelector('h1').innerHTML")).isEqualTo("Hello &lt;World&gt;");
      browser.run("window.notReloaded = true; return true");

      Files.writeString(template, Files.readString(template).replace("Hello", "Hi"));

      browser.await("the edited template, reloaded by itself",
          "return !window.notReloaded && document.querySelector('h1')?.textContent === 'Hi <World>'", PATIENCE);

      browser.run("window.notReloaded = true; return true");
      Files.writeString(template, Files.readString(template).replace("${name}", "${name.nope()}"));

      browser.await("the compile error page at the template's line",
          "return !window.notReloaded && document.title.startsWith('Compile error')"
              + " && document.body.textContent.includes('src/main/jte/hello.jte:2')"
              + " && document.body.textContent.includes('cannot find symbol')",
          PATIENCE);

      browser.run("window.notReloaded = true; return true");
      Files.writeString(template, "@param String name\n@if(name.isEmpty())\n<h1>none</h1>\n");

      browser.await("the template error page at the template's line",
          "return !window.notReloaded && document.title.startsWith('Template error')"
              + " && document.body.textContent.includes('src/main/jte/hello.jte:4')"
              + " && document.body.textContent.includes('Missing @endif')",
          PATIENCE);

      browser.run("window.notReloaded = true; return true");
      Files.writeString(template, "@param String name\n<!doctype html><html><body><h1>Fixed ${name}</h1></body></html>\n");

      browser.await("the fixed template, reloaded by itself",
          "return !window.notReloaded && document.querySelector('h1')?.textContent === 'Fixed <World>'", PATIENCE);
    }
  }
}
