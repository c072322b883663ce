package dev.next4j.build;

/**
 * A mistake in the user's project or command that stops the build: the message says what is
 * wrong, where, and what to do, in one line. Goals report it as a build failure without a stack
 * trace.
 */
public final class BuildException extends Exception {
  private static final long serialVersionUID = 1L;

  public BuildException(String message) {
    super(message);
  }
}
