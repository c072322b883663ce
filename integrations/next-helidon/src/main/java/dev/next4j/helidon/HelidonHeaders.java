package dev.next4j.helidon;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Helidon's header names and prebuilt header lines for the names and values an app uses again and
 * again, so that a request does not build them anew; one per {@link HelidonEngine#handler}, shared
 * by its requests. A response of a page sends the same {@code
 * content-type}, {@code x-powered-by} and, for the same bytes, the same {@code etag} on every
 * request: each name keeps the last single-valued header it was sent with, built once with its
 * line's bytes ({@link HeaderValues#createCached(HeaderName, String)}), and a response with that
 * value sends that header as it is.
 *
 * <p>Both caches are bounded: a page may make up header names (and every request may ask for
 * another request header), so past {@link #MAX_NAMES} names a name or header is built for its
 * request and not kept. Values that are not visible ASCII are never kept (Helidon decides what a
 * value above U+007F becomes on the wire, each time).
 */
final class HelidonHeaders {
  /** The most header names each cache keeps. */
  static final int MAX_NAMES = 128;

  private final ConcurrentHashMap<String, HeaderName> names = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Header> lastSent = new ConcurrentHashMap<>();

  /** Helidon's name for the header {@code name}, in any case. */
  HeaderName name(String name) {
    HeaderName known = names.get(name);
    if (known != null) {
      return known;
    }
    HeaderName made = HeaderNames.create(name);
    if (names.size() < MAX_NAMES) {
      names.putIfAbsent(name, made);
    }
    return made;
  }

  /** The response header {@code name} with {@code values} (one header line each, in order). */
  Header header(String name, List<String> values) {
    if (values.size() != 1) {
      return HeaderValues.create(name(name), values);
    }
    String value = values.get(0);
    Header last = lastSent.get(name);
    if (last != null && last.get().equals(value)) {
      return last;
    }
    if (!isVisibleAscii(value)) {
      return HeaderValues.create(name(name), value);
    }
    Header made = HeaderValues.createCached(name(name), value);
    if (last != null || lastSent.size() < MAX_NAMES) {
      lastSent.put(name, made);
    }
    return made;
  }

  /** Whether {@code value} is printable ASCII, spaces and tabs: bytes a header line holds as they are. */
  static boolean isVisibleAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
