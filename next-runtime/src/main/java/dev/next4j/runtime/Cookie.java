package dev.next4j.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A cookie to set with {@link Response#withCookie(Cookie)}, as an immutable value whose every part
 * is checked, so no input can break the {@code Set-Cookie} header or smuggle in an attribute.
 *
 * <pre>{@code
 * Cookie theme = Cookie.of("theme", "dark")
 *     .withMaxAge(Duration.ofDays(30))
 *     .withPath("/")
 *     .withHttpOnly(true)
 *     .withSecure(true)
 *     .withSameSite(Cookie.SameSite.LAX);
 * theme.toHeaderValue();   // "theme=dark; Max-Age=2592000; Path=/; Secure; HttpOnly; SameSite=Lax"
 * return Response.html(page).withCookie(theme);
 * return Response.redirect(303, "/").withCookie(Cookie.delete("theme").withPath("/"));
 * }</pre>
 *
 * <p>The rules (RFC 6265 §4.1.1), each an {@link IllegalArgumentException} naming the part and
 * quoting the value when broken:
 *
 * <ul>
 *   <li>the name is a non-empty token: ASCII letters, digits and {@code !#$%&'*+-.^_`|~};
 *   <li>the value is ASCII from {@code !} to {@code ~} except {@code "} {@code ,} {@code ;} and
 *       {@code \} (no spaces, no control characters); percent-encode or Base64url anything else
 *       before setting it, e.g. with {@code URLEncoder.encode(value, UTF_8)};
 *   <li>{@code Path} is printable ASCII without {@code ;}, and starts with {@code /};
 *   <li>{@code Domain} is a host name: letters, digits, {@code -} and {@code .};
 *   <li>{@code Max-Age} is zero or more whole seconds;
 *   <li>{@code SameSite=None} needs {@code Secure} (browsers drop the cookie otherwise), and the
 *       prefixes {@code __Secure-} and {@code __Host-} need what browsers demand of them ({@code
 *       Secure}; for {@code __Host-} also {@code Path=/} and no {@code Domain}). These are
 *       checked when the header is made, since they depend on several parts.
 * </ul>
 *
 * <p>Reading a cookie the browser sends back is {@link Request#cookie(String)}.
 */
public final class Cookie {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  /** The {@code SameSite} attribute's values. */
  public enum SameSite {
    /** Sent only with requests from the cookie's own site. */
    STRICT("Strict"),
    /** Also sent when the user follows a link from another site (browsers' default). */
    LAX("Lax"),
    /** Sent with cross-site requests too; needs {@code Secure}. */
    NONE("None");

    private final String attribute;

    SameSite(String attribute) {
      this.attribute = attribute;
    }
  }

  private final String name;
  private final String value;
  private final Long maxAge;
  private final Instant expires;
  private final String path;
  private final String domain;
  private final boolean secure;
  private final boolean httpOnly;
  private final SameSite sameSite;

  private Cookie(
      String name,
      String value,
      Long maxAge,
      Instant expires,
      String path,
      String domain,
      boolean secure,
      boolean httpOnly,
      SameSite sameSite) {
    this.name = name;
    this.value = value;
    this.maxAge = maxAge;
    this.expires = expires;
    this.path = path;
    this.domain = domain;
    this.secure = secure;
    this.httpOnly = httpOnly;
    this.sameSite = sameSite;
  }

  /**
   * A session cookie (no {@code Max-Age} or {@code Expires}) named {@code name} with {@code value},
   * which may be empty.
   *
   * @throws IllegalArgumentException if the name is not a token or the value has a character a
   *     cookie value may not have
   */
  public static Cookie of(String name, String value) {
    checkName(name);
    checkValue(name, value);
    return new Cookie(name, value, null, null, null, null, false, false, null);
  }

  /**
   * A cookie that deletes {@code name} in the browser: empty value, {@code Max-Age=0} and an
   * {@code Expires} in 1970. Give it the same {@code Path} and {@code Domain} the cookie was set
   * with, or the browser keeps the original.
   *
   * <pre>{@code
   * Cookie.delete("session").withPath("/").toHeaderValue()
   * // "session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"
   * }</pre>
   */
  public static Cookie delete(String name) {
    checkName(name);
    return new Cookie(name, "", 0L, Instant.EPOCH, null, null, false, false, null);
  }

  /** The name. */
  public String name() {
    return name;
  }

  /** The value; empty for a {@link #delete(String)} cookie. */
  public String value() {
    return value;
  }

  /** This cookie with {@code Max-Age}: the browser keeps it this long (whole seconds, 0 or more). */
  public Cookie withMaxAge(Duration maxAge) {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("cookie " + name + ": Max-Age is negative: " + maxAge);
    }
    return new Cookie(name, value, maxAge.getSeconds(), expires, path, domain, secure, httpOnly, sameSite);
  }

  /**
   * This cookie with {@code Expires} at {@code expires} (to the second). When {@code Max-Age} is
   * set as well, browsers follow {@code Max-Age}; {@code Expires} is for very old clients.
   */
  public Cookie withExpires(Instant expires) {
    Objects.requireNonNull(expires, "expires");
    return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite);
  }

  /** This cookie with {@code Path}, e.g. {@code "/"} for the whole site. */
  public Cookie withPath(String path) {
    checkPath(name, path);
    return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite);
  }

  /** This cookie with {@code Domain}, which makes it reach the domain's subdomains too. */
  public Cookie withDomain(String domain) {
    checkDomain(name, domain);
    return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite);
  }

  /** This cookie with or without {@code Secure}: sent over HTTPS only. */
  public Cookie withSecure(boolean secure) {
    return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite);
  }

  /** This cookie with or without {@code HttpOnly}: hidden from JavaScript's {@code document.cookie}. */
  public Cookie withHttpOnly(boolean httpOnly) {
    return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite);
  }

  /** This cookie with {@code SameSite}. */
  public Cookie withSameSite(SameSite sameSite) {
    Objects.requireNonNull(sameSite, "sameSite");
    return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite);
  }

  /**
   * The {@code Set-Cookie} header value: {@code name=value}, then the attributes that are set, in
   * the order {@code Max-Age}, {@code Expires}, {@code Path}, {@code Domain}, {@code Secure},
   * {@code HttpOnly}, {@code SameSite}.
   *
   * @throws IllegalArgumentException if the parts contradict each other (see the class comment)
   */
  public String toHeaderValue() {
    checkCombination();
    StringBuilder header = new StringBuilder(name).append('=').append(value);
    if (maxAge != null) {
      header.append("; Max-Age=").append(maxAge);
    }
    if (expires != null) {
      header.append("; Expires=").append(IMF_FIXDATE.format(expires));
    }
    if (path != null) {
      header.append("; Path=").append(path);
    }
    if (domain != null) {
      header.append("; Domain=").append(domain);
    }
    if (secure) {
      header.append("; Secure");
    }
    if (httpOnly) {
      header.append("; HttpOnly");
    }
    if (sameSite != null) {
      header.append("; SameSite=").append(sameSite.attribute);
    }
    return header.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Cookie)) {
      return false;
    }
    Cookie c = (Cookie) o;
    return name.equals(c.name)
        && value.equals(c.value)
        && Objects.equals(maxAge, c.maxAge)
        && Objects.equals(expires, c.expires)
        && Objects.equals(path, c.path)
        && Objects.equals(domain, c.domain)
        && secure == c.secure
        && httpOnly == c.httpOnly
        && sameSite == c.sameSite;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite);
  }

  @Override
  public String toString() {
    return "Cookie{" + toHeaderValueUnchecked() + "}";
  }

  private String toHeaderValueUnchecked() {
    try {
      return toHeaderValue();
    } catch (IllegalArgumentException e) {
      return name + "=" + value + " (invalid: " + e.getMessage() + ")";
    }
  }

  private void checkCombination() {
    if (sameSite == SameSite.NONE && !secure) {
      throw new IllegalArgumentException(
          "cookie " + name + ": SameSite=None needs Secure (browsers drop it otherwise); add withSecure(true)");
    }
    if (name.startsWith("__Secure-") && !secure) {
      throw new IllegalArgumentException("cookie " + name + ": the __Secure- prefix needs Secure; add withSecure(true)");
    }
    if (name.startsWith("__Host-") && (!secure || !"/".equals(path) || domain != null)) {
      throw new IllegalArgumentException(
          "cookie " + name + ": the __Host- prefix needs Secure, Path=/ and no Domain");
    }
  }

  private static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("cookie name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        throw new IllegalArgumentException(
            "cookie name " + quote(name) + " has " + describe(c) + " at index " + i
                + "; a name is letters, digits and !#$%&'*+-.^_`|~");
      }
    }
  }

  private static void checkValue(String name, String value) {
    Objects.requireNonNull(value, "value");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 127 || c == '"' || c == ',' || c == ';' || c == '\\') {
        throw new IllegalArgumentException(
            "cookie " + name + ": value " + quote(value) + " has " + describe(c) + " at index " + i
                + "; encode the value first (e.g. URLEncoder.encode(value, UTF_8))");
      }
    }
  }

  private static void checkPath(String name, String path) {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("cookie " + name + ": Path " + quote(path) + " does not start with '/'");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < ' ' || c >= 127 || c == ';') {
        throw new IllegalArgumentException(
            "cookie " + name + ": Path " + quote(path) + " has " + describe(c) + " at index " + i);
      }
    }
  }

  private static void checkDomain(String name, String domain) {
    Objects.requireNonNull(domain, "domain");
    String host = domain.startsWith(".") ? domain.substring(1) : domain;
    if (host.isEmpty() || host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
      throw new IllegalArgumentException("cookie " + name + ": Domain " + quote(domain) + " is not a host name");
    }
    for (int i = 0; i < domain.length(); i++) {
      char c = domain.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
      if (!ok) {
        throw new IllegalArgumentException(
            "cookie " + name + ": Domain " + quote(domain) + " has " + describe(c) + " at index " + i
                + "; a domain is letters, digits, '-' and '.' (use the punycode form of other names)");
      }
    }
  }

  /** {@code value} in double quotes, with control characters shown as a backslash, u and four hex digits. */
  private static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || c == 127) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String describe(char c) {
    if (c < ' ' || c == 127) {
      return String.format(Locale.ROOT, "a control character (U+%04X)", (int) c);
    }
    if (c == ' ') {
      return "a space";
    }
    if (c >= 127) {
      return String.format(Locale.ROOT, "a non-ASCII character '%c' (U+%04X)", c, (int) c);
    }
    return "'" + c + "'";
  }
}
