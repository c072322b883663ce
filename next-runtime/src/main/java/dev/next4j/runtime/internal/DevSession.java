package dev.next4j.runtime.internal;

/**
 * What the dev server ({@code next:run}) offers a dev-mode app: the route table to serve now, or
 * the build problem that stops it, and a signal when that changes. The dev server installs one
 * through {@link DevMode#install} before the app starts.
 */
public interface DevSession {
  /** Waits while a reload is under way, then returns what to serve now. */
  DevState current() throws InterruptedException;

  /**
   * Calls {@code listener} after every change of state (a good swap, or a new build problem);
   * closing the handle unregisters it.
   */
  AutoCloseable onChange(Runnable listener);
}
