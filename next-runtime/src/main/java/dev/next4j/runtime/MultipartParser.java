package dev.next4j.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578 over RFC 2046) from a stream, text fields
 * into memory and files into temporary files, through one fixed buffer.
 *
 * <pre>
 * --XyZ\r\n
 * Content-Disposition: form-data; name="title"\r\n
 * \r\n
 * Hello\r\n
 * --XyZ\r\n
 * Content-Disposition: form-data; name="cover"; filename="a.png"\r\n
 * Content-Type: image/png\r\n
 * \r\n
 * (bytes)\r\n
 * --XyZ--\r\n
 * </pre>
 *
 * <p>Each part ends where {@code CRLF--boundary} begins, so the parser keeps back the last
 * boundary-length bytes of its buffer until it knows they do not start one. A preamble before the
 * first boundary and an epilogue after the last are ignored, as RFC 2046 says. A part with an
 * empty {@code filename} and no content (a file input left empty) is skipped.
 */
final class MultipartParser {
  /** The most bytes of headers one part may have. */
  static final int MAX_PART_HEADER_BYTES = 8 * 1024;

  private static final int BUFFER_BYTES = 16 * 1024;
  private static final String BCHARS =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";

  private final InputStream in;
  private final FormLimits limits;
  private final Path directory;
  private final byte[] delimiter;
  private final String boundary;
  private final byte[] buf = new byte[BUFFER_BYTES];
  private int pos;
  private int lim;
  private boolean eof;
  private long total;

  MultipartParser(InputStream in, String boundary, FormLimits limits, Path directory) {
    checkBoundary(boundary);
    this.in = in;
    this.limits = limits;
    this.directory = directory;
    this.boundary = boundary;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    // The first boundary may open the body, without the CRLF before it: pretend there was one.
    buf[0] = '\r';
    buf[1] = '\n';
    lim = 2;
  }

