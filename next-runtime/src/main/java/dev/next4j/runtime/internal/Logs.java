package dev.next4j.runtime.internal;

/**
 * The runtime's one logger, {@code dev.next4j}, made on first use: finding the platform's logger
 * starts {@code java.util.logging}, which a server that logs nothing need not pay for at startup.
 */
final class Logs {
  static final System.Logger LOG = System.getLogger("dev.next4j");

  private Logs() {}
}
