package dev.next4j.runtime.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * The one static holder of the {@link DevSession}: the dev server installs it before the app
 * starts, and a dev-mode app asks for it on every request. Outside {@code next:run} it stays
 * empty, and a dev-mode app serves its own route table.
 */
public final class DevMode {
  private static volatile DevSession session;

  private DevMode() {}

  /** Makes {@code session} the one dev-mode apps serve from, replacing any earlier one. */
  public static void install(DevSession session) {
    DevMode.session = Objects.requireNonNull(session, "session");
  }

  /** The installed session, if any. */
  public static Optional<DevSession> session() {
    return Optional.ofNullable(session);
  }

  /** Removes the installed session. */
  public static void uninstall() {
    session = null;
  }
}
