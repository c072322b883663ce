package dev.next4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class MavenConsoleTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** Maven's log at a level: {@code quiet} is {@code mvn -q} (errors only). */
  private static final class RecordingLog extends SystemStreamLog {
    final List<String> lines = new ArrayList<>();
    final boolean quiet;

    RecordingLog(boolean quiet) {
      this.quiet = quiet;
    }

    @Override
    public boolean isInfoEnabled() {
      return !quiet;
    }

    @Override
    public boolean isWarnEnabled() {
      return !quiet;
    }

    @Override
    public void info(CharSequence line) {
      lines.add("info " + line);
    }

    @Override
    public void warn(CharSequence line) {
      lines.add("warn " + line);
    }

    @Override
    public void error(CharSequence line) {
      lines.add("error " + line);
    }
  }

  @Test
  void aTerminalIsAConsoleThatIsNotDumbWithoutNoColor() {
    assertThat(MavenConsole.isTerminal(true, "xterm-256color", null)).isTrue();
    assertThat(MavenConsole.isTerminal(true, null, "")).isTrue();
    assertThat(MavenConsole.isTerminal(false, "xterm", null)).isFalse();
    assertThat(MavenConsole.isTerminal(true, "dumb", null)).isFalse();
    assertThat(MavenConsole.isTerminal(true, "xterm", "1")).isFalse();
  }

  @Test
  void onATerminalLinesGoThroughMavensLog() {
    RecordingLog log = new RecordingLog(false);
    MavenConsole console = new MavenConsole(log, out, true);

    console.info("a");
    console.warn("b");
    console.error("c");
    console.ready("next4j dev server ready on http://localhost:3000 (2 routes, started in 9 ms)");

    assertThat(log.lines).containsExactly("info a", "warn b", "error c",
        "info next4j dev server ready on http://localhost:3000 (2 routes, started in 9 ms)");
    assertThat(output()).isEmpty();
  }

  @Test
  void offATerminalLinesArePlainWithoutEscapeCodes() {
    RecordingLog log = new RecordingLog(false);
    MavenConsole console = new MavenConsole(log, out, false);

    console.info("a");
    console.warn("b");
    console.error("c");
    console.ready("ready");

    assertThat(log.lines).isEmpty();
    assertThat(output()).isEqualTo("[INFO] a\n[WARNING] b\n[ERROR] c\n[INFO] ready\n").doesNotContain("\u001b");
  }

  @Test
  void underQuietOnlyErrorsAndTheReadyLineAreWritten() {
    RecordingLog log = new RecordingLog(true);
    MavenConsole console = new MavenConsole(log, out, true);

    console.info("a");
    console.warn("b");
    console.error("c");
    console.ready("next4j dev server ready on http://localhost:3000 (1 route, started in 9 ms)");

    assertThat(log.lines).containsExactly("error c");
    assertThat(output()).isEqualTo("next4j dev server ready on http://localhost:3000 (1 route, started in 9 ms)\n");
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
