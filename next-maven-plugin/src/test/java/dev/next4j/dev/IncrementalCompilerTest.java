package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.dev.IncrementalCompiler.CompileError;
import dev.next4j.dev.IncrementalCompiler.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalCompilerTest {
  @TempDir Path project;
  Path src;
  Path classes;
  IncrementalCompiler compiler;

  @BeforeEach
  void setUp() throws IOException {
    src = project.resolve("src/main/java");
    classes = project.resolve("target/classes");
    write("com/acme/Greeting.java", """
        package com.acme;
        public final class Greeting {
          public static final String HELLO = "Hello";
          public static String to(String name) { return HELLO + ", " + name; }
        }
        """);
    write("com/acme/pages/Index.java", """
        package com.acme.pages;
        public final class Index {
          public String render() { return com.acme.Greeting.to("world"); }
          static final class Item {}
        }
        """);
    write("com/acme/pages/About.java", """
        package com.acme.pages;
        public final class About {
          public String render() { return "about"; }
        }
        """);
    compiler = new IncrementalCompiler(List.of(src), classes, List.of(), List.of("--release", "17"));
  }

  @AfterEach
  void tearDown() throws IOException {
    compiler.close();
  }

  @Test
  void startupCompilesSourcesWithoutClassesAndLaterSkipsThem() throws IOException {
    assertThat(compiled(compiler.compileStale())).containsExactlyInAnyOrder(
        source("com/acme/Greeting.java"), source("com/acme/pages/Index.java"), source("com/acme/pages/About.java"));
    assertThat(classes.resolve("com/acme/pages/Index$Item.class")).exists();

    try (IncrementalCompiler again = new IncrementalCompiler(List.of(src), classes, List.of(), List.of("--release", "17"))) {
      assertThat(compiled(again.compileStale())).isEmpty();
    }
  }

  @Test
  void aChangedMethodBodyRecompilesOnlyItsOwnSource() throws IOException {
    compiler.compileStale();
    Path greeting = write("com/acme/Greeting.java", """
        package com.acme;
        public final class Greeting {
          public static final String HELLO = "Hello";
          public static String to(String name) { return HELLO + ", dear " + name; }
        }
        """);

    assertThat(compiled(compiler.compile(Set.of(greeting), Set.of()))).containsExactly(greeting);
  }

  @Test
  void aChangedSignatureRecompilesTheClassesThatUseIt() throws IOException {
    compiler.compileStale();
    Path greeting = write("com/acme/Greeting.java", """
        package com.acme;
        public final class Greeting {
          public static final String HELLO = "Hello";
          public static String to(CharSequence name) { return HELLO + ", " + name; }
        }
        """);

    assertThat(compiled(compiler.compile(Set.of(greeting), Set.of())))
        .containsExactlyInAnyOrder(greeting, source("com/acme/pages/Index.java"));
  }

  @Test
  void aChangedConstantRecompilesItsReadersThoughTheyKeepNoReferenceToIt() throws IOException {
    write("com/acme/pages/Title.java", """
        package com.acme.pages;
        public final class Title {
          public String render() { return com.acme.Greeting.HELLO; }
        }
        """);
    compiler.compileStale();
    Path greeting = write("com/acme/Greeting.java", """
        package com.acme;
        public final class Greeting {
          public static final String HELLO = "Bonjour";
          public static String to(String name) { return HELLO + ", " + name; }
        }
        """);

    assertThat(compiled(compiler.compile(Set.of(greeting), Set.of())))
        .contains(greeting, source("com/acme/pages/Title.java"));
  }

  @Test
  void aCompileErrorNamesFileLineAndMessageAndWritesNoClass() throws IOException {
    compiler.compileStale();
    Path about = write("com/acme/pages/About.java", """
        package com.acme.pages;
        public final class About {
          public String render() { return "about" }
        }
        """);
    long before = Files.getLastModifiedTime(classes.resolve("com/acme/pages/About.class")).toMillis();

    Outcome outcome = compiler.compile(Set.of(about), Set.of());

    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    CompileError error = ((Outcome.Failed) outcome).errors().get(0);
    assertThat(error.file()).contains(about);
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.message()).isEqualTo("';' expected");
    assertThat(error.sourceLine()).isEqualTo("  public String render() { return \"about\" }");
    assertThat(Files.getLastModifiedTime(classes.resolve("com/acme/pages/About.class")).toMillis()).isEqualTo(before);
  }

  @Test
  void aSourceThatFailedIsCompiledAgainWithTheNextChangeSoAFixInAnotherFileRecovers() throws IOException {
    compiler.compileStale();
    Path index = write("com/acme/pages/Index.java", """
        package com.acme.pages;
        public final class Index {
          public String render() { return com.acme.Greeting.shout("world"); }
        }
        """);
    assertThat(compiler.compile(Set.of(index), Set.of())).isInstanceOf(Outcome.Failed.class);

    Path greeting = write("com/acme/Greeting.java", """
        package com.acme;
        public final class Greeting {
          public static final String HELLO = "Hello";
          public static String to(String name) { return HELLO + ", " + name; }
          public static String shout(String name) { return to(name).toUpperCase(); }
        }
        """);

    assertThat(compiled(compiler.compile(Set.of(greeting), Set.of()))).containsExactlyInAnyOrder(greeting, index);
    assertThat(classes.resolve("com/acme/pages/Index$Item.class")).doesNotExist();
  }

  @Test
  void aDeletedSourceLosesItsClassesAndItsUsersAreRecompiled() throws IOException {
    compiler.compileStale();
    Path greeting = source("com/acme/Greeting.java");
    Files.delete(greeting);

    Outcome outcome = compiler.compile(Set.of(), Set.of(greeting));

    assertThat(classes.resolve("com/acme/Greeting.class")).doesNotExist();
    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    CompileError error = ((Outcome.Failed) outcome).errors().get(0);
    assertThat(error.file()).contains(source("com/acme/pages/Index.java"));
    assertThat(error.message()).isEqualTo("cannot find symbol\n  symbol:   class Greeting\n  location: package com.acme");
    assertThat(error.line()).isEqualTo(3);
  }

  @Test
  void aNewClassIsFoundByTheSourcesCompiledAfterIt() throws IOException {
    compiler.compileStale();
    Path helper = write("com/acme/pages/_Helper.java", """
        package com.acme.pages;
        final class _Helper { static String name() { return "helper"; } }
        """);
    assertThat(compiled(compiler.compile(Set.of(helper), Set.of()))).containsExactly(helper);

    Path about = write("com/acme/pages/About.java", """
        package com.acme.pages;
        public final class About {
          public String render() { return _Helper.name(); }
        }
        """);

    assertThat(compiled(compiler.compile(Set.of(about), Set.of()))).containsExactly(about);
  }

  @Test
  void aBadCompilerOptionIsAnErrorWithoutAFile() throws IOException {
    try (IncrementalCompiler broken =
        new IncrementalCompiler(List.of(src), classes, List.of(), List.of("--release", "nine"))) {
      Outcome outcome = broken.compileStale();

      assertThat(outcome).isInstanceOf(Outcome.Failed.class);
      CompileError error = ((Outcome.Failed) outcome).errors().get(0);
      assertThat(error.file()).isEqualTo(Optional.empty());
      assertThat(error.message()).isEqualTo("javac rejected the options [--release, nine, -implicit:none, -g, -proc:none]: error: release version nine not supported");
    }
  }

  @Test
  void theRunningJdksOwnReleaseIsLeftToJavacAndOtherReleasesAreKept() {
    String current = Integer.toString(Runtime.version().feature());

    assertThat(IncrementalCompiler.withoutCurrentRelease(List.of("--release", current, "-parameters")))
        .containsExactly("-parameters");
    assertThat(IncrementalCompiler.withoutCurrentRelease(List.of("--release=" + current))).isEmpty();
    assertThat(IncrementalCompiler.withoutCurrentRelease(List.of("--release", "11", "-encoding", "UTF-8")))
        .containsExactly("--release", "11", "-encoding", "UTF-8");
  }

  private Set<Path> compiled(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Compiled.class);
    return ((Outcome.Compiled) outcome).sources();
  }

  private Path source(String relative) {
    return src.resolve(relative);
  }

  private Path write(String relative, String text) throws IOException {
    Path file = src.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
