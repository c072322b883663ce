package dev.next4j.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small jars for tests. */
final class TestJars {
  private TestJars() {}

  /** Writes {@code entries} (name → bytes, written in name order) to {@code jar}, which it returns. */
  static Path jar(Path jar, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return jar;
  }

  /** Same as {@link #jar(Path, Map)} with text entries. */
  static Path textJar(Path jar, Map<String, String> entries) throws IOException {
    Map<String, byte[]> bytes = new TreeMap<>();
    entries.forEach((name, text) -> bytes.put(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return jar(jar, bytes);
  }
}
