package dev.next4j.runtime.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.NextConfig.I18n;
import dev.next4j.runtime.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A route's URL in a locale, as Next.js's Link with {@code locale} gives it. */
class LocaleLinksTest {
  private static final I18n I18N = I18n.of("en-US", "en-US", "fr", "nl-NL");
  private static final I18n DOMAINS = I18N.domains(
      new I18n.Domain("example.com", "en-US", List.of(), false),
      new I18n.Domain("example.fr", "fr", List.of(), true));

  private static Request on(String host) {
    return Request.builder("GET", "/").header("Host", host).build();
  }

  @Test
  void theDefaultLocaleHasNoPrefixAndAnotherGoesFirst() {
    LocaleLinks links = new LocaleLinks(I18N, "", false);

    assertThat(links.href("en-US", "/blog/x")).isEqualTo("/blog/x");
    assertThat(links.href("fr", "/blog/x")).isEqualTo("/fr/blog/x");
    assertThat(links.href("nl-NL", "/")).isEqualTo("/nl-NL");
    assertThat(links.href("en-US", "/")).isEqualTo("/");
  }

  @Test
  void theLocaleGoesAfterTheBasePathAndTheRootKeepsTheTrailingSlashRule() {
    LocaleLinks plain = new LocaleLinks(I18N, "/docs", false);
    LocaleLinks slashed = new LocaleLinks(I18N, "/docs", true);

    assertThat(plain.href("fr", "/docs")).isEqualTo("/docs/fr");
    assertThat(plain.href("fr", "/docs/about")).isEqualTo("/docs/fr/about");
    assertThat(plain.href("en-US", "/docs")).isEqualTo("/docs");
    assertThat(slashed.href("fr", "/docs/")).isEqualTo("/docs/fr/");
    assertThat(slashed.href("fr", "/docs/about/")).isEqualTo("/docs/fr/about/");
    assertThat(new LocaleLinks(I18N, "", true).href("fr", "/")).isEqualTo("/fr/");
  }

  @Test
  void onALocaleDomainALocaleADomainServesLinksToThatDomain() {
    LocaleLinks links = new LocaleLinks(DOMAINS, "/docs", false);

    assertThat(links.href("fr", "/docs/about", on("example.com"))).isEqualTo("http://example.fr/docs/about");
    assertThat(links.href("en-US", "/docs", on("EXAMPLE.fr:8443"))).isEqualTo("https://example.com/docs");
    assertThat(links.href("fr", "/docs/about", on("example.fr"))).as("its own domain too, as Next.js")
        .isEqualTo("http://example.fr/docs/about");
    assertThat(links.href("nl-NL", "/docs/about", on("example.fr"))).as("no domain serves nl-NL: a prefix")
        .isEqualTo("/docs/nl-NL/about");
  }

  @Test
  void aLocaleNoDomainServesIsPrefixedUnlessItIsTheCurrentDomainsDefault() {
    I18n i18n = I18N.domains(new I18n.Domain("example.fr", "fr", List.of(), false));
    LocaleLinks links = new LocaleLinks(i18n, "", false);

    assertThat(links.href("en-US", "/about", on("example.fr"))).as("the site's default is not this domain's")
        .isEqualTo("/en-US/about");
    assertThat(links.href("fr", "/about", on("example.fr"))).isEqualTo("https://example.fr/about");
  }

  @Test
  void offTheDomainsTheLinkIsThePrefixedPath() {
    LocaleLinks links = new LocaleLinks(DOMAINS, "", false);

    assertThat(links.href("fr", "/about", on("localhost:3000"))).isEqualTo("/fr/about");
    assertThat(links.href("en-US", "/about", Request.get("/"))).isEqualTo("/about");
  }

  @Test
  void aLocaleTheSiteDoesNotDeclareOrABadConfigIsRefused() {
    LocaleLinks links = new LocaleLinks(I18N, "/docs", false);

    assertThatThrownBy(() -> links.href("de", "/docs/about")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a locale of this site: \"de\" (its i18n locales are [en-US, fr, nl-NL])");
    assertThatThrownBy(() -> links.href("fr", "/about")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a URL under the base path /docs: /about");
    assertThatThrownBy(() -> new LocaleLinks(I18n.of("de", "en"), "", false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid i18n config: Specified i18n.defaultLocale should be included in i18n.locales. Got \"de\"");
  }
}
