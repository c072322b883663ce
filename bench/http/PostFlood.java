import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@code COUNT} POSTs of {@code BYTES} bytes each to {@code http://127.0.0.1:PORT PATH}, all
 * at once: every client connects, sends its headers and body, and reads the answer's status line.
 * Prints how many got each status and how many failed on the socket. Run on Java 21+ (one virtual
 * thread per client).
 *
 * <pre>
 * java PostFlood.java PORT PATH COUNT BYTES
 * </pre>
 */
public final class PostFlood {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String path = args[1];
    int count = Integer.parseInt(args[2]);
    int bytes = Integer.parseInt(args[3]);
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'x');
    Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    long begun = System.nanoTime();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        clients.submit(() -> {
          String outcome;
          try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(120_000);
            start.await();
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + bytes + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
              for (int sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, bytes - sent));
              }
              out.flush();
            } catch (IOException stoppedReading) {
              // The server may answer (413, 503, 404) and close before the body is all sent.
            }
            outcome = statusLine(socket.getInputStream());
          } catch (IOException | InterruptedException e) {
            outcome = "error: " + e.getClass().getSimpleName();
          }
          outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
          return null;
        });
      }
      start.countDown();
    }
    System.out.printf("%d POSTs of %d bytes to %s in %.1f s: %s%n", count, bytes, path,
        (System.nanoTime() - begun) / 1e9, new TreeMap<>(outcomes));
  }

  /** The status code of the answer, or what went wrong reading it. */
  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      line.append((char) c);
    }
    in.readAllBytes();
    String text = line.toString().trim();
    return text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? text.substring(9, 12) : "no answer";
  }
}
