package dev.next4j.runtime.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
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

  /** Seconds an idle thread of the pool waits for work before it ends. */
  static final long IDLE_SECONDS = 60;

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
    return new Pool(POOL_THREADS);
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

  /**
   * The pool of Java 17: up to {@code threads} daemon threads named {@code next4j-http-N}, a new one
   * only when every thread it has is busy, each ending after {@link #IDLE_SECONDS} idle; with all
   * of them busy, tasks wait in line. A {@code ThreadPoolExecutor} with that many core threads
   * would start a thread for each of its first tasks, idle threads or not: 200 sequential requests
   * left 200 threads, about 22 MiB of touched stacks, behind. A thread counts as busy until its
   * task returned, so a request that arrives while the previous one's handler is still returning
   * starts another thread: on a loaded machine, sequential requests may keep a few.
   */
  static final class Pool extends ThreadPoolExecutor {
    /** Tasks handed to {@link #execute} and not yet finished, the running and the waiting. */
    private final AtomicInteger unfinished = new AtomicInteger();

    Pool(int threads) {
      super(0, threads, IDLE_SECONDS, TimeUnit.SECONDS, new Line(), new Threads(), new WaitInLine());
      ((Line) getQueue()).pool = this;
    }

    @Override
    public void execute(Runnable task) {
      unfinished.incrementAndGet();
      try {
        super.execute(task);
      } catch (RuntimeException | Error e) {
        unfinished.decrementAndGet();
        throw e;
      }
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
      unfinished.decrementAndGet();
    }
  }

  /**
   * The pool's queue: a task waits in it only when a thread is free to take it, or when no thread
   * may be added; otherwise {@link #offer} says no and the pool starts a thread for it.
   */
  private static final class Line extends LinkedBlockingQueue<Runnable> {
    private transient Pool pool;

    @Override
    public boolean offer(Runnable task) {
      int threads = pool.getPoolSize();
      if (pool.unfinished.get() <= threads || threads >= pool.getMaximumPoolSize()) {
        return super.offer(task);
      }
      return false;
    }

    /** Queues {@code task} whatever the threads do. */
    boolean force(Runnable task) {
      return super.offer(task);
    }
  }

  /** Threads filled up between the queue's no and the pool's attempt to add one: the task waits. */
  private static final class WaitInLine implements RejectedExecutionHandler {
    @Override
    public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
      if (pool.isShutdown() || !((Line) pool.getQueue()).force(task)) {
        throw new RejectedExecutionException("the server's handler pool is shut down");
      }
    }
  }

  /** Daemon threads named {@code next4j-http-1}, {@code -2}, ... */
  private static final class Threads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "next4j-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
