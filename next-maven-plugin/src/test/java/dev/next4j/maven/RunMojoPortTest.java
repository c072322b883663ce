package dev.next4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** Where next:run takes its port from: -Dnext.port, then PORT, then 3000. */
class RunMojoPortTest {
  @Test
  void theDefaultIs3000() throws MojoFailureException {
    assertThat(RunMojo.port(null, null)).isEqualTo(3000);
    assertThat(RunMojo.port("", " ")).isEqualTo(3000);
  }

  @Test
  void thePropertyWinsOverTheEnvironment() throws MojoFailureException {
    assertThat(RunMojo.port("8080", "9090")).isEqualTo(8080);
  }

  @Test
  void theEnvironmentIsUsedWithoutAProperty() throws MojoFailureException {
    assertThat(RunMojo.port(null, "9090")).isEqualTo(9090);
  }

  @Test
  void aBadValueIsOneLineNamingWhereItCameFrom() {
    assertThatThrownBy(() -> RunMojo.port("http", null))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("[next.invalid-port] next.port must be a port number from 0 to 65535: \"http\"");
    assertThatThrownBy(() -> RunMojo.port(null, "70000"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("[next.invalid-port] PORT must be a port number from 0 to 65535: \"70000\"");
  }
}
