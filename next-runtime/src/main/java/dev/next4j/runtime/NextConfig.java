package dev.next4j.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The configuration that shapes routing and serving (Next.js's {@code next.config.js}). The pom's
 * {@code <configuration>} is validated at build time and compiled into the generated {@code
 * NextServer}; a custom server may pass its own through {@link NextOptions.Builder#conf}, which then
 * replaces the pom's entirely.
 */
public final class NextConfig {
  private static final NextConfig DEFAULTS = builder().build();

  private final String basePath;
  private final boolean trailingSlash;
  private final boolean poweredByHeader;
  private final boolean generateEtags;
  private final boolean compress;
  private final long bodySizeLimit;
  private final List<RouteRule> rules;
  private final boolean caseSensitiveRoutes;

  private NextConfig(Builder builder) {
    this.basePath = builder.basePath;
    this.trailingSlash = builder.trailingSlash;
    this.poweredByHeader = builder.poweredByHeader;
    this.generateEtags = builder.generateEtags;
    this.compress = builder.compress;
    this.bodySizeLimit = builder.bodySizeLimit;
    this.rules = List.copyOf(builder.rules);
    this.caseSensitiveRoutes = builder.caseSensitiveRoutes;
  }

  /**
   * Next.js's defaults: no base path, no trailing slash, powered-by header, ETags, compression, and
   * request bodies up to 1 MiB.
   */
  public static NextConfig defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The path prefix the whole app lives under ({@code /docs}), or an empty string. */
  public String basePath() {
    return basePath;
  }

  /** Whether URLs end in a slash ({@code /about/}); the other form gets a 308 redirect. */
  public boolean trailingSlash() {
    return trailingSlash;
  }

  /** Whether responses carry {@code X-Powered-By: next4j}. */
  public boolean poweredByHeader() {
    return poweredByHeader;
  }

  /** Whether page responses carry an {@code ETag} and answer {@code If-None-Match} with 304. */
  public boolean generateEtags() {
    return generateEtags;
  }

  /** Whether responses are gzip-compressed for clients that accept it. */
  public boolean compress() {
    return compress;
  }

  /**
   * The largest request body accepted, in bytes; a larger one is answered with 413 (Next.js's
   * {@code api.bodyParser.sizeLimit}, also 1 MiB by default).
   */
  public long bodySizeLimit() {
    return bodySizeLimit;
  }

  /**
   * The redirects, rewrites and headers rules, in the order given (each kind keeps its own order;
   * kinds run in the pipeline's order whatever their place here). Checked when the config was built.
   */
  public List<RouteRule> rules() {
    return rules;
  }

  /**
   * Whether rule sources match with case (Next.js's {@code experimental.caseSensitiveRoutes});
   * default false. {@code beforeFiles} rewrites ignore case either way, as in Next.js.
   */
  public boolean caseSensitiveRoutes() {
    return caseSensitiveRoutes;
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    return new Builder()
        .basePath(basePath)
        .trailingSlash(trailingSlash)
        .poweredByHeader(poweredByHeader)
        .generateEtags(generateEtags)
        .compress(compress)
        .bodySizeLimit(bodySizeLimit)
        .rules(rules)
        .caseSensitiveRoutes(caseSensitiveRoutes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NextConfig
        && ((NextConfig) o).basePath.equals(basePath)
        && ((NextConfig) o).trailingSlash == trailingSlash
        && ((NextConfig) o).poweredByHeader == poweredByHeader
        && ((NextConfig) o).generateEtags == generateEtags
        && ((NextConfig) o).compress == compress
        && ((NextConfig) o).bodySizeLimit == bodySizeLimit
        && ((NextConfig) o).rules.equals(rules)
        && ((NextConfig) o).caseSensitiveRoutes == caseSensitiveRoutes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        basePath, trailingSlash, poweredByHeader, generateEtags, compress, bodySizeLimit, rules, caseSensitiveRoutes);
  }

  @Override
  public String toString() {
    return "NextConfig{basePath=\"" + basePath + "\", trailingSlash=" + trailingSlash
        + ", poweredByHeader=" + poweredByHeader + ", generateEtags=" + generateEtags
        + ", compress=" + compress + ", bodySizeLimit=" + bodySizeLimit
        + (rules.isEmpty() ? "" : ", rules=" + rules) + (caseSensitiveRoutes ? ", caseSensitiveRoutes=true" : "") + "}";
  }

  /** Builds a {@link NextConfig}; every value starts at Next.js's default. */
  public static final class Builder {
    private String basePath = "";
    private boolean trailingSlash;
    private boolean poweredByHeader = true;
    private boolean generateEtags = true;
    private boolean compress = true;
    private long bodySizeLimit = 1024 * 1024;
    private final List<RouteRule> rules = new ArrayList<>();
    private boolean caseSensitiveRoutes;

    private Builder() {}

    /**
     * The base path: empty, or a path prefix that starts with {@code /} and does not end with one
     * ({@code /docs}).
     */
    public Builder basePath(String basePath) {
      Objects.requireNonNull(basePath, "basePath");
      if (!basePath.isEmpty()) {
        if (!basePath.startsWith("/")) {
          throw new IllegalArgumentException("basePath must start with '/': \"" + basePath + "\"");
        }
        if (basePath.endsWith("/")) {
          throw new IllegalArgumentException(
              "basePath must not end with '/': \"" + basePath + "\" (use \"\" for no base path)");
        }
        if (basePath.contains("?") || basePath.contains("#") || basePath.contains("//")) {
          throw new IllegalArgumentException("basePath must be a plain path prefix: \"" + basePath + "\"");
        }
      }
      this.basePath = basePath;
      return this;
    }

    public Builder trailingSlash(boolean trailingSlash) {
      this.trailingSlash = trailingSlash;
      return this;
    }

    public Builder poweredByHeader(boolean poweredByHeader) {
      this.poweredByHeader = poweredByHeader;
      return this;
    }

    public Builder generateEtags(boolean generateEtags) {
      this.generateEtags = generateEtags;
      return this;
    }

    public Builder compress(boolean compress) {
      this.compress = compress;
      return this;
    }

    /** The largest request body accepted, in bytes (at least 0); default 1 MiB. */
    public Builder bodySizeLimit(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("bodySizeLimit must be 0 or more bytes: " + bytes);
      }
      this.bodySizeLimit = bytes;
      return this;
    }

    /** Adds redirects, rewrites and headers rules, after those added before (see {@link RouteRule}). */
    public Builder rules(RouteRule... rules) {
      return rules(List.of(rules));
    }

    /** Adds redirects, rewrites and headers rules, after those added before (see {@link RouteRule}). */
    public Builder rules(List<RouteRule> rules) {
      for (RouteRule rule : rules) {
        this.rules.add(Objects.requireNonNull(rule, "rule"));
      }
      return this;
    }

    public Builder caseSensitiveRoutes(boolean caseSensitiveRoutes) {
      this.caseSensitiveRoutes = caseSensitiveRoutes;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException listing every problem of the rules ({@link RouteRule#check})
     */
    public NextConfig build() {
      List<RouteRule.Problem> problems = RouteRule.check(rules, basePath);
      if (!problems.isEmpty()) {
        StringBuilder message = new StringBuilder("invalid redirects, rewrites or headers:");
        for (RouteRule.Problem problem : problems) {
          message.append("\n  ").append(problem);
        }
        throw new IllegalArgumentException(message.toString());
      }
      return new NextConfig(this);
    }
  }
}
