package dev.next4j.runtime.generated;

import dev.next4j.runtime.NextConfig.I18n;
import dev.next4j.runtime.Request;
import java.util.Locale;
import java.util.Objects;

/**
 * A route's URL in a locale, as Next.js's {@code <Link locale="fr">} builds it: the generated
 * {@code Routes.Locales} holds one, and each page record's {@code href(Routes.Locales.FR)} asks it
 * with the record's own {@code href()}.
 *
 * <p>The default locale keeps the URL as it is ({@code /docs/blog/x}); another locale goes after
 * the base path ({@code /docs/fr/blog/x}; the root {@code /docs} becomes {@code /docs/fr}, with
 * {@code trailingSlash} {@code /docs/fr/}). With domain routing, a request served on one of the
 * configured domains links, as Next.js does on a locale domain, to the domain that serves the
 * locale ({@code https://example.fr/blog/x}, the domain's default locale without a prefix), and a
 * locale no domain serves gets a prefix unless it is the current domain's default.
 */
public final class LocaleLinks {
  private final I18n i18n;
  private final String basePath;
  private final boolean trailingSlash;

  /**
   * Links for {@code i18n} under {@code basePath} ({@code ""} for none); {@code i18n} must pass
   * {@link I18n#check()}, as the build made sure.
   */
  public LocaleLinks(I18n i18n, String basePath, boolean trailingSlash) {
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.basePath = Objects.requireNonNull(basePath, "basePath");
    this.trailingSlash = trailingSlash;
    if (!i18n.check().isEmpty()) {
      throw new IllegalArgumentException("invalid i18n config: " + String.join("; ", i18n.check()));
    }
  }

  /**
   * {@code href}, a route's URL under the base path as its record's {@code href()} gives it, in
   * {@code locale}: unchanged for the default locale, else with the locale's prefix.
   */
  public String href(String locale, String href) {
    String tag = locale(locale);
    return join(tag.equals(i18n.defaultLocale()) ? basePath : basePath + "/" + tag, rest(href));
  }

  /**
   * The same for a link on the page {@code here} answers: when {@code here} came to one of the
   * configured domains, a locale that a domain serves gets that domain's absolute URL, and one that
   * none serves is prefixed unless it is the default locale of the domain {@code here} is on.
   * Elsewhere (no domain matches the request's {@code Host}) it is {@link #href(String, String)}.
   */
  public String href(String locale, String href, Request here) {
    String tag = locale(locale);
    I18n.Domain current = domainOfHost(here.header("host").orElse(""));
    if (current == null) {
      return href(tag, href);
    }
    String rest = rest(href);
    I18n.Domain target = domainServing(tag);
    if (target != null) {
      String prefix = tag.equals(target.defaultLocale()) ? basePath : basePath + "/" + tag;
      return (target.http() ? "http://" : "https://") + target.domain() + join(prefix, rest);
    }
    return join(tag.equals(current.defaultLocale()) ? basePath : basePath + "/" + tag, rest);
  }

  /** {@code locale} in its configured spelling; a locale the config does not list is refused. */
  private String locale(String locale) {
    Objects.requireNonNull(locale, "locale");
    for (String configured : i18n.locales()) {
      if (configured.equals(locale)) {
        return configured;
      }
    }
    throw new IllegalArgumentException("not a locale of this site: \"" + locale + "\" (its i18n locales are "
        + i18n.locales() + ")");
  }

  /** The part of {@code href} after the base path: {@code ""} or {@code /} for the root. */
  private String rest(String href) {
    if (!href.startsWith(basePath)) {
      throw new IllegalArgumentException("not a URL under the base path " + basePath + ": " + href);
    }
    return href.substring(basePath.length());
  }

  /** {@code prefix} (the base path and the locale's prefix) then {@code rest}, the root with Next.js's slash rule. */
  private String join(String prefix, String rest) {
    if (rest.isEmpty() || rest.equals("/")) {
      return prefix.isEmpty() ? "/" : trailingSlash ? prefix + "/" : prefix;
    }
    return prefix + rest;
  }

  /** The domain named by a {@code Host} header (its port dropped, any case); null for none. */
  private I18n.Domain domainOfHost(String host) {
    int colon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.indexOf(':');
    String name = colon < 0 ? host : host.substring(0, colon);
    for (I18n.Domain domain : i18n.domains()) {
      if (domain.domain().equalsIgnoreCase(name)) {
        return domain;
      }
    }
    return null;
  }

  /** The first domain that serves {@code locale}, as its default or one of its locales; null for none. */
  private I18n.Domain domainServing(String locale) {
    String lower = locale.toLowerCase(Locale.ROOT);
    for (I18n.Domain domain : i18n.domains()) {
      if (domain.defaultLocale().toLowerCase(Locale.ROOT).equals(lower)
          || domain.locales().stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).equals(lower))) {
        return domain;
      }
    }
    return null;
  }
}
