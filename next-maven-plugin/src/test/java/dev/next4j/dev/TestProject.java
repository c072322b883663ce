package dev.next4j.dev;

import dev.next4j.runtime.RouteTable;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A user's project on disk, written the way a user would, for the dev server to run. */
final class TestProject {
  final Path dir;
  final Path pages;
  final Lines log = new Lines();

  TestProject(Path dir) {
    this.dir = dir;
    this.pages = dir.resolve("src/main/java/com/acme/pages");
  }

  /** A page at {@code name}.java whose body is {@code html}, inside a minimal document. */
  Path page(String name, String html) throws IOException {
    return write("src/main/java/com/acme/pages/" + name + ".java", """
        package com.acme.pages;

        import com.acme.Routes;
        import dev.next4j.runtime.Page;
        import dev.next4j.runtime.Request;
        import dev.next4j.runtime.Response;

        public final class %s implements Page<Routes.%s> {
          @Override
          public Response render(Request request, Routes.%s params) {
            return Response.html("<!doctype html><html><body>%s</body></html>");
          }
        }
        """.formatted(name, name, name, html.replace("\"", "\\\"")));
  }

  Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  DevSettings.Builder settings() {
    return DevSettings.builder(dir, log)
        .compileClasspath(List.of(runtimeClasses()))
        .port(0)
        .quietPeriod(java.time.Duration.ofMillis(30));
  }

  /** {@link #settings()} for a site with jte templates: next-jte and jte-runtime on its class paths. */
  DevSettings.Builder templateSettings() {
    List<Path> jte = List.of(classesOf(dev.next4j.jte.Templates.class), classesOf(gg.jte.html.HtmlTemplateOutput.class));
    List<Path> compile = new java.util.ArrayList<>(jte);
    compile.add(runtimeClasses());
    return settings().compileClasspath(compile).runtimeClasspath(jte);
  }

  /** Where next-runtime's classes are on the test class path. */
  static Path runtimeClasses() {
    return classesOf(RouteTable.class);
  }

  private static Path classesOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The dev server's terminal: keeps every line, and echoes it for the test's own log. */
  static final class Lines implements DevLog {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String line) {
      add("[INFO] " + line);
    }

    @Override
    public void warn(String line) {
      add("[WARN] " + line);
    }

    @Override
    public void error(String line) {
      add("[ERROR] " + line);
    }

    @Override
    public void ready(String line) {
      add("[READY] " + line);
    }

    private void add(String line) {
      lines.add(line);
      System.out.println(line);
    }
  }
}
