package dev.next4j.maven;

/**
 * A {@code <condition>} of {@code <has>} or {@code <missing>}: {@code <type>} (header, cookie,
 * query or host), {@code <key>} (not for host) and an optional {@code <value>}, a regular
 * expression the whole value must match.
 */
public class Condition {
  String type;
  String key;
  String value;
}
