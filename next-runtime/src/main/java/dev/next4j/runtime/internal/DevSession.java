package dev.next4j.runtime.internal;

/** What a dev server offers the app it runs: the state to serve now, and news of every change. */
public interface DevSession {
  /** Waits while a reload is under way, then returns what to serve now. */
  DevState current() throws InterruptedException;

  /** Calls listener after every change of state (a good swap, or a new build problem); closing the handle unregisters. */
  AutoCloseable onChange(Runnable listener);
}
