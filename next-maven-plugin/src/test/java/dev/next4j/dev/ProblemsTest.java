package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.codegen.Diagnostic;
import dev.next4j.codegen.TemplateSources;
import dev.next4j.dev.IncrementalCompiler.CompileError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemsTest {
  @TempDir Path project;
  Problems problems;
  Path about;
  Path routes;

  @BeforeEach
  void setUp() throws IOException {
    problems = new Problems(project, project.resolve("target/next/generated-lines.tsv"), TemplateSources.defaults(project));
    about = write("src/main/java/com/acme/pages/About.java", """
        package com.acme.pages;

        /** The about page. */
        public final class About {
        }
        """);
    routes = write("target/generated-sources/next/com/acme/Routes.java", "// generated\n");
    write("target/next/generated-lines.tsv", "generated\tline\tsource\n"
        + "target/generated-sources/next/com/acme/Routes.java\t12\tsrc/main/java/com/acme/pages/About.java\n");
  }

  @Test
  void aCompileErrorIsPlacedAtItsFileAndLineWithACaretUnderTheColumn() {
    DevProblem problem = problems.compile(List.of(
        new CompileError(Optional.of(about), 4, 14, "';' expected", "public final class About {")));

    assertThat(problem).isEqualTo(new DevProblem("Compile error", "src/main/java/com/acme/pages/About.java", 4,
        "';' expected",
        "src/main/java/com/acme/pages/About.java:4: error: ';' expected\n"
            + "public final class About {\n"
            + "             ^\n"));
  }

  @Test
  void anErrorInTheGeneratedRouteTableIsPlacedAtThePageItWasMadeFrom() {
    String generatedLine = "        Route.page(\"/about\", r -> new About(), new com.acme.pages.About()), "
        + "// src/main/java/com/acme/pages/About.java";
    DevProblem problem = problems.compile(List.of(new CompileError(Optional.of(routes), 12, 0,
        "incompatible types: com.acme.pages.About cannot be converted to dev.next4j.runtime.Page<com.acme.Routes.About>",
        generatedLine)));

    assertThat(problem.file()).isEqualTo("src/main/java/com/acme/pages/About.java");
    assertThat(problem.line()).isEqualTo(4);
    assertThat(problem.detail()).isEqualTo(
        "src/main/java/com/acme/pages/About.java:4: error: incompatible types: com.acme.pages.About cannot be "
            + "converted to dev.next4j.runtime.Page<com.acme.Routes.About>\n"
            + generatedLine + "\n"
            + "  (javac saw this in the generated target/generated-sources/next/com/acme/Routes.java:12, "
            + "which was made from this page)\n");
  }

  @Test
  void anErrorInTheJavaCompiledFromATemplateIsPlacedAtTheTemplateLine() throws IOException {
    write("src/main/jte/blog/post.jte", "@param String title\n\n<h1>${title.nope()}</h1>\n");
    TemplateSources templates = TemplateSources.defaults(project);
    templates.generate();
    Path generated = templates.outputDir().resolve("gg/jte/generated/precompiled/blog/JtepostGenerated.java");
    List<String> lines = Files.readAllLines(generated);
    int javaLine = 1;
    while (!lines.get(javaLine - 1).contains("title.nope()")) {
      javaLine++;
    }

    DevProblem problem = problems.compile(List.of(new CompileError(Optional.of(generated), javaLine, 0,
        "cannot find symbol", lines.get(javaLine - 1))));

    assertThat(problem.file()).isEqualTo("src/main/jte/blog/post.jte");
    assertThat(problem.line()).isEqualTo(3);
    assertThat(problem.detail()).startsWith("src/main/jte/blog/post.jte:3: error: cannot find symbol\n")
        .contains("(javac saw this in the generated target/generated-sources/jte/gg/jte/generated/precompiled/blog/"
            + "JtepostGenerated.java:" + javaLine + ", which was compiled from this template)");
  }

  @Test
  void anExceptionThrownInATemplatesJavaIsPlacedAtTheTemplateLine() throws IOException {
    write("src/main/jte/blog/post.jte", "@param String title\n\n<h1>${title.trim()}</h1>\n");
    TemplateSources templates = TemplateSources.defaults(project);
    templates.generate();
    Path generated = templates.outputDir().resolve("gg/jte/generated/precompiled/blog/JtepostGenerated.java");
    List<String> lines = Files.readAllLines(generated);
    int javaLine = 1;
    while (!lines.get(javaLine - 1).contains("title.trim()")) {
      javaLine++;
    }
    NullPointerException error = new NullPointerException("title is null");
    error.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("gg.jte.generated.precompiled.blog.JtepostGenerated", "render", "JtepostGenerated.java", javaLine),
        new StackTraceElement("com.acme.pages.About", "render", "About.java", 4)});

    DevProblem problem = problems.exception(Problems.LOAD_ERROR, error, List.of(project.resolve("src/main/java")));

    assertThat(problem.place()).isEqualTo("src/main/jte/blog/post.jte:3");
  }

  @Test
  void aTemplateJteCannotParseIsATemplateErrorAtItsLine() throws IOException {
    write("src/main/jte/cart.jte", "@param String name\n@if(name.isEmpty())\n<p>none</p>\n");
    TemplateSources templates = TemplateSources.defaults(project);

    DevProblem problem = problems.template(
        templates.diagnostic((dev.next4j.jte.compiler.TemplateCompiler.Failed) templates.generate()));

    assertThat(problem.kind()).isEqualTo("Template error");
    assertThat(problem.place()).isEqualTo("src/main/jte/cart.jte:4");
    assertThat(problem.message()).isEqualTo("[next.template-error] Missing @endif");
  }

  @Test
  void anErrorOnAGeneratedLineTheSourceMapDoesNotListStaysInTheGeneratedFile() {
    String generatedLine = "  // src/main/java/com/acme/pages/About.java";
    DevProblem problem = problems.compile(List.of(new CompileError(Optional.of(routes), 13, 0, "boom", generatedLine)));

    assertThat(problem.file()).isEqualTo("target/generated-sources/next/com/acme/Routes.java");
    assertThat(problem.line()).isEqualTo(13);
  }

  @Test
  void severalErrorsAreCountedInTheMessageAndAllListedInTheDetail() {
    DevProblem problem = problems.compile(List.of(
        new CompileError(Optional.of(about), 4, 0, "first", ""),
        new CompileError(Optional.of(about), 5, 0, "second", ""),
        new CompileError(Optional.empty(), 0, 0, "third", "")));

    assertThat(problem.message()).isEqualTo("first (and 2 more errors)");
    assertThat(problem.detail()).isEqualTo("src/main/java/com/acme/pages/About.java:4: error: first\n"
        + "src/main/java/com/acme/pages/About.java:5: error: second\n"
        + "javac: error: third\n");
  }

  @Test
  void routeProblemsArePlacedAtTheFirstAndAllListedWhenThereAreSeveral() {
    Diagnostic first = new Diagnostic("src/main/java/com/acme/pages/blog/$id.java", 0, "next.param-name-conflict",
        "Pages blog/$id.java and blog/$slug.java give one level two parameter names ('id' and 'slug'); rename one.");
    Diagnostic second = new Diagnostic("src/main/java/com/acme/pages/About.java", 0, "next.duplicate-route",
        "Pages About.java and about/Index.java are both /about; remove or rename one.");

    DevProblem one = problems.routes(List.of(first));
    DevProblem two = problems.routes(List.of(first, second));

    assertThat(one).isEqualTo(new DevProblem("Route error", "src/main/java/com/acme/pages/blog/$id.java", 0,
        "[next.param-name-conflict] " + first.message(), ""));
    assertThat(two.message()).isEqualTo("[next.param-name-conflict] " + first.message() + " (and 1 more problem)");
    assertThat(two.detail()).isEqualTo(first.format() + "\n" + second.format() + "\n");
  }

  @Test
  void anExceptionIsPlacedAtTheDeepestFrameInTheProjectsSources() {
    IllegalStateException error = new IllegalStateException("no database");
    error.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 233),
        new StackTraceElement("com.acme.pages.About", "<init>", "About.java", 5),
        new StackTraceElement("com.acme.Routes", "table", "Routes.java", 12),
    });

    DevProblem problem = problems.exception("Error loading the pages", error, List.of(project.resolve("src/main/java")));

    assertThat(problem.file()).isEqualTo("src/main/java/com/acme/pages/About.java");
    assertThat(problem.line()).isEqualTo(5);
    assertThat(problem.message()).isEqualTo("java.lang.IllegalStateException: no database");
    assertThat(problem.detail()).startsWith("java.lang.IllegalStateException: no database\n\tat java.util.Objects");
  }

  private Path write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
