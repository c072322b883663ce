package dev.next4j.runtime.internal;

import java.util.Objects;
import java.util.Optional;

/** The one static holder of the dev session, set by the dev server before the app starts. */
public final class DevMode {
  private static volatile DevSession session;

  private DevMode() {}

  public static void install(DevSession session) {
    DevMode.session = Objects.requireNonNull(session, "session");
  }

  public static Optional<DevSession> session() {
    return Optional.ofNullable(session);
  }

  public static void uninstall() {
    session = null;
  }
}
