package dev.next4j.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads a tar (or gzipped tar) into its files' names and contents, in order: enough for Jib's tarballs and layers. */
final class Tar {
  private Tar() {}

  static Map<String, byte[]> read(byte[] bytes) throws IOException {
    InputStream in = new ByteArrayInputStream(bytes);
    if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      in = new GZIPInputStream(in);
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    String longName = null;
    while (true) {
      byte[] header = in.readNBytes(512);
      if (header.length < 512 || header[0] == 0) {
        return files;
      }
      String name = text(header, 0, 100);
      String prefix = text(header, 345, 155);
      long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
      char type = (char) header[156];
      byte[] content = in.readNBytes((int) size);
      in.readNBytes((int) ((512 - size % 512) % 512));
      if (type == 'L') {
        longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
        continue;
      }
      if (type == 'x') {
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
          int path = line.indexOf(" path=");
          if (path >= 0) {
            longName = line.substring(path + " path=".length());
          }
        }
        continue;
      }
      String full = longName != null ? longName : (prefix.isEmpty() ? name : prefix + "/" + name);
      longName = null;
      if (type == '0' || type == 0) {
        files.put(full, content);
      } else if (type == '5') {
        files.put(full.endsWith("/") ? full : full + "/", new byte[0]);
      }
    }
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
