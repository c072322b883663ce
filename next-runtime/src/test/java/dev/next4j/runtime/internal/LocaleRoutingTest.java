package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextConfig.I18n;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.TestRoutes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** i18n sub-path routing: the locale prefix, {@code request.locale()}, detection from {@code /}, domains. */
class LocaleRoutingTest {
  private static final I18n I18N = I18n.of("en-US", "en-US", "fr", "nl-NL");

  private static RouteTable table() {
    return TestRoutes.table(
        TestRoutes.page("/", r -> new TestSite.None(), (request, p) -> answer(request)),
        TestRoutes.page("/about", r -> new TestSite.None(), (request, p) -> answer(request)),
        TestRoutes.page("/blog/[slug]", r -> new TestSite.Slug(r.param("slug")), (request, p) -> answer(request)));
  }

  private static Response answer(Request request) {
    return Response.text(request.locale() + " " + request.route() + " " + request.path()
        + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()));
  }

  private static NextApp app(NextConfig config) {
    return TestSite.app(table(), config, NextOptions.builder().build());
  }

  private static Response get(NextApp app, String target, String... headers) {
    Request.Builder request = Request.builder("GET", target);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return app.handle(request.build());
  }

  @Test
  void theLocalePrefixIsStrippedBeforeRoutingAndGivenToThePage() {
    try (NextApp app = app(NextConfig.builder().i18n(I18N).build())) {
      assertThat(get(app, "/about").bodyText()).isEqualTo("en-US /about /about");
      assertThat(get(app, "/fr/about").bodyText()).isEqualTo("fr /about /about");
      assertThat(get(app, "/FR/blog/bonjour?x=1").bodyText()).as("found regardless of case, spelled as configured")
          .isEqualTo("fr /blog/[slug] /blog/bonjour?x=1");
      assertThat(get(app, "/nl-NL").bodyText()).isEqualTo("nl-NL / /");
      assertThat(get(app, "/en-US/about").bodyText()).as("the default locale's own prefix").isEqualTo("en-US /about /about");
      assertThat(get(app, "/de/about").status()).as("not a locale: an ordinary path").isEqualTo(404);
    }
  }

  @Test
  void rootRedirectsToTheCookieOrAcceptLanguageLocale() {
    try (NextApp app = app(NextConfig.builder().i18n(I18N).build())) {
      Response fromHeader = get(app, "/?ref=x", "Accept-Language", "de;q=0.9, fr-CA;q=0.8, en;q=0.1");
      Response fromCookie = get(app, "/", "Accept-Language", "fr", "Cookie", "NEXT_LOCALE=nl-nl");

      assertThat(fromHeader.status()).isEqualTo(307);
      assertThat(fromHeader.header("location")).hasValue("/fr?ref=x");
      assertThat(fromCookie.header("location")).as("the cookie wins over the header").hasValue("/nl-NL");
      assertThat(get(app, "/", "Accept-Language", "en-US,fr;q=0.5").bodyText()).as("the default: no redirect")
          .isEqualTo("en-US / /");
      assertThat(get(app, "/", "Accept-Language", "de").bodyText()).isEqualTo("en-US / /");
      assertThat(get(app, "/about", "Accept-Language", "fr").bodyText()).as("only / redirects, as in Next.js")
          .isEqualTo("en-US /about /about");
      assertThat(get(app, "/", "Cookie", "NEXT_LOCALE=xx", "Accept-Language", "fr").header("location"))
          .as("a cookie that names no locale is ignored").hasValue("/fr");
    }
  }

  @Test
  void detectionOffServesTheDefaultLocaleAtRoot() {
    try (NextApp app = app(NextConfig.builder().i18n(I18N.localeDetection(false)).build())) {
      assertThat(get(app, "/", "Accept-Language", "fr").bodyText()).isEqualTo("en-US / /");
    }
  }

  @Test
  void theDetectionRedirectKeepsTheBasePathAndTrailingSlash() {
    NextConfig config = NextConfig.builder().basePath("/docs").trailingSlash(true).i18n(I18N).build();
    try (NextApp app = app(config)) {
      assertThat(get(app, "/docs/", "Accept-Language", "fr").header("location")).hasValue("/docs/fr/");
      assertThat(get(app, "/docs/fr/about/").bodyText()).isEqualTo("fr /about /about/");
    }
  }

  @Test
  void aDomainServesItsDefaultLocaleAndDetectionSendsToTheLocalesDomain() {
    I18n i18n = I18N.domains(
        I18n.Domain.of("example.com", "en-US"),
        new I18n.Domain("example.fr", "fr", List.of(), true));
    try (NextApp app = app(NextConfig.builder().i18n(i18n).build())) {
      assertThat(get(app, "/about", "Host", "example.fr:8080").bodyText()).isEqualTo("fr /about /about");
      assertThat(get(app, "/about", "Host", "example.com").bodyText()).isEqualTo("en-US /about /about");
      assertThat(get(app, "/nl-NL/about", "Host", "example.fr").bodyText()).isEqualTo("nl-NL /about /about");
      assertThat(get(app, "/", "Host", "example.com", "Accept-Language", "fr").header("location"))
          .hasValue("http://example.fr/");
      assertThat(get(app, "/", "Host", "example.fr", "Accept-Language", "fr").bodyText()).isEqualTo("fr / /");
      assertThat(get(app, "/", "Host", "example.fr", "Accept-Language", "nl-nl").header("location")).hasValue("/nl-NL");
    }
  }

  @Test
  void acceptLanguageIsMatchedByQualityThenExactlyThenByPrimaryLanguage() {
    List<String> locales = List.of("en-US", "fr", "nl-NL");

    assertThat(LocaleRouting.acceptLanguage("fr;q=0.2, nl-NL;q=0.8", locales)).isEqualTo("nl-NL");
    assertThat(LocaleRouting.acceptLanguage("fr-BE", locales)).isEqualTo("fr");
    assertThat(LocaleRouting.acceptLanguage("EN-us", locales)).isEqualTo("en-US");
    assertThat(LocaleRouting.acceptLanguage("fr;q=0, *", locales)).isNull();
    assertThat(LocaleRouting.acceptLanguage("", locales)).isNull();
  }

  @Test
  void aBadI18nConfigFailsWhenBuiltListingEveryProblem() {
    I18n bad = new I18n(List.of("en", "fr", "FR", "x y"), "de", true, List.of(
        I18n.Domain.of("https://example.com", "en"),
        I18n.Domain.of("example.org", "en"),
        I18n.Domain.of("example.net", "it")));

    assertThatThrownBy(() -> NextConfig.builder().i18n(bad).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid i18n config:")
        .hasMessageContaining("i18n.locales has an invalid locale \"x y\"")
        .hasMessageContaining("Specified i18n.locales contains the following duplicate locales: FR.")
        .hasMessageContaining("Specified i18n.defaultLocale (de) should be included in i18n.locales.")
        .hasMessageContaining("i18n domain \"https://example.com\" is invalid")
        .hasMessageContaining("Both example.org and another domain configured the defaultLocale en")
        .hasMessageContaining("i18n domain example.net has defaultLocale \"it\", which is not in i18n.locales");
    assertThat(I18N.check()).isEmpty();
  }

  @Test
  void withoutI18nTheLocaleIsEmptyAndNoPrefixIsStripped() {
    try (NextApp app = app(NextConfig.defaults())) {
      assertThat(get(app, "/about").bodyText()).isEqualTo(" /about /about");
      assertThat(get(app, "/fr/about").status()).isEqualTo(404);
    }
  }
}
