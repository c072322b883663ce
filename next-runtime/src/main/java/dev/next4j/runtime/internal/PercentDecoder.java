package dev.next4j.runtime.internal;

/**
 * Decodes {@code %XX} escapes once, exactly as JavaScript's {@code decodeURIComponent} does, which
 * is what Next.js applies to each route param.
 *
 * <ul>
 *   <li>{@code +} stays {@code +}; {@code %2525} gives {@code %25} (one pass only).
 *   <li>Escaped bytes must form complete, shortest-form UTF-8 sequences, written as consecutive
 *       escapes: {@code %C3%A9} gives {@code é}; {@code %C3}, {@code %C0%AF} (overlong) and
 *       {@code %ED%A0%80} (a UTF-16 surrogate) are malformed.
 *   <li>Characters that are not escapes pass through unchanged, including raw non-ASCII text and
 *       surrogate pairs ({@code 😀} stays {@code 😀}); they never combine with escaped bytes.
 *   <li>Hex digits are ASCII only, in either case.
 * </ul>
 */
public final class PercentDecoder {
  private PercentDecoder() {}

  /**
   * Returns {@code text} with its escapes decoded, {@code text} itself when it has none, or
   * {@code null} when an escape is malformed or its bytes are not UTF-8.
   */
  public static String decode(String text) {
    return text.indexOf('%') < 0 ? text : decode(text, 0, text.length());
  }

  /**
   * Decodes {@code text[start, end)} (an escape may not run past {@code end}); {@code null} when
   * malformed. Allocates only the result.
   */
  public static String decode(String text, int start, int end) {
    int percent = text.indexOf('%', start);
    if (percent < 0 || percent >= end) {
      return text.substring(start, end);
    }
    StringBuilder out = new StringBuilder(end - start);
    out.append(text, start, percent);
    int i = percent;
    while (i < end) {
      char c = text.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      int lead = escapedByte(text, i, end);
      if (lead < 0) {
        return null;
      }
      i += 3;
      if (lead < 0x80) {
        out.append((char) lead);
        continue;
      }
      int continuations;
      int codePoint;
      int smallest;
      if ((lead & 0xE0) == 0xC0) {
        continuations = 1;
        codePoint = lead & 0x1F;
        smallest = 0x80;
      } else if ((lead & 0xF0) == 0xE0) {
        continuations = 2;
        codePoint = lead & 0x0F;
        smallest = 0x800;
      } else if ((lead & 0xF8) == 0xF0) {
        continuations = 3;
        codePoint = lead & 0x07;
        smallest = 0x10000;
      } else {
        return null; // a continuation byte or 0xF8..0xFF cannot start a character
      }
      for (int k = 0; k < continuations; k++) {
        int next = i < end && text.charAt(i) == '%' ? escapedByte(text, i, end) : -1;
        if (next < 0 || (next & 0xC0) != 0x80) {
          return null;
        }
        codePoint = (codePoint << 6) | (next & 0x3F);
        i += 3;
      }
      if (codePoint < smallest
          || codePoint > Character.MAX_CODE_POINT
          || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
        return null;
      }
      out.appendCodePoint(codePoint);
    }
    return out.toString();
  }

  /** The byte of the escape at {@code text[i]} (a {@code %}), or -1 when it is not {@code %XX}. */
  private static int escapedByte(String text, int i, int end) {
    if (i + 2 >= end) {
      return -1;
    }
    int hi = hexDigit(text.charAt(i + 1));
    int lo = hexDigit(text.charAt(i + 2));
    return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
  }

  // Character.digit would accept non-ASCII digits such as '٣' or fullwidth '０'; URLs do not.
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
