package dev.next4j.dev;

/** The dev server cannot start, for a reason the user can fix; the message says what and how. */
public final class DevServerException extends Exception {
  private static final long serialVersionUID = 1L;

  DevServerException(String message) {
    super(message);
  }

  DevServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
