package dev.next4j.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Lends {@link RespConnection}s to one caller at a time: an idle one when there is one, else a new
 * one. A connection that failed is closed, never lent again; at most {@code maxIdle} wait idle.
 */
final class RespPool implements AutoCloseable {
  private final RedisAddress address;
  private final Duration timeout;
  private final BlockingQueue<RespConnection> idle;
  private volatile boolean closed;

  RespPool(RedisAddress address, Duration timeout, int maxIdle) {
    this.address = address;
    this.timeout = timeout;
    this.idle = new ArrayBlockingQueue<>(maxIdle);
  }

  /** Sends one command on a lent connection and returns its reply (see {@link RespConnection#readReply}). */
  Object call(Object... args) throws IOException {
    if (closed) {
      throw new IOException("the Redis page cache was closed");
    }
    RespConnection connection = idle.poll();
    if (connection == null) {
      connection = RespConnection.open(address, timeout);
    }
    boolean healthy = false;
    try {
      Object reply = connection.call(args);
      healthy = true;
      return reply;
    } catch (RespConnection.ErrorReply e) {
      // Redis answered: the connection is still in step with it.
      healthy = true;
      throw e;
    } finally {
      if (!healthy) {
        // The server went away or out of step: the idle connections are as dead as this one.
        connection.close();
        discardIdle();
      } else if (closed || !idle.offer(connection)) {
        connection.close();
      }
    }
  }

  RedisAddress address() {
    return address;
  }

  @Override
  public void close() {
    closed = true;
    discardIdle();
  }

  private void discardIdle() {
    RespConnection connection;
    while ((connection = idle.poll()) != null) {
      connection.close();
    }
  }
}
