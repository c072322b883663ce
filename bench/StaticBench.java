import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Throughput of two paths of one running server, measured in alternating rounds in one run so that
 * both share the machine's noise: {@code java StaticBench.java <port> <pathA> <pathB> <rounds>
 * <seconds per round> <threads>}. Each round runs {@code threads} keep-alive clients against one
 * path; prints each round and the median requests/s of each path.
 */
public final class StaticBench {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String[] paths = {args[1], args[2]};
    int rounds = Integer.parseInt(args[3]);
    double seconds = Double.parseDouble(args[4]);
    int threads = Integer.parseInt(args[5]);
    for (String path : paths) {
      round(port, path, 2, threads); // warm-up: JIT and connections
    }
    List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
    for (int r = 0; r < rounds; r++) {
      for (int p = 0; p < 2; p++) {
        double rate = round(port, paths[p], seconds, threads);
        rates.get(p).add(rate);
        System.out.printf("round %d %-24s %10.0f req/s%n", r + 1, paths[p], rate);
      }
    }
    for (int p = 0; p < 2; p++) {
      double[] sorted = rates.get(p).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf("median %-24s %10.0f req/s (min %.0f, max %.0f)%n", paths[p], sorted[sorted.length / 2],
          sorted[0], sorted[sorted.length - 1]);
    }
  }

  private static double round(int port, String path, double seconds, int threads) throws Exception {
    LongAdder done = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
    byte[] buffer = new byte[16384];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        byte[] local = Arrays.copyOf(buffer, buffer.length);
        while (!stop.get()) {
          try {
            HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
            if (c.getResponseCode() != 200) {
              throw new IllegalStateException(path + " answered " + c.getResponseCode());
            }
            try (InputStream in = c.getInputStream()) {
              while (in.read(local) >= 0) {
                // drain, so the connection is kept alive
              }
            }
            done.increment();
          } catch (java.io.IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
            return;
          }
        }
      });
      workers[t].start();
    }
    long begun = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a client failed on " + path + "; the round does not count", failure.get());
    }
    return done.sum() / ((System.nanoTime() - begun) / 1e9);
  }
}
