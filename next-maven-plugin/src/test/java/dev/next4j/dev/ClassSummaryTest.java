package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassSummaryTest {
  @TempDir Path dir;

  @Test
  void namesTheClassItsSourceAndTheClassesItMentions() throws IOException {
    ClassSummary page = summary("com/acme/pages/Index.java", """
        package com.acme.pages;
        public final class Index {
          private final java.util.List<com.acme.pages.Helper> helpers = java.util.List.of();
          public String render(StringBuilder out) { return Helper.NAME + out; }
        }
        final class Helper { static final String NAME = "h"; }
        """, "com.acme.pages.Index");

    assertThat(page.name()).isEqualTo("com.acme.pages.Index");
    assertThat(page.sourceFile()).isEqualTo("Index.java");
    assertThat(page.sourcePath()).isEqualTo("com/acme/pages/Index.java");
    assertThat(page.references()).contains("com.acme.pages.Helper", "java.util.List", "java.lang.StringBuilder")
        .doesNotContain("com.acme.pages.Index");
  }

  @Test
  void aNewMethodBodyKeepsTheAbi() throws IOException {
    ClassSummary before = summary("A.java", "public class A { public int f() { return 1; } private int g; }", "A");
    ClassSummary after = summary("A.java", "public class A { public int f() { return 2 + h(); } private int h() { return 0; } }", "A");

    assertThat(after.abi()).isEqualTo(before.abi());
    assertThat(after.constants()).isEqualTo(before.constants());
  }

  @Test
  void aChangedSignatureChangesTheAbi() throws IOException {
    ClassSummary before = summary("A.java", "public class A { public int f() { return 1; } }", "A");
    ClassSummary after = summary("A.java", "public class A { public long f() { return 1; } }", "A");

    assertThat(after.abi()).isNotEqualTo(before.abi());
  }

  @Test
  void aChangedGenericTypeChangesTheAbi() throws IOException {
    ClassSummary before = summary("A.java", "public class A { public java.util.List<String> f() { return null; } }", "A");
    ClassSummary after = summary("A.java", "public class A { public java.util.List<Integer> f() { return null; } }", "A");

    assertThat(after.abi()).isNotEqualTo(before.abi());
  }

  @Test
  void aChangedConstantChangesTheConstants() throws IOException {
    ClassSummary before = summary("A.java", "public class A { public static final int LIMIT = 10; }", "A");
    ClassSummary after = summary("A.java", "public class A { public static final int LIMIT = 20; }", "A");

    assertThat(before.constants()).isEqualTo("LIMIT=Integer:10\n");
    assertThat(after.constants()).isEqualTo("LIMIT=Integer:20\n");
  }

  @Test
  void aRecordsComponentsAreItsAbi() throws IOException {
    ClassSummary before = summary("R.java", "public record R(String slug) {}", "R");
    ClassSummary after = summary("R.java", "public record R(String slug, int page) {}", "R");

    assertThat(after.abi()).isNotEqualTo(before.abi());
  }

  @Test
  void bytesThatAreNotAClassFileAreRefused() {
    assertThatThrownBy(() -> ClassSummary.read(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
        .isInstanceOf(IOException.class)
        .hasMessage("not a class file: it does not start with 0xCAFEBABE");
  }

  private ClassSummary summary(String relative, String source, String className) throws IOException {
    Path src = dir.resolve("src-" + System.nanoTime()).resolve(relative);
    Path out = src.getRoot().resolve(dir.resolve("out-" + System.nanoTime()));
    Files.createDirectories(src.getParent());
    Files.createDirectories(out);
    Files.writeString(src, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "--release", "17", "-d", out.toString(), src.toString());
    assertThat(status).as("javac exit status").isZero();
    return ClassSummary.read(Files.readAllBytes(out.resolve(className.replace('.', '/') + ".class")));
  }

}
