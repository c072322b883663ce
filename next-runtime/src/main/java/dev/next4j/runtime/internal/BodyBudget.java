package dev.next4j.runtime.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The request-body bytes one app holds in memory across all requests in flight, bounded by {@code
 * NextOptions.bodyBufferBytes()}: each {@link BodyStream} reserves the bytes it hands out here and
 * gives them back when its request's response is written.
 */
final class BodyBudget {
  private final long capacity;
  private final AtomicLong used = new AtomicLong();

  BodyBudget(long capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a body budget needs 1 byte or more: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Takes {@code bytes} from the budget; false, taking nothing, when that would pass its capacity. */
  boolean reserve(long bytes) {
    while (true) {
      long now = used.get();
      if (now + bytes > capacity) {
        return false;
      }
      if (used.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  /** Gives back {@code bytes} taken with {@link #reserve}. */
  void release(long bytes) {
    used.addAndGet(-bytes);
  }

  /** The bytes reserved now. */
  long used() {
    return used.get();
  }

  /**
   * Thrown to the route that reads a body past the budget; the dispatcher answers it with 503 and
   * {@code Retry-After}: the server is busy, the request itself is fine.
   */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted(long capacity) {
      super("the server holds its most request-body bytes in memory already (" + capacity
          + ", NextOptions.bodyBufferBytes); try again shortly");
    }
  }

  /** The most bytes that can be reserved at once. */
  long capacity() {
    return capacity;
  }
}
