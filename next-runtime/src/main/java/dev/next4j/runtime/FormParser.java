package dev.next4j.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Picks the form reader for a {@code Content-Type} and reads {@code
 * application/x-www-form-urlencoded} bodies; {@link MultipartParser} reads the other kind.
 *
 * <p>A urlencoded body is read a byte at a time from a buffer: {@code a=1&b=x+y&c=%C3%A9} gives
 * {@code a → 1}, {@code b → "x y"}, {@code c → "é"}; a pair without {@code =} has an empty value,
 * and empty pairs ({@code &&}) are skipped, as browsers' {@code URLSearchParams} does.
 */
final class FormParser {
  static final String URLENCODED = "application/x-www-form-urlencoded";
  static final String MULTIPART = "multipart/form-data";

  private FormParser() {}

  /**
   * The directory {@link Request#form(FormLimits)} writes uploads to: made once per process under
   * {@code java.io.tmpdir}, readable by its owner only where the file system has POSIX permissions.
   */
  static Path uploadDirectory() {
    return UploadDirectory.PATH;
  }

  private static final class UploadDirectory {
    static final Path PATH = create();

    private static Path create() {
      try {
        Path dir = Files.createTempDirectory("next4j-uploads-");
        dir.toFile().deleteOnExit();   // removed at exit when empty, as it is after every form is closed
        return dir;
      } catch (IOException e) {
        throw new UncheckedIOException("could not create a directory for uploads in " + System.getProperty("java.io.tmpdir"), e);
      }
    }
  }

