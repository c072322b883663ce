package dev.next4j.dev;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the dev server serves, swapped by the reload thread and read by every request through
 * {@link DevHost}. A request that arrives while a reload is under way waits for it, so no one is served the page
 * as it was before a save they already made.
 */
final class Session {
  /** How long a request waits for a reload before it is served what there is. */
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private DevState state =
      new DevState.Broken(new DevProblem("Starting", "", 0, "The dev server is still starting.", ""));
  private boolean reloading = true;
  private final long epoch;
  private long publishes;

  /** A session whose live-reload versions count from 0. */
  Session() {
    this(0);
  }

  /**
   * A session whose live-reload versions count from {@code epoch}: a session that replaces another
   * (a pom change) starts past every version the other gave out, so a tab that reconnects reloads.
   */
  Session(long epoch) {
    this.epoch = epoch;
  }

  /** The first live-reload version of this session's apps. */
  long epoch() {
    return epoch;
  }

  /** An epoch for a session that replaces this one: greater than any version this one gave out. */
  synchronized long nextEpoch() {
    return epoch + publishes + 1;
  }

  /** Waits while a reload is under way (at most a minute), then returns what to serve now. */
  synchronized DevState current() throws InterruptedException {
    long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
    long left;
    while (reloading && (left = deadline - System.nanoTime()) > 0) {
      wait(left / 1_000_000 + 1);
    }
    return state;
  }

  /** The state now, without waiting for a reload under way. */
  synchronized DevState peek() {
    return state;
  }

  /**
   * Calls {@code listener} after every change of state (a good swap, or a new build problem);
   * closing the handle unregisters it.
   */
  AutoCloseable onChange(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** A reload begins: requests wait from now on. */
  synchronized void reloading() {
    reloading = true;
  }

  /** The reload found nothing to do: requests go on with the state they had. */
  synchronized void unchanged() {
    reloading = false;
    notifyAll();
  }

  /** The reload ended in {@code next}: requests get it, and listeners (live reload) hear of it. */
  void publish(DevState next) {
    synchronized (this) {
      state = next;
      publishes++;
      reloading = false;
      notifyAll();
    }
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        // one broken listener (a closed browser tab) must not keep the others from hearing
      }
    }
  }
}
