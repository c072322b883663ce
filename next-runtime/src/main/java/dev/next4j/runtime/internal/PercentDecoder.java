package dev.next4j.runtime.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes {@code %XX} escapes once, as JavaScript's {@code decodeURIComponent} does: {@code +}
 * stays {@code +}, and a malformed escape or invalid UTF-8 is an error.
 */
public final class PercentDecoder {
  private PercentDecoder() {}

  /**
   * Returns {@code text} with its escapes decoded, {@code text} itself when it has none, or
   * {@code null} when an escape is malformed or the bytes are not UTF-8.
   */
  public static String decode(String text) {
    int first = text.indexOf('%');
    if (first < 0) {
      return text;
    }
    byte[] bytes = new byte[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()) {
          return null;
        }
        int hi = Character.digit(text.charAt(i + 1), 16);
        int lo = Character.digit(text.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes[n++] = (byte) ((hi << 4) | lo);
        i += 2;
      } else if (c < 0x80) {
        bytes[n++] = (byte) c;
      } else {
        // A raw non-ASCII character (not legal in a URL, but seen): keep it as its UTF-8 bytes.
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (n + utf8.length > bytes.length) {
          bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2 + utf8.length);
        }
        System.arraycopy(utf8, 0, bytes, n, utf8.length);
        n += utf8.length;
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, n));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