  static Form parse(InputStream body, String contentType, FormLimits limits, Path directory) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(directory, "directory");
    if (contentType == null || contentType.isBlank()) {
      throw HttpException.unsupportedMediaType(
          "a form needs Content-Type " + URLENCODED + " or " + MULTIPART + "; the request has none");
    }
    int semi = contentType.indexOf(';');
    String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    if (type.equals(URLENCODED)) {
      return urlencoded(body, limits);
    }
    if (type.equals(MULTIPART)) {
      Map<String, String> params = parameters(contentType.substring(semi < 0 ? contentType.length() : semi), "Content-Type");
      String boundary = params.get("boundary");
      if (boundary == null) {
        throw HttpException.badRequest("Content-Type " + MULTIPART + " has no boundary parameter: \"" + contentType + "\"");
      }
      return new MultipartParser(body, boundary, limits, directory).parse();
    }
    throw HttpException.unsupportedMediaType(
        "a form needs Content-Type " + URLENCODED + " or " + MULTIPART + ", not \"" + contentType + "\"");
  }

  private static Form urlencoded(InputStream body, FormLimits limits) {
    Form.Builder form = new Form.Builder(limits);
    ByteArrayOutputStream name = new ByteArrayOutputStream();
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    ByteArrayOutputStream current = name;
    byte[] buffer = new byte[8192];
    long offset = 0;
    int n;
    // After a '%': how many hex digits are still wanted (0 = none), and those seen so far.
    int escapeLeft = 0;
    int escaped = 0;
    while ((n = read(body, buffer)) >= 0) {
      for (int i = 0; i < n; i++, offset++) {
        if (offset >= limits.maxTotalBytes()) {
          throw HttpException.tooLarge("form body is over the limit of " + limits.maxTotalBytes() + " bytes");
        }
        int b = buffer[i] & 0xff;
        if (escapeLeft > 0) {
          int digit = Character.digit(b, 16);
          if (digit < 0) {
            throw malformedEscape(offset - (3 - escapeLeft), escapeLeft == 1 ? escaped : -1, b);
          }
          escaped = escaped * 16 + digit;
          if (--escapeLeft == 0) {
            append(current, escaped, name, limits);
          }
          continue;
        }
        if (b == '&') {
          addPair(form, name, value, current == value);
          name.reset();
          value.reset();
          current = name;
        } else if (b == '=' && current == name) {
          current = value;
        } else if (b == '%') {
          escapeLeft = 2;
          escaped = 0;
        } else {
          append(current, b == '+' ? ' ' : b, name, limits);
        }
      }
    }
    if (escapeLeft > 0) {
      throw HttpException.badRequest(
          "malformed percent escape at byte " + (offset - (3 - escapeLeft)) + " of the form body: it ends after '%'"
              + (escapeLeft == 1 ? Character.forDigit(escaped, 16) : ""));
    }
    addPair(form, name, value, current == value);
    return form.build();
  }

  /** Adds a pair unless it is empty ({@code &&}); {@code sawEquals}: {@code a=} is a pair too. */
  private static void addPair(
      Form.Builder form, ByteArrayOutputStream name, ByteArrayOutputStream value, boolean sawEquals) {
    if (name.size() == 0 && value.size() == 0 && !sawEquals) {
      return;
    }
    form.countPart();
    String key = utf8(name, "a form field name");
    form.value(key, utf8(value, "form field '" + key + "'"));
  }

  private static void append(ByteArrayOutputStream current, int b, ByteArrayOutputStream name, FormLimits limits) {
    if (current.size() >= limits.maxFieldBytes()) {
      throw HttpException.tooLarge(
          (current == name ? "a form field name" : "form field '" + utf8(name, "a form field name") + "'")
              + " is over the limit of " + limits.maxFieldBytes() + " bytes");
    }
    current.write(b);
  }

  /** {@code firstDigit}: the hex digit before the bad byte, or -1 when the bad byte came first. */
  private static HttpException malformedEscape(long at, int firstDigit, int bad) {
    String seen = firstDigit >= 0 ? Character.toString(Character.forDigit(firstDigit, 16)) : "";
    String shown = bad >= 0x21 && bad < 0x7f ? Character.toString((char) bad) : String.format(Locale.ROOT, "\\x%02x", bad);
    return HttpException.badRequest(
        "malformed percent escape \"%" + seen + shown + "\" at byte " + at + " of the form body (want % and two hex digits)");
  }

  /** Reads into {@code buffer}; a failing body stream is the client's (a cut connection): 400. */
  static int read(InputStream body, byte[] buffer) {
    return read(body, buffer, 0, buffer.length);
  }

  static int read(InputStream body, byte[] buffer, int offset, int length) {
    try {
      return body.read(buffer, offset, length);
    } catch (IOException e) {
      throw new HttpException(400, "could not read the request body: " + e.getMessage(), e);
    }
  }

  /** {@code bytes} as strict UTF-8; {@code what} names them in the 400 when they are not. */
  static String utf8(ByteArrayOutputStream bytes, String what) {
    return utf8(bytes.toByteArray(), what);
  }

  static String utf8(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw HttpException.badRequest(what + " is not valid UTF-8");
    }
  }

  /**
   * The parameters after a header's main value: {@code ; name="a b"; size=3} gives {@code name →
   * "a b"}, {@code size → "3"}; names in lower case, quoted strings unquoted ({@code \"} → {@code
   * "}). {@code header} names the header in the 400 for a malformed list.
   */
  static Map<String, String> parameters(String text, String header) {
    Map<String, String> params = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && (text.charAt(i) == ';' || text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i == n) {
        break;
      }
      int start = i;
      while (i < n && text.charAt(i) != '=' && text.charAt(i) != ';') {
        i++;
      }
      String key = text.substring(start, i).trim().toLowerCase(Locale.ROOT);
      if (i == n || text.charAt(i) != '=' || key.isEmpty()) {
        throw HttpException.badRequest(header + " has a malformed parameter \"" + text.substring(start, i).trim() + "\"");
      }
      i++;
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      boolean quoted = i < n && text.charAt(i) == '"';
      if (quoted) {
        i++;
        while (i < n && text.charAt(i) != '"') {
          char c = text.charAt(i++);
          if (c == '\\' && i < n) {
            c = text.charAt(i++);
          }
          value.append(c);
        }
        if (i == n) {
          throw HttpException.badRequest(header + " parameter " + key + " has an unclosed quote");
        }
        i++;
      } else {
        while (i < n && text.charAt(i) != ';') {
          value.append(text.charAt(i++));
        }
      }
      params.putIfAbsent(key, quoted ? value.toString() : value.toString().trim());
    }
    return params;
  }
}
