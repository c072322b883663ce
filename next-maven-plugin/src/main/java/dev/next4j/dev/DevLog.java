package dev.next4j.dev;

/** Where the dev server writes its terminal lines; {@code next:run} passes Maven's log. */
public interface DevLog {
  void info(String line);

  void warn(String line);

  void error(String line);

  /**
   * The line that says the server is ready, with its URL and route count: the one line a user must
   * see even when Maven is quiet ({@code mvn -q}), so it is written where {@code -q} does not
   * silence it.
   */
  void ready(String line);
}
