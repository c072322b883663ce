package dev.next4j.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
  private final I18n i18n;
  private final boolean skipTrailingSlashRedirect;

  private NextConfig(Builder builder) {
    this.basePath = builder.basePath;
    this.trailingSlash = builder.trailingSlash;
    this.poweredByHeader = builder.poweredByHeader;
    this.generateEtags = builder.generateEtags;
    this.compress = builder.compress;
    this.bodySizeLimit = builder.bodySizeLimit;
    this.rules = List.copyOf(builder.rules);
    this.caseSensitiveRoutes = builder.caseSensitiveRoutes;
    this.i18n = builder.i18n;
    this.skipTrailingSlashRedirect = builder.skipTrailingSlashRedirect;
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

  /** The i18n sub-path routing (Next.js's {@code i18n}), if the app has it. */
  public Optional<I18n> i18n() {
    return Optional.ofNullable(i18n);
  }

  /**
   * Whether the trailing-slash 308s are left out (Next.js's {@code skipTrailingSlashRedirect});
   * default false. Routes still match with or without the slash; middleware, rules and pages see
   * the path as the client sent it.
   */
  public boolean skipTrailingSlashRedirect() {
    return skipTrailingSlashRedirect;
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
        .caseSensitiveRoutes(caseSensitiveRoutes)
        .i18n(i18n)
        .skipTrailingSlashRedirect(skipTrailingSlashRedirect);
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
        && ((NextConfig) o).caseSensitiveRoutes == caseSensitiveRoutes
        && Objects.equals(((NextConfig) o).i18n, i18n)
        && ((NextConfig) o).skipTrailingSlashRedirect == skipTrailingSlashRedirect;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        basePath, trailingSlash, poweredByHeader, generateEtags, compress, bodySizeLimit, rules, caseSensitiveRoutes, i18n,
        skipTrailingSlashRedirect);
  }

  @Override
  public String toString() {
    return "NextConfig{basePath=\"" + basePath + "\", trailingSlash=" + trailingSlash
        + ", poweredByHeader=" + poweredByHeader + ", generateEtags=" + generateEtags
        + ", compress=" + compress + ", bodySizeLimit=" + bodySizeLimit
        + (rules.isEmpty() ? "" : ", rules=" + rules) + (caseSensitiveRoutes ? ", caseSensitiveRoutes=true" : "")
        + (i18n == null ? "" : ", i18n=" + i18n)
        + (skipTrailingSlashRedirect ? ", skipTrailingSlashRedirect=true" : "") + "}";
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
    private I18n i18n;
    private boolean skipTrailingSlashRedirect;

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

    /** Leaves out the trailing-slash 308s (Next.js's {@code skipTrailingSlashRedirect}); default false. */
    public Builder skipTrailingSlashRedirect(boolean skip) {
      this.skipTrailingSlashRedirect = skip;
      return this;
    }

    /** i18n sub-path routing (Next.js's {@code i18n}); null for none, the default. Checked by {@link #build}. */
    public Builder i18n(I18n i18n) {
      this.i18n = i18n;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException listing every problem of the rules ({@link RouteRule#check})
     *     and of the i18n config ({@link I18n#check})
     */
    public NextConfig build() {
      // Without rules there is nothing to check, and the checker (and its regexes) stays unloaded.
      List<RouteRule.Problem> problems = rules.isEmpty() ? List.of() : RouteRule.check(rules, basePath);
      if (!problems.isEmpty()) {
        StringBuilder message = new StringBuilder("invalid redirects, rewrites or headers:");
        for (RouteRule.Problem problem : problems) {
          message.append("\n  ").append(problem);
        }
        throw new IllegalArgumentException(message.toString());
      }
      List<String> i18nProblems = i18n == null ? List.of() : i18n.check();
      if (!i18nProblems.isEmpty()) {
        throw new IllegalArgumentException("invalid i18n config:\n  " + String.join("\n  ", i18nProblems));
      }
      return new NextConfig(this);
    }
  }

  /**
   * i18n sub-path routing as Next.js's pages router does it: the {@code locales} the app serves, the
   * {@code defaultLocale} (served without a prefix), whether {@code /} redirects to the locale the
   * client prefers ({@code localeDetection}: the {@code NEXT_LOCALE} cookie, else {@code
   * Accept-Language}), and the {@code domains} that each serve their own default locale.
   *
   * <pre>{@code
   * NextConfig.I18n.of("en", "en", "fr", "nl-NL")
   *     .domains(NextConfig.I18n.Domain.of("example.fr", "fr"))
   * }</pre>
   */
  public record I18n(List<String> locales, String defaultLocale, boolean localeDetection, List<Domain> domains) {
    public I18n {
      Objects.requireNonNull(locales, "locales");
      Objects.requireNonNull(defaultLocale, "defaultLocale");
      locales = List.copyOf(locales);
      domains = List.copyOf(domains);
    }

    /** {@code locales} with {@code defaultLocale}, detection on, no domains. */
    public static I18n of(String defaultLocale, String... locales) {
      return new I18n(List.of(locales), defaultLocale, true, List.of());
    }

    /** This config with locale detection on or off (Next.js's {@code localeDetection: false}). */
    public I18n localeDetection(boolean on) {
      return new I18n(locales, defaultLocale, on, domains);
    }

    /** This config with {@code domains} for domain routing. */
    public I18n domains(Domain... domains) {
      return new I18n(locales, defaultLocale, localeDetection, List.of(domains));
    }

    /**
     * A domain that serves {@code defaultLocale} without a prefix (and its other {@code locales}
     * with one); {@code http} makes links and redirects to it use {@code http://}.
     */
    public record Domain(String domain, String defaultLocale, List<String> locales, boolean http) {
      public Domain {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(defaultLocale, "defaultLocale");
        locales = List.copyOf(locales);
      }

      /** {@code domain} serving {@code defaultLocale}, and {@code locales} under a prefix, over https. */
      public static Domain of(String domain, String defaultLocale, String... locales) {
        return new Domain(domain, defaultLocale, List.of(locales), false);
      }
    }

    /**
     * Every problem of this config, with Next.js's wording where it has one: no locales, a
     * duplicate locale, a default locale (of the config or a domain) that is not a locale, a
     * domain given with a protocol, port or path, a domain or a domain's default locale named twice.
     */
    public List<String> check() {
      List<String> problems = new ArrayList<>();
      if (locales.isEmpty()) {
        problems.add("i18n.locales must list at least one locale");
      }
      Set<String> seen = new HashSet<>();
      Set<String> duplicates = new LinkedHashSet<>();
      for (String locale : locales) {
        if (locale == null || locale.isBlank() || !locale.matches("[A-Za-z0-9-]+")) {
          problems.add("i18n.locales has an invalid locale \"" + locale + "\" (letters, digits and '-' only)");
        } else if (!seen.add(locale.toLowerCase(Locale.ROOT))) {
          duplicates.add(locale);
        }
      }
      if (!duplicates.isEmpty()) {
        problems.add("Specified i18n.locales contains the following duplicate locales: " + String.join(", ", duplicates)
            + ". Each locale should be listed only once.");
      }
      if (defaultLocale.isEmpty()) {
        problems.add("Specified i18n.defaultLocale should be a string");
      } else if (!seen.contains(defaultLocale.toLowerCase(Locale.ROOT))) {
        problems.add("Specified i18n.defaultLocale should be included in i18n.locales. Got \"" + defaultLocale + "\"");
      }
      Set<String> domainNames = new HashSet<>();
      Map<String, String> domainDefaults = new HashMap<>();
      for (Domain domain : domains) {
        if (!domain.domain().matches("[A-Za-z0-9.-]+")) {
          problems.add("i18n domain: \"" + domain.domain() + "\" is invalid it should be a valid domain without"
              + " protocol (https://) or port (:3000) e.g. example.vercel.sh");
        } else if (!domainNames.add(domain.domain().toLowerCase(Locale.ROOT))) {
          problems.add("i18n domain \"" + domain.domain() + "\" is listed more than once");
        }
        if (!seen.contains(domain.defaultLocale().toLowerCase(Locale.ROOT))) {
          problems.add("i18n domain " + domain.domain() + " has defaultLocale \"" + domain.defaultLocale()
              + "\", which is not in i18n.locales");
        } else if (domainDefaults.putIfAbsent(domain.defaultLocale().toLowerCase(Locale.ROOT), domain.domain()) != null) {
          problems.add("Invalid i18n.domains values: Both "
              + domainDefaults.get(domain.defaultLocale().toLowerCase(Locale.ROOT)) + " and " + domain.domain()
              + " configured the defaultLocale " + domain.defaultLocale()
              + " but only one can. Change one item's default locale to continue");
        }
        for (String locale : domain.locales()) {
          if (!seen.contains(locale.toLowerCase(Locale.ROOT))) {
            problems.add("i18n domain " + domain.domain() + " lists the locale \"" + locale
                + "\", which is not in i18n.locales");
          }
        }
      }
      return problems;
    }
  }
}
