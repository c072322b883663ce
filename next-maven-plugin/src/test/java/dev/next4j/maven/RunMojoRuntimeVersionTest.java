package dev.next4j.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** next:run shares the plugin's next-runtime with the app, so the two versions must be one. */
class RunMojoRuntimeVersionTest {
  @Test
  void theSameVersionPasses() {
    assertThatCode(() -> RunMojo.checkRuntimeVersion("0.1.0-SNAPSHOT", "0.1.0-SNAPSHOT")).doesNotThrowAnyException();
  }

  @Test
  void anotherVersionFailsNamingBothAndTheFix() {
    assertThatThrownBy(() -> RunMojo.checkRuntimeVersion("0.0.9", "0.1.0"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("next:run serves the app on the next-maven-plugin's own next-runtime 0.1.0 (the dev server and "
            + "the app share one copy of the runtime), but the project depends on next-runtime 0.0.9: use one version "
            + "for both, e.g. <version>0.1.0</version> on the next-runtime dependency, or the plugin of version 0.0.9.");
  }
}
