package dev.next4j.dev;

/** Where the dev server writes its terminal lines; {@code next:run} passes Maven's log. */
public interface DevLog {
  void info(String line);

  void warn(String line);

  void error(String line);
}
