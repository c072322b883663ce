package dev.next4j.runtime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Function;

/**
 * Dev mode's public files: the folders on disk, read on every request, so an edited or new file
 * shows on the next one. The same rule as the build's index holds: a key is found by listing each
 * folder level and comparing names exactly, never by joining the request's path to a folder, and
 * symbolic links (files or folders) are not followed, so nothing outside the folders is read.
 *
 * <p>The ETag is strong, made of the file's size and modification time (hashing every file on every
 * request would slow dev mode down); there are no gzip variants.
 */
public final class DiskPublicFiles implements Function<String, PublicFile> {
  private final List<Path> folders;

  /** The files under {@code folders}; for a key in several, the first folder's file. */
  public DiskPublicFiles(List<Path> folders) {
    this.folders = List.copyOf(folders);
  }

  @Override
  public PublicFile apply(String key) {
    String[] segments = key.split("/", -1);
    for (Path folder : folders) {
      Path found = find(folder, segments);
      if (found != null) {
        return describe(key, found);
      }
    }
    return null;
  }

  /** The file named by {@code segments} under {@code folder}, through listings only; null if none. */
  private static Path find(Path folder, String[] segments) {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Path current = folder;
    for (int i = 0; i < segments.length; i++) {
      Path entry = entry(current, segments[i]);
      if (entry == null) {
        return null;
      }
      boolean last = i == segments.length - 1;
      if (last ? !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
          : !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
      current = entry;
    }
    return current;
  }

  /** The entry of {@code dir} whose name is exactly {@code name}, as the listing gives it. */
  private static Path entry(Path dir, String name) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (entry.getFileName().toString().equals(name)) {
          return entry;
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static PublicFile describe(String key, Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read public file " + file, e);
    }
    long size = attributes.size();
    long modified = attributes.lastModifiedTime().toMillis();
    String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified) + "\"";
    return new PublicFile(key, size, modified, etag, MediaTypes.forFileName(key), -1,
        () -> Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS),
        () -> {
          throw new IOException("dev mode has no gzip variants");
        });
  }
}
