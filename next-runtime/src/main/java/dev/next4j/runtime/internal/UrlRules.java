package dev.next4j.runtime.internal;

import java.nio.charset.StandardCharsets;

/**
 * The rules Next.js applies to a URL path's shape before routing: slash normalisation, the base
 * path, and the trailing-slash redirects; and the one canonical spelling of a path ({@link
 * #canonicalPath}) that every stage sees. Paths are percent-encoded and without query.
 *
 * <pre>{@code
 * UrlRules.cleanSlashes("/blog//a")                       // "/blog/a"
 * UrlRules.stripBasePath("/docs/about", "/docs")          // "/about"
 * UrlRules.trailingSlashTarget("/about/", "/about/", false)  // "/about"
 * }</pre>
 */
public final class UrlRules {
  /**
   * The ASCII characters a canonical path holds as they are, never escaped: RFC 3986's {@code
   * unreserved} and {@code sub-delims}, {@code :} and {@code @} (its {@code pchar} without {@code
   * %}).
   */
  private static final boolean[] PLAIN = plain();

  /**
   * The ASCII characters whose escapes a canonical path decodes: RFC 3986's {@code unreserved}
   * only (its section 6.2.2.2). An escaped sub-delim ({@code %26}, {@code %3D}, {@code %3F}…) is
   * data, not the delimiter: a rule that puts a param into a query must get {@code %26} back, as
   * Next.js does.
   */
  private static final boolean[] UNRESERVED = unreserved();

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlRules() {}

