package dev.next4j.runtime.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor request handlers run on, never the JDK server's dispatcher thread: a virtual thread
 * per request on Java 21 and newer, a bounded pool of platform threads on 17. The bytecode targets
 * 17, so the virtual-thread factory is found at run time with one {@link MethodHandle} lookup of a
 * public JDK method (no {@code java.lang.reflect}).
 */
final class ServerExecutors {
  /** Threads of the pool on Java 17: a request reading its headers or body holds one until maxReqTime. */
  static final int POOL_THREADS = 200;

  private static final MethodHandle VIRTUAL = findVirtualFactory();

  private ServerExecutors() {}

  /** A new executor for one server's handlers. */
  static ExecutorService create() {
    if (VIRTUAL != null) {
      try {
        return (ExecutorService) VIRTUAL.invokeExact();
      } catch (Throwable e) {
        // Not expected on a JDK that has the method; the pool below serves as well, only heavier.
      }
    }
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads = task -> {
      Thread thread = new Thread(task, "next4j-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(POOL_THREADS, POOL_THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** What {@link #create()} makes on this JVM, for logs: "virtual threads" or the pool's size. */
  static String describe() {
    return VIRTUAL != null ? "virtual threads" : "a pool of " + POOL_THREADS + " threads";
  }

  /** Whether this JVM runs handlers on virtual threads. */
  static boolean virtual() {
    return VIRTUAL != null;
  }

  private static MethodHandle findVirtualFactory() {
    try {
      return MethodHandles.publicLookup()
          .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }
}