  Form parse() {
    Form.Builder form = new Form.Builder(limits);
    try {
      if (!copyToDelimiter(OutputStream.nullOutputStream(), null)) {
        throw HttpException.badRequest("multipart body has no boundary line \"--" + boundary + "\"");
      }
      while (!afterDelimiter()) {
        form.countPart();
        readPart(form);
      }
      return form.build();
    } catch (RuntimeException e) {
      try {
        form.partial().close();
      } catch (UncheckedIOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Reads what follows a boundary: true at the closing {@code --}, false when a part follows. */
  private boolean afterDelimiter() {
    if (!fill(2)) {
      throw cutShort("after a boundary line");
    }
    if (buf[pos] == '-' && buf[pos + 1] == '-') {
      return true;
    }
    while (fill(1) && (buf[pos] == ' ' || buf[pos] == '\t')) {
      pos++;
    }
    if (!fill(2)) {
      throw cutShort("after a boundary line");
    }
    if (buf[pos] != '\r' || buf[pos + 1] != '\n') {
      throw HttpException.badRequest("multipart boundary line \"--" + boundary + "\" is not followed by CRLF");
    }
    pos += 2;
    return false;
  }

  private void readPart(Form.Builder form) {
    Map<String, String> headers = readHeaders();
    String disposition = headers.get("content-disposition");
    if (disposition == null) {
      throw HttpException.badRequest("a multipart part has no Content-Disposition header");
    }
    int semi = disposition.indexOf(';');
    String type = (semi < 0 ? disposition : disposition.substring(0, semi)).trim();
    if (!type.equalsIgnoreCase("form-data")) {
      throw HttpException.badRequest("a multipart part's Content-Disposition is not form-data: \"" + disposition + "\"");
    }
    Map<String, String> params =
        FormParser.parameters(semi < 0 ? "" : disposition.substring(semi), "Content-Disposition");
    String name = params.get("name");
    if (name == null) {
      throw HttpException.badRequest("a multipart part has no name in its Content-Disposition: \"" + disposition + "\"");
    }
    String filename = filename(params);
    if (filename == null) {
      LimitedSink sink = new LimitedSink(new ByteArrayOutputStream(), limits.maxFieldBytes(), "form field '" + name + "'");
      if (!copyToDelimiter(sink, name)) {
        throw cutShort("inside field '" + name + "'");
      }
      form.value(name, FormParser.utf8(((ByteArrayOutputStream) sink.out).toByteArray(), "form field '" + name + "'"));
      return;
    }
    String contentType = headers.getOrDefault("content-type", "application/octet-stream");
    Path file = createTempFile();
    long size = -1;
    try (OutputStream out = Files.newOutputStream(file)) {
      LimitedSink sink = new LimitedSink(out, limits.maxFileBytes(), "file '" + filename + "' in field '" + name + "'");
      if (!copyToDelimiter(sink, name)) {
        throw cutShort("inside file '" + filename + "' in field '" + name + "'");
      }
      size = sink.count;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write an uploaded file to " + file, e);
    } finally {
      // The stream is closed by now; a part that failed leaves nothing behind.
      if (size < 0 || (filename.isEmpty() && size == 0)) {
        delete(file);
      }
    }
    if (!(filename.isEmpty() && size == 0)) {
      form.file(new UploadedFile(name, filename, contentType, size, file));
    }
  }

  /** The part's headers by lower-case name, up to the blank line. */
  private Map<String, String> readHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    int budget = MAX_PART_HEADER_BYTES;
    while (true) {
      int end = lineEnd(budget);
      int length = end - pos;
      budget -= length + 2;
      if (budget < 0) {
        throw HttpException.tooLarge(
            "a multipart part's headers are over the limit of " + MAX_PART_HEADER_BYTES + " bytes");
      }
      String line = new String(buf, pos, length, StandardCharsets.UTF_8);
      pos = end + 2;
      if (line.isEmpty()) {
        return headers;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw HttpException.badRequest("malformed multipart part header \"" + excerpt(line) + "\"");
      }
      headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
  }

  /** The index of the next CRLF from {@code pos}, reading more as needed; the line fits {@code budget}. */
  private int lineEnd(int budget) {
    int scanned = 0;
    while (true) {
      for (int i = pos + scanned; i + 1 < lim; i++) {
        if (buf[i] == '\r' && buf[i + 1] == '\n') {
          if (i - pos > budget) {
            break;
          }
          return i;
        }
      }
      if (lim - pos > budget) {
        throw HttpException.tooLarge(
            "a multipart part's headers are over the limit of " + MAX_PART_HEADER_BYTES + " bytes");
      }
      scanned = Math.max(0, lim - pos - 1);
      if (!fill(lim - pos + 1)) {
        throw cutShort("inside a part's headers");
      }
    }
  }

  /**
   * Copies bytes up to the next delimiter into {@code out} and skips the delimiter; false when the
   * body ends first. {@code part} names the part for messages (null before the first).
   */
  private boolean copyToDelimiter(OutputStream out, String part) {
    try {
      while (true) {
        fill(delimiter.length);
        int at = indexOf(delimiter, pos, lim);
        if (at >= 0) {
          out.write(buf, pos, at - pos);
          pos = at + delimiter.length;
          return true;
        }
        if (eof) {
          return false;
        }
        int safe = lim - (delimiter.length - 1);
        if (safe > pos) {
          out.write(buf, pos, safe - pos);
          pos = safe;
        }
        fill(lim - pos + 1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write part '" + part + "'", e);
    }
  }

  /** Makes at least {@code need} bytes available from {@code pos}; false if the body ends first. */
  private boolean fill(int need) {
    if (lim - pos >= need) {
      return true;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    while (lim < need && lim < buf.length) {
      if (eof) {
        return false;
      }
      int n = FormParser.read(in, buf, lim, buf.length - lim);
      if (n < 0) {
        eof = true;
        return false;
      }
      total += n;
      if (total > limits.maxTotalBytes()) {
        throw HttpException.tooLarge("form body is over the limit of " + limits.maxTotalBytes() + " bytes");
      }
      lim += n;
    }
    return lim >= need;
  }

  private int indexOf(byte[] needle, int from, int to) {
    outer:
    for (int i = from; i <= to - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (buf[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private Path createTempFile() {
    try {
      Files.createDirectories(directory);
      return Files.createTempFile(directory, "upload-", ".tmp");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a temporary file in " + directory, e);
    }
  }

  /**
   * The file name without directories: from {@code filename*} ({@code UTF-8''a%20b.txt}) when it
   * is there and decodes, else from {@code filename}; null for a text field.
   */
  private static String filename(Map<String, String> params) {
    String extended = params.get("filename*");
    String name = params.get("filename");
    if (extended != null) {
      int first = extended.indexOf('\'');
      int second = first < 0 ? -1 : extended.indexOf('\'', first + 1);
      String charset = first < 0 ? "" : extended.substring(0, first);
      if (second < 0 || !(charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("ISO-8859-1"))) {
        throw HttpException.badRequest("malformed filename* in Content-Disposition: \"" + excerpt(extended) + "\"");
      }
      try {
        name = URLDecoder.decode(extended.substring(second + 1).replace("+", "%2B"), Charset.forName(charset));
      } catch (IllegalArgumentException e) {
        throw HttpException.badRequest("malformed filename* in Content-Disposition: \"" + excerpt(extended) + "\"");
      }
    }
    if (name == null) {
      return null;
    }
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }

  private HttpException cutShort(String where) {
    return HttpException.badRequest(
        "multipart body ends " + where + " before the closing boundary \"--" + boundary + "--\"");
  }

  private static void checkBoundary(String boundary) {
    if (boundary.isEmpty() || boundary.length() > 70 || boundary.endsWith(" ")) {
      throw HttpException.badRequest("multipart boundary must be 1 to 70 characters, not ending in a space: \""
          + excerpt(boundary) + "\"");
    }
    for (int i = 0; i < boundary.length(); i++) {
      if (BCHARS.indexOf(boundary.charAt(i)) < 0) {
        throw HttpException.badRequest(
            "multipart boundary has a character RFC 2046 does not allow at index " + i + ": \"" + excerpt(boundary) + "\"");
      }
    }
  }

  private static String excerpt(String text) {
    String printable = text.replaceAll("[\\x00-\\x1f\\x7f]", "?");
    return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the temporary file " + file, e);
    }
  }

  /** An output that counts what passes and refuses to pass more than {@code max} bytes: 413. */
  private static final class LimitedSink extends OutputStream {
    final OutputStream out;
    final long max;
    final String what;
    long count;

    LimitedSink(OutputStream out, long max, String what) {
      this.out = out;
      this.max = max;
      this.what = what;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      count += len;
      if (count > max) {
        throw HttpException.tooLarge(what + " is over the limit of " + max + " bytes");
      }
      out.write(b, off, len);
    }
  }
}
