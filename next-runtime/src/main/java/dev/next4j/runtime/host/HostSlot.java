package dev.next4j.runtime.host;

import java.util.Objects;
import java.util.Optional;

/**
 * The one place a host is installed. A dev-mode app reads it once, when it is created; outside
 * {@code next:run} it is empty, and apps serve their own table.
 */
public final class HostSlot {
  private static volatile AppHost host;

  private HostSlot() {}

  /** Makes {@code host} the one dev-mode apps made from now on attach to, replacing any earlier one. */
  public static void install(AppHost host) {
    HostSlot.host = Objects.requireNonNull(host, "host");
  }

  /** Empties the slot; apps made before keep the host they attached to. */
  public static void uninstall() {
    host = null;
  }

  /** The installed host, if any. */
  public static Optional<AppHost> installed() {
    return Optional.ofNullable(host);
  }
}
