package dev.next4j.codegen;

import java.util.Objects;

/**
 * The pom's server settings, compiled into the generated {@code NextServer} as a {@code NextConfig}
 * constant. They are checked when generating ({@code next.invalid-base-path}), so a bad value fails
 * the build at {@code pom.xml} rather than the server at startup.
 *
 * @param basePath the path prefix the app lives under ({@code /docs}), or {@code ""} for none
 * @param trailingSlash whether URLs end in a slash ({@code /about/})
 * @param poweredByHeader whether responses carry {@code X-Powered-By}
 * @param generateEtags whether pages carry ETags
 * @param compress whether responses are gzip-compressed
 */
public record ServerSettings(
    String basePath, boolean trailingSlash, boolean poweredByHeader, boolean generateEtags, boolean compress) {
  private static final ServerSettings DEFAULTS = new ServerSettings("", false, true, true, true);

  public ServerSettings {
    Objects.requireNonNull(basePath, "basePath");
  }

  /** Next.js's defaults: no base path, no trailing slash, powered-by header, ETags, compression. */
  public static ServerSettings defaults() {
    return DEFAULTS;
  }

  /** These settings with {@code basePath}. */
  public ServerSettings withBasePath(String basePath) {
    return new ServerSettings(basePath, trailingSlash, poweredByHeader, generateEtags, compress);
  }

  /** These settings with {@code trailingSlash}. */
  public ServerSettings withTrailingSlash(boolean trailingSlash) {
    return new ServerSettings(basePath, trailingSlash, poweredByHeader, generateEtags, compress);
  }
}
