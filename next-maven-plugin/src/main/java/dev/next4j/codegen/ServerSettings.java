package dev.next4j.codegen;

import dev.next4j.runtime.NextConfig;
import java.util.List;
import java.util.Objects;

/**
 * The pom's server settings, compiled into the generated {@code NextServer} as a {@code NextConfig}
 * constant. They are checked when generating ({@code next.invalid-base-path}, {@code
 * next.invalid-body-size-limit}), so a bad value fails the build at {@code pom.xml} rather than the
 * server at startup.
 *
 * @param basePath the path prefix the app lives under ({@code /docs}), or {@code ""} for none
 * @param trailingSlash whether URLs end in a slash ({@code /about/})
 * @param poweredByHeader whether responses carry {@code X-Powered-By}
 * @param generateEtags whether pages carry ETags
 * @param compress whether responses are gzip-compressed
 * @param bodySizeLimit the largest request body accepted, in bytes (Next.js's {@code
 *     api.bodyParser.sizeLimit})
 * @param rules the redirects, rewrites and headers, checked when generating ({@code
 *     next.invalid-rule})
 * @param caseSensitiveRoutes whether rule sources match with case
 * @param i18n the i18n sub-path routing, or null for none; checked when generating ({@code
 *     next.invalid-i18n})
 * @param skipTrailingSlashRedirect whether the trailing-slash 308s are left out (Next.js's {@code
 *     skipTrailingSlashRedirect})
 */
public record ServerSettings(
    String basePath,
    boolean trailingSlash,
    boolean poweredByHeader,
    boolean generateEtags,
    boolean compress,
    long bodySizeLimit,
    List<RuleSpec> rules,
    boolean caseSensitiveRoutes,
    NextConfig.I18n i18n,
    boolean skipTrailingSlashRedirect) {
  /** Next.js's default body size limit: 1 MiB. */
  public static final long DEFAULT_BODY_SIZE_LIMIT = 1024 * 1024;

  private static final ServerSettings DEFAULTS = new ServerSettings("", false, true, true, true, DEFAULT_BODY_SIZE_LIMIT);

  public ServerSettings {
    Objects.requireNonNull(basePath, "basePath");
    rules = List.copyOf(rules);
  }

  /** Settings with the trailing-slash redirects. */
  public ServerSettings(String basePath, boolean trailingSlash, boolean poweredByHeader, boolean generateEtags,
      boolean compress, long bodySizeLimit, List<RuleSpec> rules, boolean caseSensitiveRoutes, NextConfig.I18n i18n) {
    this(basePath, trailingSlash, poweredByHeader, generateEtags, compress, bodySizeLimit, rules, caseSensitiveRoutes, i18n,
        false);
  }

  /** Settings without rules. */
  public ServerSettings(
      String basePath, boolean trailingSlash, boolean poweredByHeader, boolean generateEtags, boolean compress,
      long bodySizeLimit) {
    this(basePath, trailingSlash, poweredByHeader, generateEtags, compress, bodySizeLimit, List.of(), false, null, false);
  }

  /** Settings with the default body size limit. */
  public ServerSettings(String basePath, boolean trailingSlash, boolean poweredByHeader, boolean generateEtags, boolean compress) {
    this(basePath, trailingSlash, poweredByHeader, generateEtags, compress, DEFAULT_BODY_SIZE_LIMIT);
  }

  /** Next.js's defaults: no base path, no trailing slash, powered-by header, ETags, compression, 1 MiB bodies. */
  public static ServerSettings defaults() {
    return DEFAULTS;
  }

  /** These settings with {@code basePath}. */
  public ServerSettings withBasePath(String basePath) {
    return new ServerSettings(
        basePath, trailingSlash, poweredByHeader, generateEtags, compress, bodySizeLimit, rules, caseSensitiveRoutes, i18n,
        skipTrailingSlashRedirect);
  }

  /** These settings with {@code trailingSlash}. */
  public ServerSettings withTrailingSlash(boolean trailingSlash) {
    return new ServerSettings(
        basePath, trailingSlash, poweredByHeader, generateEtags, compress, bodySizeLimit, rules, caseSensitiveRoutes, i18n,
        skipTrailingSlashRedirect);
  }

  /** These settings with {@code bodySizeLimit}. */
  public ServerSettings withBodySizeLimit(long bodySizeLimit) {
    return new ServerSettings(
        basePath, trailingSlash, poweredByHeader, generateEtags, compress, bodySizeLimit, rules, caseSensitiveRoutes, i18n,
        skipTrailingSlashRedirect);
  }

  /** These settings with {@code i18n} (null for none). */
  public ServerSettings withI18n(NextConfig.I18n i18n) {
    return new ServerSettings(
        basePath, trailingSlash, poweredByHeader, generateEtags, compress, bodySizeLimit, rules, caseSensitiveRoutes, i18n,
        skipTrailingSlashRedirect);
  }

  /** These settings with {@code rules}. */
  public ServerSettings withRules(List<RuleSpec> rules) {
    return new ServerSettings(
        basePath, trailingSlash, poweredByHeader, generateEtags, compress, bodySizeLimit, rules, caseSensitiveRoutes, i18n,
        skipTrailingSlashRedirect);
  }
}
