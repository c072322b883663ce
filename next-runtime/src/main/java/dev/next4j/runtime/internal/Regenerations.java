package dev.next4j.runtime.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Where static pages regenerate in the background: daemon threads, made as needed, shared by all
 * apps. The pool is made on the first regeneration, not at startup: most apps never regenerate.
 */
final class Regenerations implements Executor {
  static final Regenerations EXECUTOR = new Regenerations();

  private Regenerations() {}

  @Override
  public void execute(Runnable task) {
    Pool.THREADS.execute(task);
  }

  /** Holds the pool, so that loading {@link Regenerations} does not make it. */
  private static final class Pool implements ThreadFactory {
    static final ExecutorService THREADS = Executors.newCachedThreadPool(new Pool());

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "next4j-regenerate");
      thread.setDaemon(true);
      return thread;
    }
  }
}
