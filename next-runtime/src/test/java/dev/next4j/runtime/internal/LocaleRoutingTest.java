package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextConfig.I18n;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.TestRoutes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
      // On a domain only a locale some domain serves redirects; the domain's default stands otherwise.
      assertThat(get(app, "/", "Host", "example.fr", "Accept-Language", "nl-nl").bodyText()).isEqualTo("fr / /");
      assertThat(get(app, "/", "Host", "example.fr", "Cookie", "NEXT_LOCALE=nl-NL").bodyText()).isEqualTo("fr / /");
      // Elsewhere the preferred locale gets its prefix here, also when a domain serves it.
      assertThat(get(app, "/", "Accept-Language", "fr").header("location")).hasValue("/fr");
    }
  }

  @Test
  void onADomainALocaleItListsRedirectsUnderItsPrefixThere() {
    I18n i18n = I18N.domains(
        I18n.Domain.of("example.com", "en-US"),
        new I18n.Domain("example.nl", "nl-NL", List.of("fr"), true));
    try (NextApp app = app(NextConfig.builder().i18n(i18n).build())) {
      assertThat(get(app, "/", "Host", "example.nl", "Accept-Language", "fr").header("location"))
          .hasValue("http://example.nl/fr");
      assertThat(get(app, "/", "Host", "example.com", "Accept-Language", "fr").header("location"))
          .hasValue("http://example.nl/fr");
      assertThat(get(app, "/", "Host", "example.com", "Accept-Language", "nl-NL").header("location"))
          .hasValue("http://example.nl/");
    }
  }

  @Test
  void rulesMatchBehindTheLocalePrefixAndGiveTheLocaleBack() {
    NextConfig config = NextConfig.builder().i18n(I18N).rules(
        RouteRule.redirect("/old/:slug", "/blog/:slug", false),
        RouteRule.redirect("/fr/ancien", "/about", false).locale(false),
        RouteRule.redirect("/:locale/moved", "/:locale/about", false).locale(false),
        RouteRule.rewrite(RouteRule.Kind.AFTER_FILES, "/team", "/about"),
        RouteRule.rewrite(RouteRule.Kind.AFTER_FILES, "/nl-NL/ploeg", "/fr/about").locale(false),
        RouteRule.headers("/about", Map.of("X-Localised", "yes")),
        RouteRule.headers("/fr/about", Map.of("X-French", "oui")).locale(false)).build();
    try (NextApp app = app(config)) {
      // A rule is matched with any locale prefix and without one (the default locale's).
      assertThat(get(app, "/fr/old/hello").header("location")).hasValue("/fr/blog/hello");
      assertThat(get(app, "/nl-NL/old/hello").header("location")).hasValue("/nl-NL/blog/hello");
      assertThat(get(app, "/old/hello").header("location")).as("the default locale goes without prefix")
          .hasValue("/blog/hello");
      assertThat(get(app, "/en-US/old/hello").header("location")).hasValue("/blog/hello");
      // locale: false matches the source as written; without a prefix the path counts as the default locale's.
      assertThat(get(app, "/fr/ancien").header("location")).hasValue("/about");
      assertThat(get(app, "/nl-NL/ancien").status()).isEqualTo(404);
      assertThat(get(app, "/moved").header("location")).hasValue("/en-US/about");
      assertThat(get(app, "/fr/moved").header("location")).hasValue("/fr/about");
      // A rewrite keeps the locale, or sets the one its destination names.
      assertThat(get(app, "/fr/team").bodyText()).isEqualTo("fr /about /about");
      assertThat(get(app, "/team").bodyText()).isEqualTo("en-US /about /about");
      assertThat(get(app, "/nl-NL/ploeg").bodyText()).isEqualTo("fr /about /about");
      assertThat(get(app, "/ploeg").status()).isEqualTo(404);
      // Headers likewise.
      assertThat(get(app, "/nl-NL/about").header("x-localised")).hasValue("yes");
      assertThat(get(app, "/about").header("x-localised")).hasValue("yes");
      assertThat(get(app, "/fr/about").header("x-french")).hasValue("oui");
      assertThat(get(app, "/about").header("x-french")).isEmpty();
    }
  }

  @Test
  void underABasePathTheLocaleComesAfterIt() {
    NextConfig config = NextConfig.builder().basePath("/docs").i18n(I18N).rules(
        RouteRule.redirect("/old", "/about", false),
        RouteRule.redirect("/:locale/moved", "/:locale/about", false).locale(false)).build();
    try (NextApp app = app(config)) {
      assertThat(get(app, "/docs/fr/old").header("location")).hasValue("/docs/fr/about");
      assertThat(get(app, "/docs/old").header("location")).hasValue("/docs/about");
      assertThat(get(app, "/docs/moved").header("location")).hasValue("/docs/en-US/about");
      assertThat(get(app, "/docs/nl-NL/moved").header("location")).hasValue("/docs/nl-NL/about");
    }
  }

  @Test
  void aRedirectOnADomainsDefaultLocaleGoesToThatDomain() {
    I18n i18n = I18N.domains(new I18n.Domain("example.fr", "fr", List.of(), true));
    NextConfig config = NextConfig.builder().i18n(i18n).rules(RouteRule.redirect("/old", "/about", false)).build();
    try (NextApp app = app(config)) {
      assertThat(get(app, "/fr/old").header("location")).hasValue("http://example.fr/about");
      assertThat(get(app, "/old", "Host", "example.fr").header("location")).hasValue("http://example.fr/about");
      assertThat(get(app, "/nl-NL/old").header("location")).hasValue("/nl-NL/about");
      assertThat(get(app, "/old").header("location")).hasValue("/about");
    }
  }

  @Test
  void aLocalePrefixDoesNotReachApiRoutesOrOtherLocalesPublicFilesDirectly() {
    RouteTable table = TestRoutes.table(
        TestRoutes.page("/about", r -> new TestSite.None(), (request, p) -> answer(request)),
        TestRoutes.api("/api/hello", r -> new TestSite.None(), (request, p) -> answer(request)));
    PublicFiles files = (request, path) -> path.equals("/robots.txt") ? Optional.of(Response.text("robots")) : Optional.empty();
    NextConfig config = NextConfig.builder().i18n(I18N)
        .rules(RouteRule.rewrite(RouteRule.Kind.AFTER_FILES, "/hello", "/api/hello")).build();
    try (NextApp app = new DefaultNextApp(table, config, NextOptions.builder().build(), files)) {
      app.prepare();
      assertThat(get(app, "/api/hello").bodyText()).isEqualTo("en-US /api/hello /api/hello");
      assertThat(get(app, "/fr/api/hello").status()).isEqualTo(404);
      assertThat(get(app, "/en-US/api/hello").status()).isEqualTo(404);
      assertThat(get(app, "/fr/hello").bodyText()).as("a rewrite may reach it").isEqualTo("fr /api/hello /api/hello");
      assertThat(get(app, "/robots.txt").bodyText()).isEqualTo("robots");
      assertThat(get(app, "/en-US/robots.txt").bodyText()).isEqualTo("robots");
      assertThat(get(app, "/fr/robots.txt").status()).isEqualTo(404);
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
        .hasMessageContaining("Specified i18n.defaultLocale should be included in i18n.locales. Got \"de\"")
        .hasMessageContaining("i18n domain: \"https://example.com\" is invalid it should be a valid domain without"
            + " protocol (https://) or port (:3000)")
        .hasMessageContaining("Both https://example.com and example.org configured the defaultLocale en but only one can")
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
