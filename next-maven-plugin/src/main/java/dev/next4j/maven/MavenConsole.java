package dev.next4j.maven;

import dev.next4j.dev.DevLog;
import java.io.PrintStream;
import org.apache.maven.plugin.logging.Log;

/**
 * {@code next:run}'s terminal. On a terminal its lines go through Maven's log, which colours the
 * level. When the output is not a terminal (no {@link System#console()}, {@code TERM=dumb}, or
 * {@code NO_COLOR} set, see https://no-color.org), they are written plain, {@code [INFO] line},
 * straight to the output, since Maven 3.8 colours its log whatever the output is. The levels Maven
 * was asked for ({@code -q}, {@code -e}) apply either way.
 *
 * <p>The ready line (with the URL and the route count) is written even under {@code mvn -q}: {@code
 * -q} silences Maven's log below errors, so that line goes to the output directly, without a level.
 * The {@code ESC[0m} sequences Maven 3.8 writes to standard error as it starts come before any
 * plugin runs; {@code -B} or a later Maven leaves them out.
 */
final class MavenConsole implements DevLog {
  private final Log log;
  private final PrintStream out;
  private final boolean terminal;

  MavenConsole(Log log, PrintStream out, boolean terminal) {
    this.log = log;
    this.out = out;
    this.terminal = terminal;
  }

  /**
   * Whether the output may carry colours: a console is attached, {@code TERM} is not {@code dumb}
   * and {@code NO_COLOR} is unset or empty.
   */
  static boolean isTerminal(boolean console, String term, String noColor) {
    return console && !"dumb".equals(term) && (noColor == null || noColor.isEmpty());
  }

  @Override
  public void info(String line) {
    if (!log.isInfoEnabled()) {
      return;
    }
    if (terminal) {
      log.info(line);
    } else {
      out.println("[INFO] " + line);
    }
  }

  @Override
  public void warn(String line) {
    if (!log.isWarnEnabled()) {
      return;
    }
    if (terminal) {
      log.warn(line);
    } else {
      out.println("[WARNING] " + line);
    }
  }

  @Override
  public void error(String line) {
    if (terminal) {
      log.error(line);
    } else {
      out.println("[ERROR] " + line);
    }
  }

  @Override
  public void ready(String line) {
    if (log.isInfoEnabled()) {
      info(line);
    } else {
      out.println(line);
    }
  }
}
