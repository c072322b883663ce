package dev.next4j.runtime.internal;

import dev.next4j.runtime.HttpException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request's body as its route reads it, straight from the connection: nothing is read before a
 * route asks ({@code Request.body()}, {@code json}, {@code form}). It stops a body over the app's
 * body limit with a 413 (a chunked body has no length to refuse up front), and counts every byte
 * it hands out against the app's {@link BodyBudget}: a read that would pass the budget throws
 * {@link BodyBudget.Exhausted}, which the dispatcher answers with 503. The binding gives the bytes back with {@link #release()} once the response is written, and
 * before that reads what the route left unread with {@link #drain(long)}, so that a kept-alive
 * connection's next request starts where this body ends.
 *
 * <p>Closing it does not close the connection's stream: the binding owns that.
 */
final class BodyStream extends InputStream {
  private final InputStream in;
  private final long limit;
  private final BodyBudget budget;
  private long read;
  private long reserved;
  private boolean eof;

  /** The body in {@code in}, at most {@code limit} bytes, its bytes counted against {@code budget}. */
  BodyStream(InputStream in, long limit, BodyBudget budget) {
    this.in = in;
    this.limit = limit;
    this.budget = budget;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (eof) {
      return -1;
    }
    // One byte past the limit is read to tell a body of exactly the limit from a longer one.
    int want = (int) Math.min(length, limit - read + 1);
    int n = in.read(buffer, offset, want);
    if (n < 0) {
      eof = true;
      return -1;
    }
    read += n;
    if (read > limit) {
      throw HttpException.tooLarge("the request body is over the limit of " + limit + " bytes");
    }
    if (!budget.reserve(n)) {
      throw new BodyBudget.Exhausted(budget.capacity());
    }
    reserved += n;
    return n;
  }

  /** Bytes handed out so far. */
  long bytesRead() {
    return read;
  }

  /**
   * Reads and drops what is left of the body, at most {@code max} bytes (they count against no
   * budget); true when the body's end was reached, so the connection may carry another request.
   */
  boolean drain(long max) {
    if (eof) {
      return true;
    }
    byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, max))];
    long left = max;
    try {
      while (left >= 0) {
        int n = in.read(scratch, 0, (int) Math.min(scratch.length, left + 1));
        if (n < 0) {
          eof = true;
          return true;
        }
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // A broken body: the connection closes after the response.
    }
    return false;
  }

  /** Gives the bytes this body took back to the budget; called once the response is written. */
  void release() {
    budget.release(reserved);
    reserved = 0;
  }

  @Override
  public void close() {
    // The connection's stream belongs to the binding, which drains or closes it.
  }
}
