package dev.next4j.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * A {@code next:run} session across changes of {@code pom.xml}: the {@link DevServer} serving now,
 * and, when the pom changes, the project read again through a {@link ProjectReader} (dependencies,
 * resources, compiler options, annotation processors, the plugin's configuration) and a new server
 * put in place of the old one on the same port ({@link DevServer#replace}). The old server answers
 * until the new one has built; the browsers' live-reload streams reconnect to the new one and
 * reload.
 *
 * <p>A pom that does not parse or resolve changes nothing: its error goes to the log and to the
 * browser's error page (at {@code pom.xml}), the app keeps serving on its port, and the next save
 * of the pom that reads is applied. A custom server ({@code <mainClass>}) binds its port itself, so
 * it cannot be replaced in place: with one, a pom change only says that a restart applies it.
 *
 * <pre>{@code
 * DevRunner runner = DevRunner.start(settings, () -> readTheProjectAgain());
 * runner.awaitClose();    // until close(), e.g. from a shutdown hook
 * }</pre>
 */
public final class DevRunner implements AutoCloseable {
  /** Reads the project again, as its {@code pom.xml} says now. */
  @FunctionalInterface
  public interface ProjectReader {
    /**
     * The dev server's settings for the project as its pom says now.
     *
     * @throws ProjectError when the pom does not parse, is not a valid model, or its dependencies
     *     or the plugin's configuration cannot be resolved
     */
    DevSettings read() throws ProjectError;
  }

  /** Why the pom could not be read: what, and the pom's line when known. */
  public static final class ProjectError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    /**
     * @param message what is wrong, in one or a few lines
     * @param line the 1-based line of {@code pom.xml} at fault, or 0 when unknown
     */
    public ProjectError(String message, int line) {
      super(message);
      this.line = Math.max(0, line);
    }

    /** The 1-based line of {@code pom.xml} at fault, or 0 when unknown. */
    public int line() {
      return line;
    }
  }

  private final ProjectReader reader;
  private final Path pom;
  private final DevLog log;
  private final Semaphore pomChanges = new Semaphore(0);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Object restarting = new Object();
  private final Thread restarter;
  private volatile DevServer server;

  private DevRunner(DevSettings settings, ProjectReader reader) {
    this.reader = reader;
    this.pom = settings.projectDir().resolve("pom.xml");
    this.log = settings.log();
    this.restarter = new Thread(this::restartLoop, "next-dev-restart");
    this.restarter.setDaemon(true);
  }

  /**
   * Starts serving {@code settings} as {@link DevServer#start(DevSettings)} does, and from then on
   * applies each change of {@code pom.xml} read through {@code reader}.
   *
   * @throws DevServerException when the port is taken or there is no Java compiler
   */
  public static DevRunner start(DevSettings settings, ProjectReader reader) throws DevServerException, IOException {
    DevRunner runner = new DevRunner(settings, reader);
    runner.server = DevServer.start(settings, runner.pomChanges::release);
    runner.restarter.start();
    return runner;
  }

  /** The port served on; the same after every restart. */
  public int port() {
    return server.port();
  }

  /** Blocks until {@link #close()} is called, or a restart failed so that nothing serves any more. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops serving and watching, and frees the port; waits for a restart under way. Idempotent. */
  @Override
  public void close() {
    restarter.interrupt();
    synchronized (restarting) {
      server.close();
      closed.countDown();
    }
  }

  private void restartLoop() {
    try {
      while (true) {
        pomChanges.acquire();
        pomChanges.drainPermits(); // one restart for a burst of saves
        synchronized (restarting) {
          if (closed.getCount() == 0) {
            return;
          }
          restart();
        }
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads the project again and, when it reads, replaces the server; else shows why it does not. */
  private void restart() {
    DevServer current = server;
    byte[] read = pomBytes();
    DevSettings settings;
    try {
      settings = reader.read();
    } catch (ProjectError e) {
      current.show(new DevProblem(Problems.POM_ERROR, "pom.xml", e.line(),
          "pom.xml was not applied: " + firstLine(e.getMessage()),
          e.getMessage() + "\nThe app goes on as it was before this change; the next save of pom.xml that reads is applied.\n"));
      return;
    }
    log.info("pom.xml changed: restarting with the project as it reads now");
    try {
      server = DevServer.replace(current, settings, pomChanges::release);
    } catch (DevServerException | IOException | RuntimeException e) {
      log.error("next:run could not restart after the pom.xml change, and stops: " + e.getMessage());
      closed.countDown();
      return;
    }
    if (!Arrays.equals(read, pomBytes())) {
      pomChanges.release(); // saved again while the new server started: apply that too
    }
  }

  private byte[] pomBytes() {
    try {
      return Files.readAllBytes(pom);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static String firstLine(String text) {
    String trimmed = text == null ? "" : text.strip();
    int end = trimmed.indexOf('\n');
    return end < 0 ? trimmed : trimmed.substring(0, end);
  }
}
