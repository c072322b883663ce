package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.TestRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Where handlers run: virtual threads on 21+, a bounded pool on 17, never the dispatcher thread. */
class ServerExecutorsTest {
  @Test
  void virtualThreadsOnJava21AndABoundedPoolBefore() throws Exception {
    boolean java21 = Runtime.version().feature() >= 21;
    ExecutorService executor = ServerExecutors.create();
    try {
      String thread = executor.submit(() -> Thread.currentThread().toString()).get(5, TimeUnit.SECONDS);

      assertThat(ServerExecutors.virtual()).isEqualTo(java21);
      if (java21) {
        assertThat(thread).startsWith("VirtualThread[");
        assertThat(ServerExecutors.describe()).isEqualTo("virtual threads");
      } else {
        assertThat(thread).startsWith("Thread[next4j-http-1,");
        assertThat(executor).isInstanceOf(java.util.concurrent.ThreadPoolExecutor.class);
        assertThat(((java.util.concurrent.ThreadPoolExecutor) executor).getMaximumPoolSize())
            .isEqualTo(ServerExecutors.POOL_THREADS);
        assertThat(ServerExecutors.describe()).isEqualTo("a pool of 200 threads");
      }
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void thePoolKeepsOneThreadForRequestsThatComeOneAtATime() throws Exception {
    ServerExecutors.Pool pool = new ServerExecutors.Pool(ServerExecutors.POOL_THREADS);
    try {
      for (int i = 0; i < 50; i++) {
        pool.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
        // A caller hears the answer before the thread has returned from the task (as a client
        // hears the response before the handler returns); a task sent in between starts a thread.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pool.getActiveCount() > 0 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
      }

      assertThat(pool.getLargestPoolSize()).isEqualTo(1);
      assertThat(pool.getCompletedTaskCount()).isEqualTo(50);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void thePoolAddsAThreadOnlyWhileAllAreBusyAndPastItsSizeTasksWait() throws Exception {
    ServerExecutors.Pool pool = new ServerExecutors.Pool(3);
    CountDownLatch running = new CountDownLatch(3);
    CountDownLatch gate = new CountDownLatch(1);
    try {
      List<Future<String>> tasks = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        tasks.add(pool.submit(() -> {
          running.countDown();
          gate.await();
          return Thread.currentThread().getName();
        }));
      }
      assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

      assertThat(pool.getPoolSize()).isEqualTo(3);
      assertThat(pool.getQueue()).hasSize(2);
      gate.countDown();
      for (Future<String> task : tasks) {
        assertThat(task.get(5, TimeUnit.SECONDS)).startsWith("next4j-http-");
      }
      assertThat(pool.getLargestPoolSize()).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void pagesNeverRunOnTheJdkDispatcherThread() {
    RouteTable table = TestRoutes.table(TestRoutes.page("/", r -> new TestSite.None(),
        (r, p) -> Response.text(Thread.currentThread().getName())));
    try (Served served = Served.start(NextApp.create(table, NextConfig.defaults(),
        NextOptions.builder().hostname("127.0.0.1").port(0).build()))) {
      String thread = served.get("/").body();

      // The JDK's dispatcher thread is "HTTP-Dispatcher"; virtual threads have no name.
      if (ServerExecutors.virtual()) {
        assertThat(thread).isEmpty();
      } else {
        assertThat(thread).startsWith("next4j-http-");
      }
    }
  }

  @Test
  void jdkServerSettingsAreInForceOnceAnAppIsPrepared() {
    try (NextApp app = TestSite.app(NextConfig.defaults())) {
      assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
      assertThat(System.getProperty("sun.net.httpserver.maxReqHeaders")).isEqualTo("200");
      assertThat(System.getProperty("sun.net.httpserver.maxReqHeaderSize")).isEqualTo("65536");
      assertThat(System.getProperty("sun.net.httpserver.idleInterval")).isEqualTo("15");
      assertThat(System.getProperty("sun.net.httpserver.drainAmount")).isEqualTo("0");
      assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isEqualTo("20");
    }
  }
}
