package dev.next4j.redis;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection to a Redis server speaking RESP2, Redis's wire protocol: a command is an array
 * of bulk strings, a reply is a simple string, an error, an integer, a bulk string (null: {@code
 * $-1}) or an array. Only what {@link RedisPageCache} sends is needed, so this is the whole client.
 * Not safe for concurrent use: {@link RespPool} lends each connection to one caller at a time.
 *
 * <pre>{@code
 * try (RespConnection redis = RespConnection.open(new RedisAddress("127.0.0.1", 6379, null, null, 0), Duration.ofSeconds(2))) {
 *   redis.call("SET", "k", "v");            // "OK"
 *   byte[] v = (byte[]) redis.call("GET", "k");
 * }
 * }</pre>
 */
final class RespConnection implements AutoCloseable {
  /** The longest reply line (a status, an error, a length) this client reads before it gives up. */
  private static final int MAX_LINE = 64 * 1024;
  /** The largest bulk reply it accepts: Redis's own limit for one string is 512 MiB. */
  private static final long MAX_BULK = 512L * 1024 * 1024;

  /** An error reply ({@code -ERR …}, {@code -NOAUTH …}): Redis answered, and said no. */
  static final class ErrorReply extends IOException {
    ErrorReply(String message) {
      super(message);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RespConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
  }

  /**
   * Connects to {@code address} within {@code timeout} (also the limit for each reply), then
   * authenticates and selects its database when the address says so.
   */
  static RespConnection open(RedisAddress address, java.time.Duration timeout) throws IOException {
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(address.host(), address.port()), millis);
      socket.setSoTimeout(millis);
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      RespConnection connection = new RespConnection(socket);
      if (address.password() != null) {
        if (address.user() != null) {
          connection.call("AUTH", address.user(), address.password());
        } else {
          connection.call("AUTH", address.password());
        }
      }
      if (address.database() != 0) {
        connection.call("SELECT", Integer.toString(address.database()));
      }
      return connection;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends one command and reads its reply; arguments are strings (UTF-8) or byte arrays. */
  Object call(Object... args) throws IOException {
    writeCommand(args);
    out.flush();
    return readReply();
  }

  private void writeCommand(Object... args) throws IOException {
    out.write('*');
    writeNumber(args.length);
    for (Object arg : args) {
      byte[] bytes = arg instanceof byte[] raw ? raw : arg.toString().getBytes(StandardCharsets.UTF_8);
      out.write('$');
      writeNumber(bytes.length);
      out.write(bytes);
      out.write('\r');
      out.write('\n');
    }
  }

  private void writeNumber(long n) throws IOException {
    out.write(Long.toString(n).getBytes(StandardCharsets.US_ASCII));
    out.write('\r');
    out.write('\n');
  }

  /**
   * Reads one reply: a {@code String} (simple string), a {@code Long}, a {@code byte[]} (bulk), a
   * {@code List<Object>} (array), or {@code null} (null bulk or array). An error reply throws
   * {@link ErrorReply}; anything that is not RESP throws an {@link IOException} saying what came.
   */
  Object readReply() throws IOException {
    int type = in.read();
    if (type < 0) {
      throw new EOFException("Redis closed the connection");
    }
    String line = readLine();
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new ErrorReply(line);
      case ':':
        return parseLength(line, "integer");
      case '$': {
        long length = parseLength(line, "bulk length");
        if (length < 0) {
          return null;
        }
        if (length > MAX_BULK) {
          throw new IOException("Redis sent a bulk reply of " + length + " bytes, over the 512 MiB a string may hold");
        }
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length != length || in.read() != '\r' || in.read() != '\n') {
          throw new EOFException("Redis's bulk reply ended early (" + bytes.length + " of " + length + " bytes)");
        }
        return bytes;
      }
      case '*': {
        long count = parseLength(line, "array length");
        if (count < 0) {
          return null;
        }
        List<Object> items = new ArrayList<>((int) Math.min(count, 1024));
        for (long i = 0; i < count; i++) {
          items.add(readReply());
        }
        return items;
      }
      default:
        throw new IOException("not a RESP reply: it starts with byte " + type + " ('" + (char) type + "'), then \"" + line + "\"");
    }
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("Redis closed the connection in the middle of a reply");
      }
      if (c == '\r') {
        if (in.read() != '\n') {
          throw new IOException("a RESP line must end with CRLF: \"" + line + "\\r\" is followed by another byte");
        }
        return line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new IOException("a RESP reply line longer than " + MAX_LINE + " bytes");
      }
      line.append((char) c);
    }
  }

  private static long parseLength(String line, String what) throws IOException {
    try {
      return Long.parseLong(line);
    } catch (NumberFormatException e) {
      throw new IOException("not a RESP " + what + ": \"" + line + "\"");
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing a socket we are done with: nothing to do when it fails.
    }
  }
}
