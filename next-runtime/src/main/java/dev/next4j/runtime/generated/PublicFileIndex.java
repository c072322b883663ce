package dev.next4j.runtime.generated;

import dev.next4j.runtime.internal.MediaTypes;
import dev.next4j.runtime.internal.PublicFile;
import dev.next4j.runtime.internal.PublicFileServer;
import dev.next4j.runtime.internal.PublicFiles;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The index of a site's {@code public/} files, the one reader and writer of its format: the plugin
 * writes it at build time ({@link #write}, from {@code next:generate}), the generated {@code
 * NextServer} loads it from the jar ({@link #load}) and hands it to {@code NextApp.create}.
 *
 * <pre>{@code
 * return NextApp.create(Routes.table(), CONFIG, options, PublicFileIndex.load(NextServer.class));
 * }</pre>
 *
 * <p>In the jar (the plugin writes these into {@code target/generated-resources/next}, a resource
 * folder of the build):
 *
 * <ul>
 *   <li>{@value #INDEX}: UTF-8, a comment line {@code # next4j public files 1}, then one line per
 *       file, sorted by key, with tab-separated fields: the key (the path under {@code public/},
 *       {@code /}-separated), the size in bytes, the last-modified time in milliseconds, the strong
 *       ETag ({@code "} + the first 27 characters of the URL-safe base64 SHA-256 of the bytes +
 *       {@code "}), the size of the gzip variant or {@code -1}, and the content type;
 *   <li>{@value #GZIP}{@code <key>.gz}: the gzip variant, for a text-like type ({@code
 *       MediaTypes.isCompressible}) of 1 KiB or more when gzip makes it smaller;
 *   <li>the files themselves stay where Maven's resources copy them, {@value #FILES}{@code <key>}.
 * </ul>
 *
 * <p>Only files in the index are served, by exact key. Symbolic links under {@code public/} are
 * left out of the index (their targets may lie anywhere), and so are never served.
 */
public final class PublicFileIndex {
  /** The index, as a resource path from the classpath root. */
  public static final String INDEX = "META-INF/next4j/public-files.tsv";

  /** The folder of gzip variants, as a resource path from the classpath root. */
  public static final String GZIP = "META-INF/next4j/public-gzip/";

  /** The folder of the files, as a resource path from the classpath root. */
  public static final String FILES = "public/";

  /** The first line of the index; another version is refused. */
  static final String HEADER = "# next4j public files 1";

  /** Files up to this size are kept in memory once read, so serving them again reads no jar entry. */
  static final long CACHED_BYTES = 64 * 1024;

  /** Bodies smaller than this get no gzip variant: the response finisher's threshold too. */
  static final long MIN_GZIP_BYTES = 1024;

  private static final PublicFileIndex EMPTY = new PublicFileIndex(Map.of());

  private final Map<String, PublicFile> files;

  private PublicFileIndex(Map<String, PublicFile> files) {
    this.files = files;
  }

  /**
   * The index that {@code anchor}'s class loader holds (the application's jar or classes folder),
   * with each file read through it; empty when there is none (a site without {@code public/}).
   *
   * @throws IllegalStateException naming the line when the index is malformed
   */
  public static PublicFileIndex load(Class<?> anchor) {
    try (InputStream in = anchor.getResourceAsStream("/" + INDEX)) {
      if (in == null) {
        return EMPTY;
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), anchor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + INDEX, e);
    }
  }

  /** The number of files. */
  public int size() {
    return files.size();
  }

  /** What the app's pipeline asks for a path: the server of these files, or none when there are none. */
  public PublicFiles files() {
    return files.isEmpty() ? PublicFiles.NONE : new PublicFileServer(files::get);
  }

  private static PublicFileIndex parse(String text, Class<?> anchor) {
    String[] lines = text.split("\n", -1);
    if (!lines[0].equals(HEADER)) {
      throw new IllegalStateException(INDEX + " line 1: expected \"" + HEADER + "\", found \"" + lines[0]
          + "\"; rebuild the site with this next4j version");
    }
    Map<String, PublicFile> files = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] f = lines[i].split("\t", -1);
      try {
        if (f.length != 6) {
          throw new IllegalArgumentException("6 tab-separated fields expected, " + f.length + " found");
        }
        String key = f[0];
        long size = Long.parseLong(f[1]);
        long gzipSize = Long.parseLong(f[4]);
        files.put(key, new PublicFile(key, size, Long.parseLong(f[2]), f[3], f[5], gzipSize,
            resource(anchor, FILES + key, size), resource(anchor, GZIP + key + ".gz", gzipSize)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(INDEX + " line " + (i + 1) + ": " + e.getMessage() + ": \"" + lines[i] + "\"", e);
      }
    }
    return new PublicFileIndex(Map.copyOf(files));
  }

  /** Opens resource {@code name} through {@code anchor}; a small one is kept in memory once read. */
  private static PublicFile.Source resource(Class<?> anchor, String name, long size) {
    PublicFile.Source open = () -> {
      InputStream in = anchor.getResourceAsStream("/" + name);
      if (in == null) {
        throw new IOException(name + " is in " + INDEX + " but not on the classpath; rebuild the site");
      }
      return in;
    };
    if (size < 0 || size > CACHED_BYTES) {
      return open;
    }
    return new PublicFile.Source() {
      private volatile byte[] bytes;

      @Override
      public InputStream open() throws IOException {
        byte[] b = bytes;
        if (b == null) {
          try (InputStream in = open.open()) {
            b = in.readAllBytes();
          }
          bytes = b;
        }
        return new ByteArrayInputStream(b);
      }
    };
  }

  /** What {@link #write} did: the keys indexed, and the symbolic links left out. */
  public record Written(List<String> keys, List<String> skippedLinks) {}

  /**
   * Indexes the files under {@code publicDir} into {@code outputDir} (a resource folder of the
   * build): writes {@value #INDEX} and the gzip variants, and deletes variants no longer needed. A
   * missing {@code publicDir} writes nothing, or an empty index over an earlier one. A file whose size and time are as in the last
   * index keeps its ETag and gzip variant without being read again.
   *
   * @throws IllegalArgumentException naming the file when a name has a tab or a line break
   */
  public static Written write(Path publicDir, Path outputDir) throws IOException {
    Path index = outputDir.resolve(INDEX);
    Path gzipDir = outputDir.resolve(GZIP);
    if (!Files.isDirectory(publicDir) && !Files.exists(index)) {
      return new Written(List.of(), List.of());
    }
    Map<String, String[]> previous = previous(index);
    List<Path> regular = new ArrayList<>();
    List<String> links = new ArrayList<>();
    if (Files.isDirectory(publicDir)) {
      try (Stream<Path> walk = Files.walk(publicDir)) {
        for (Path p : walk.sorted().toList()) {
          if (Files.isSymbolicLink(p)) {
            links.add(keyOf(publicDir, p));
          } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            regular.add(p);
          }
        }
      }
    }
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    List<String> keys = new ArrayList<>();
    List<Path> variants = new ArrayList<>();
    for (Path file : regular) {
      String key = keyOf(publicDir, file);
      if (key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("public file " + file + " has a tab or line break in its name; rename it");
      }
      keys.add(key);
      long size = Files.size(file);
      long modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
      String contentType = MediaTypes.forFileName(key);
      Path variant = gzipDir.resolve(key + ".gz");
      boolean wantsGzip = size >= MIN_GZIP_BYTES && MediaTypes.isCompressible(contentType);
      String[] old = previous.get(key);
      String etag;
      long gzipSize;
      if (old != null && old[1].equals(Long.toString(size)) && old[2].equals(Long.toString(modified))
          && (old[4].equals("-1") || Files.isRegularFile(variant))) {
        etag = old[3];
        gzipSize = Long.parseLong(old[4]);
      } else {
        etag = etag(file);
        gzipSize = wantsGzip ? gzip(file, variant, size) : -1;
      }
      if (gzipSize >= 0) {
        variants.add(variant);
      }
      out.append(key).append('\t').append(size).append('\t').append(modified).append('\t').append(etag)
          .append('\t').append(gzipSize).append('\t').append(contentType).append('\n');
    }
    deleteOtherVariants(gzipDir, variants);
    Files.createDirectories(index.getParent());
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    if (!Files.exists(index) || !Arrays.equals(Files.readAllBytes(index), bytes)) {
      Files.write(index, bytes);
    }
    return new Written(List.copyOf(keys), List.copyOf(links));
  }

  private static String keyOf(Path publicDir, Path file) {
    return publicDir.relativize(file).toString().replace('\\', '/');
  }

  private static Map<String, String[]> previous(Path index) throws IOException {
    Map<String, String[]> lines = new HashMap<>();
    if (!Files.isRegularFile(index)) {
      return lines;
    }
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(index), StandardCharsets.UTF_8))) {
      if (!HEADER.equals(in.readLine())) {
        return lines;
      }
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t", -1);
        if (f.length == 6) {
          lines.put(f[0], f);
        }
      }
    }
    return lines;
  }

  private static String etag(Path file) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
      }
    }
    return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 27) + "\"";
  }

  /** Writes {@code file} gzipped to {@code variant}; its size, or -1 (and no variant) when not smaller. */
  private static long gzip(Path file, Path variant, long size) throws IOException {
    Files.createDirectories(variant.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(variant), 64 * 1024)) {
      Files.copy(file, out);
    }
    long gzipped = Files.size(variant);
    if (gzipped >= size) {
      Files.delete(variant);
      return -1;
    }
    return gzipped;
  }

  private static void deleteOtherVariants(Path gzipDir, List<Path> keep) throws IOException {
    if (!Files.isDirectory(gzipDir)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(gzipDir)) {
      all = walk.sorted(Comparator.reverseOrder()).toList();
    }
    Set<Path> kept = new HashSet<>(keep);
    for (Path p : all) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> children = Files.list(p)) {
          if (children.findAny().isEmpty()) {
            Files.delete(p);
          }
        }
      } else if (!kept.contains(p)) {
        Files.delete(p);
      }
    }
  }
}
