package dev.next4j.image;

/**
 * A problem with the image's inputs or its base or target that the user can fix: the message says
 * what is wrong and what to do, in one line.
 */
public final class ImageException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImageException(String message) {
    super(message);
  }

  public ImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
