package dev.next4j.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form sent as {@code application/x-www-form-urlencoded} or {@code multipart/form-data}: text
 * fields by name, and uploaded files by name, each in a temporary file.
 *
 * <pre>{@code
 * Form form = request.form();
 * String title = form.value("title").orElse("");            // first value of field "title"
 * List<String> tags = form.values("tag");                   // every value, in order
 * Optional<UploadedFile> cover = form.file("cover");        // a file input
 * }</pre>
 *
 * <p>Files are streamed to disk as they arrive, never held whole in memory. {@link #close()}
 * deletes them. A form from {@link Request#form()} belongs to its request, and the server closes it
 * after the response is written; close a form you read with {@link #parse} yourself, with
 * try-with-resources. When parsing fails, the files written so far are deleted before the
 * exception leaves.
 */
public final class Form implements AutoCloseable {
  private final Map<String, List<String>> values;
  private final Map<String, List<UploadedFile>> files;

  Form(Map<String, List<String>> values, Map<String, List<UploadedFile>> files) {
    this.values = values;
    this.files = files;
  }

  /**
   * Reads a form from {@code body}, as sent with the {@code Content-Type} {@code contentType},
   * writing uploaded files to {@code directory}. {@link Request#form(FormLimits)} calls this with
   * the request's body; call it directly for a body you have as a stream.
   *
   * @throws HttpException 415 if {@code contentType} is neither form type (or absent: {@code
   *     null}), 400 if the body is malformed or ends early, 413 if it is over one of {@code
   *     limits}
   * @throws UncheckedIOException if a temporary file cannot be written
   */
  public static Form parse(InputStream body, String contentType, FormLimits limits, Path directory) {
    return FormParser.parse(body, contentType, limits, directory);
  }

  /** The first value of text field {@code name}, if sent. */
  public Optional<String> value(String name) {
    List<String> list = values.get(name);
    return list == null ? Optional.empty() : Optional.of(list.get(0));
  }

  /** Every value of text field {@code name}, in the order sent; empty if none. */
  public List<String> values(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** All text fields by name, in the order first sent. */
  public Map<String, List<String>> values() {
    return values;
  }

  /** The first file sent as field {@code name}, if any. */
  public Optional<UploadedFile> file(String name) {
    List<UploadedFile> list = files.get(name);
    return list == null ? Optional.empty() : Optional.of(list.get(0));
  }

  /** Every file sent as field {@code name} (an {@code <input type=file multiple>}), in order. */
  public List<UploadedFile> files(String name) {
    return files.getOrDefault(name, List.of());
  }

  /**
   * Deletes the uploaded files' temporary files. Calling it again does nothing more.
   *
   * @throws UncheckedIOException if a file could not be deleted (after trying them all)
   */
  @Override
  public void close() {
    IOException failure = null;
    for (List<UploadedFile> list : files.values()) {
      for (UploadedFile file : list) {
        try {
          Files.deleteIfExists(file.path());
        } catch (IOException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    if (failure != null) {
      throw new UncheckedIOException("could not delete an uploaded file", failure);
    }
  }

  @Override
  public String toString() {
    return "Form{values=" + values.keySet() + ", files=" + files.keySet() + "}";
  }

  /** Collects fields and files while a body is parsed, counting parts against the limit. */
  static final class Builder {
    private final FormLimits limits;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
    private int parts;

    Builder(FormLimits limits) {
      this.limits = limits;
    }

    /** Counts one more part, before it is read. */
    void countPart() {
      if (++parts > limits.maxParts()) {
        throw HttpException.tooLarge("form has more than " + limits.maxParts() + " fields and files");
      }
    }

    void value(String name, String value) {
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    void file(UploadedFile file) {
      files.computeIfAbsent(file.name(), k -> new ArrayList<>()).add(file);
    }

    /** The files added so far, to delete when parsing fails. */
    Form partial() {
      return new Form(Map.of(), freeze(files));
    }

    Form build() {
      return new Form(freeze(values), freeze(files));
    }

    private static <T> Map<String, List<T>> freeze(Map<String, List<T>> map) {
      Map<String, List<T>> copy = new LinkedHashMap<>();
      map.forEach((name, list) -> copy.put(name, List.copyOf(list)));
      return Collections.unmodifiableMap(copy);
    }
  }
}
