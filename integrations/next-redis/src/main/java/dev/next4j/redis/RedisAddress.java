package dev.next4j.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the Redis server is, from a {@code redis://[[user]:password@]host[:port][/database]} URL
 * (Redis's own URL form; the port defaults to 6379, the database to 0).
 *
 * <pre>{@code
 * RedisAddress.parse("redis://:s3cret@redis.cache.svc:6379/2");  // host redis.cache.svc, database 2
 * }</pre>
 *
 * @param user the ACL user, or null for the default user
 * @param password the password, or null when the server needs none
 */
record RedisAddress(String host, int port, String user, String password, int database) {
  static final int DEFAULT_PORT = 6379;

  /** Parses {@code url}; a malformed one is an {@link IllegalArgumentException} that quotes it (password hidden). */
  static RedisAddress parse(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a Redis URL (redis://host:port/database): \"" + hidden(url) + "\": " + e.getReason());
    }
    if ("rediss".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("rediss:// (Redis over TLS) is not supported by next-redis: \"" + hidden(url)
          + "\"; reach the server over redis:// (a TLS sidecar or a cluster-internal address)");
    }
    if (!"redis".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("not a Redis URL (redis://host:port/database): \"" + hidden(url) + "\"");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      String rawUser = colon < 0 ? "" : info.substring(0, colon);
      String rawPassword = colon < 0 ? info : info.substring(colon + 1);
      user = rawUser.isEmpty() ? null : decode(rawUser);
      password = rawPassword.isEmpty() ? null : decode(rawPassword);
    }
    int database = 0;
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (!path.isEmpty() && !path.equals("/")) {
      try {
        database = Integer.parseInt(path.substring(1));
      } catch (NumberFormatException e) {
        database = -1;
      }
      if (database < 0) {
        throw new IllegalArgumentException("a Redis URL's path is the database number (0, 1, …), not \"" + path
            + "\": \"" + hidden(url) + "\"");
      }
    }
    return new RedisAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), user, password, database);
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** {@code url} with its password replaced by {@code ***}, for messages and logs. */
  static String hidden(String url) {
    int at = url.indexOf('@');
    int scheme = url.indexOf("://");
    if (at < 0 || scheme < 0 || at < scheme) {
      return url;
    }
    String info = url.substring(scheme + 3, at);
    int colon = info.indexOf(':');
    String user = colon < 0 ? "" : info.substring(0, colon);
    return url.substring(0, scheme + 3) + user + ":***" + url.substring(at);
  }

  /** {@code redis://host:port/database}, without the password. */
  @Override
  public String toString() {
    return "redis://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
  }
}
