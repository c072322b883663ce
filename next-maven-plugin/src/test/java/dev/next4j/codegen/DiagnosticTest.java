package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiagnosticTest {
  @Test
  void formatsLikeJavacWithoutALine() {
    Diagnostic diagnostic = new Diagnostic("src/main/java/com/acme/pages/blog/$id.java", 0, "next.param-name-conflict",
        "Pages blog/$id.java and blog/$slug.java give one level two parameter names ('id' and 'slug'); rename one.");

    assertThat(diagnostic.format()).isEqualTo("src/main/java/com/acme/pages/blog/$id.java: error:"
        + " [next.param-name-conflict] Pages blog/$id.java and blog/$slug.java give one level two parameter names"
        + " ('id' and 'slug'); rename one.");
  }

  @Test
  void formatsLikeJavacWithALine() {
    Diagnostic diagnostic = new Diagnostic("src/main/java/com/acme/pages/About.java", 3, "next.package-mismatch", "Wrong.");

    assertThat(diagnostic.format()).isEqualTo("src/main/java/com/acme/pages/About.java:3: error: [next.package-mismatch] Wrong.");
  }

  @Test
  void rejectsANegativeLine() {
    assertThatThrownBy(() -> new Diagnostic("a", -1, "c", "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line must be 0 (unknown) or positive: -1");
  }
}
