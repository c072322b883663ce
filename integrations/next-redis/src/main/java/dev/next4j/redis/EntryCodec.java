package dev.next4j.redis;

import dev.next4j.runtime.PageCache;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * A {@link PageCache.Entry} as one Redis string, so that one {@code SET} replaces a whole page and a
 * reader sees the old page or the new one, never a mix. Layout (big-endian, {@link DataOutputStream}):
 *
 * <pre>
 * "N4JP" (4 bytes)  version 1 (1 byte)
 * renderedAt: epoch seconds (8 bytes), nanoseconds (4 bytes)
 * contentType, etag: modified UTF-8, each with its 2-byte length
 * body: 4-byte length, bytes     gzip: 4-byte length, bytes (length 0: no gzip form)
 * </pre>
 */
final class EntryCodec {
  private static final byte[] MAGIC = {'N', '4', 'J', 'P'};
  static final int VERSION = 1;

  private EntryCodec() {}

  static byte[] encode(PageCache.Entry entry) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(entry.body().length + entry.gzip().length + 128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeByte(VERSION);
      out.writeLong(entry.renderedAt().getEpochSecond());
      out.writeInt(entry.renderedAt().getNano());
      out.writeUTF(entry.contentType());
      out.writeUTF(entry.etag());
      out.writeInt(entry.body().length);
      out.write(entry.body());
      out.writeInt(entry.gzip().length);
      out.write(entry.gzip());
    } catch (IOException e) {
      throw new UncheckedIOException("writing into memory failed", e);
    }
    return bytes.toByteArray();
  }

  /** The entry in {@code value}; an {@link IOException} says what is wrong when it is not one this codec wrote. */
  static PageCache.Entry decode(byte[] value) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IOException("not a page stored by next-redis (it does not start with N4JP)");
      }
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IOException("a page stored in format " + version + "; this next-redis reads format " + VERSION);
      }
      Instant renderedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
      String contentType = in.readUTF();
      String etag = in.readUTF();
      byte[] body = readBlock(in, value.length, "body");
      byte[] gzip = readBlock(in, value.length, "gzip form");
      if (in.available() > 0) {
        throw new IOException(in.available() + " bytes after the page's gzip form");
      }
      return new PageCache.Entry(body, gzip, contentType, etag, renderedAt);
    } catch (java.io.EOFException | DateTimeException e) {
      throw new IOException("a stored page cut short or damaged: " + e.getMessage(), e);
    }
  }

  private static byte[] readBlock(DataInputStream in, int total, String what) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > total) {
      throw new IOException("the page's " + what + " claims " + length + " bytes in a value of " + total);
    }
    byte[] block = in.readNBytes(length);
    if (block.length != length) {
      throw new IOException("the page's " + what + " is cut short: " + block.length + " of " + length + " bytes");
    }
    return block;
  }
}