  /**
   * The canonical spelling of {@code path}, which {@link dev.next4j.runtime.Request#path()} gives:
   * each character has exactly one spelling, so two paths that the router cannot tell apart are
   * equal strings, and a check such as {@code path.startsWith("/admin")} holds for every spelling.
   *
   * <ul>
   *   <li>An escape of an unreserved character (letters, digits, {@code - . _ ~}) is decoded:
   *       {@code %61dmin} → {@code admin}, {@code %7E} → {@code ~}. An escaped sub-delim stays
   *       escaped ({@code %40}, {@code %26}), since it is data where the plain one is a delimiter.
   *   <li>Every other escape stays, in upper-case hex: {@code %2f} → {@code %2F} (a slash inside a
   *       segment stays data and never splits it), {@code %25}, {@code %20}, {@code %c3%a9} →
   *       {@code %C3%A9}.
   *   <li>A plain character that may not stand in a path (a space, {@code "}, non-ASCII text…) is
   *       escaped as its UTF-8 bytes: {@code /café} → {@code /caf%C3%A9}.
   *   <li>{@code /} and {@code \} stay as they are (the dispatcher redirects {@code \} and {@code
   *       //} to their clean form).
   * </ul>
   *
   * <p>Decoding escapes once, as the router does for each segment, gives the same text for {@code
   * path} and its canonical form, so both reach the same route with the same params.
   *
   * <pre>{@code
   * UrlRules.canonicalPath("/%61dmin/users")   // "/admin/users"
   * UrlRules.canonicalPath("/a%2fb%25")        // "/a%2Fb%25"
   * UrlRules.canonicalPath("/x%zz")            // null: malformed escape
   * }</pre>
   *
   * @return the canonical path, or {@code null} when {@code path} has a malformed escape ({@code %}
   *     not followed by two hex digits) or an unpaired UTF-16 surrogate
   */
  public static String canonicalPath(String path) {
    int i = 0;
    int length = path.length();
    while (i < length) {
      char c = path.charAt(i);
      if (c == '%' || c >= 128 || !(PLAIN[c] || c == '/' || c == '\\')) {
        break;
      }
      i++;
    }
    if (i == length) {
      return path;
    }
    StringBuilder out = new StringBuilder(length + 16);
    out.append(path, 0, i);
    while (i < length) {
      char c = path.charAt(i);
      if (c == '%') {
        int hi = i + 2 < length ? hexDigit(path.charAt(i + 1)) : -1;
        int lo = hi < 0 ? -1 : hexDigit(path.charAt(i + 2));
        if (lo < 0) {
          return null;
        }
        int b = (hi << 4) | lo;
        if (b < 128 && UNRESERVED[b]) {
          out.append((char) b);
        } else {
          escape(out, b);
        }
        i += 3;
      } else if (c < 128) {
        if (PLAIN[c] || c == '/' || c == '\\') {
          out.append(c);
        } else {
          escape(out, c);
        }
        i++;
      } else {
        int codePoint = path.codePointAt(i);
        if (Character.isSurrogate((char) codePoint)) {
          return null;
        }
        for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
          escape(out, b & 0xFF);
        }
        i += Character.charCount(codePoint);
      }
    }
    return out.toString();
  }

  /**
   * What is wrong with {@code target} (a request target as the client sent it, in origin form: the
   * path and an optional {@code ?query}) for next4j to serve it, or {@code null} when nothing is:
   * a character no URL may hold plainly (a control character, a space, non-ASCII bytes, and in the
   * path also {@code "<>^`{|}}), a malformed escape in the path, or a {@code .} or {@code ..}
   * segment (also written {@code %2E}), which browsers resolve before they send a URL.
   */
  static String targetProblem(String target) {
    int query = target.indexOf('?');
    int pathEnd = query < 0 ? target.length() : query;
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      boolean allowed = c > ' ' && c < 127 && (i >= pathEnd || PLAIN[c] || c == '/' || c == '%' || c == '\\');
      if (!allowed) {
        return "the request target has " + describe(c) + " at index " + i + "; percent-encode it";
      }
    }
    // A plain path (no escape) is its own canonical form: no copy of it is made.
    String path = target.lastIndexOf('%', pathEnd - 1) < 0 ? target : canonicalPath(target.substring(0, pathEnd));
    if (path == null) {
      return "the request path has a malformed escape (% must be followed by two hex digits)";
    }
    int end = path == target ? pathEnd : path.length();
    for (int start = 0; start <= end; ) {
      int slash = path.indexOf('/', start);
      int segmentEnd = slash < 0 || slash > end ? end : slash;
      int length = segmentEnd - start;
      if ((length == 1 || length == 2) && path.charAt(start) == '.' && path.charAt(segmentEnd - 1) == '.') {
        return "the request path has a \"" + path.substring(start, segmentEnd) + "\" segment";
      }
      start = segmentEnd + 1;
    }
    return null;
  }

  private static String describe(char c) {
    return c < ' ' || c == 127 ? String.format("the control character U+%04X", (int) c)
        : c == ' ' ? "a space" : c > 127 ? String.format("the non-ASCII byte 0x%02X", (int) c) : "'" + c + "'";
  }

  private static void escape(StringBuilder out, int b) {
    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
  }

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

  private static boolean[] unreserved() {
    boolean[] unreserved = new boolean[128];
    for (char c = 'a'; c <= 'z'; c++) {
      unreserved[c] = true;
      unreserved[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      unreserved[c] = true;
    }
    for (char c : "-._~".toCharArray()) {
      unreserved[c] = true;
    }
    return unreserved;
  }

  private static boolean[] plain() {
    boolean[] plain = new boolean[128];
    for (char c = 'a'; c <= 'z'; c++) {
      plain[c] = true;
      plain[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      plain[c] = true;
    }
    for (char c : "-._~!$&'()*+,;=:@".toCharArray()) {
      plain[c] = true;
    }
    return plain;
  }

  /**
   * {@code path} with each {@code \} turned into {@code /} and runs of {@code /} collapsed, or
   * {@code null} when it has neither (an encoded {@code %5C} is data and stays).
   */
  static String cleanSlashes(String path) {
    if (path.indexOf('\\') < 0 && !path.contains("//")) {
      return null;
    }
    StringBuilder clean = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i) == '\\' ? '/' : path.charAt(i);
      if (c != '/' || clean.length() == 0 || clean.charAt(clean.length() - 1) != '/') {
        clean.append(c);
      }
    }
    return clean.toString();
  }

  /**
   * The path inside the app: {@code path} without {@code basePath} ({@code /} for the base path
   * itself), or {@code null} when {@code path} lies outside it ({@code /docsx} is outside {@code
   * /docs}).
   */
  static String stripBasePath(String path, String basePath) {
    if (basePath.isEmpty()) {
      return path;
    }
    if (!path.startsWith(basePath)) {
      return null;
    }
    if (path.length() == basePath.length()) {
      return "/";
    }
    return path.charAt(basePath.length()) == '/' ? path.substring(basePath.length()) : null;
  }

  /**
   * Where the trailing-slash rule sends {@code path} (the whole path, base path included; {@code
   * appPath} is the same without it), or {@code null} when it stays. With {@code trailingSlash}
   * false, {@code /about/} goes to {@code /about}; with it true, {@code /about} goes to {@code
   * /about/} and {@code /file.txt/} to {@code /file.txt}. {@code /} itself never moves, nor do paths
   * under {@code /.well-known}.
   */
  static String trailingSlashTarget(String path, String appPath, boolean trailingSlash) {
    if (path.equals("/")) {
      return null;
    }
    boolean endsWithSlash = path.endsWith("/");
    if (!trailingSlash) {
      return endsWithSlash ? path.substring(0, path.length() - 1) : null;
    }
    if (appPath.equals("/.well-known") || appPath.startsWith("/.well-known/")) {
      return null;
    }
    if (endsWithSlash) {
      if (appPath.equals("/")) {
        return null;
      }
      String last = lastSegment(path.substring(0, path.length() - 1));
      return hasExtension(last) ? path.substring(0, path.length() - 1) : null;
    }
    return lastSegment(path).indexOf('.') < 0 ? path + "/" : null;
  }

  /** The path routes are matched against: without one trailing slash, except {@code /} itself. */
  static String routingPath(String appPath) {
    return appPath.length() > 1 && appPath.endsWith("/")
        ? appPath.substring(0, appPath.length() - 1)
        : appPath;
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Whether {@code segment} looks like a file name: {@code x.ext}, as Next.js's {@code [^/]+\.\w+}. */
  private static boolean hasExtension(String segment) {
    int dot = segment.lastIndexOf('.');
    if (dot <= 0 || dot == segment.length() - 1) {
      return false;
    }
    for (int i = dot + 1; i < segment.length(); i++) {
      char c = segment.charAt(i);
      boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!word) {
        return false;
      }
    }
    return true;
  }
}
