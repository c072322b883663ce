package dev.next4j.build;

import dev.next4j.codegen.Messages;

/**
 * A mistake in the user's project or command that stops the build: the message says what is
 * wrong, where, and what to do, in one line that starts with its stable code ({@code
 * [next.main-class-not-found] <mainClass> com.acme.Servr is not a class of this project: ...}).
 * Goals report it as a build failure without a stack trace.
 */
public final class BuildException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;

  public BuildException(Messages.Problem problem) {
    super(problem.text());
    this.code = problem.code();
  }

  /** The stable code, e.g. {@code next.main-class-not-found}. */
  public String code() {
    return code;
  }
}
