package dev.next4j.runtime.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Where static pages regenerate in the background: daemon threads, made as needed, shared by all apps. */
final class Regenerations {
  static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "next4j-regenerate");
    thread.setDaemon(true);
    return thread;
  });

  private Regenerations() {}
}
