package dev.next4j.runtime.internal;

import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextConfig.I18n;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * i18n sub-path routing, as Next.js's pages router does it, for a request already inside the base
 * path: the locale prefix ({@code /fr/about}) is found case-insensitively, stripped before the
 * rest of the pipeline, and kept as {@link Request#locale()}; a path without one gets the default
 * locale (of the request's domain, with domain routing). With {@code localeDetection}, a request
 * for {@code /} without a prefix is redirected (307) to the locale the client prefers: the {@code
 * NEXT_LOCALE} cookie when it names a locale, else the best {@code Accept-Language} match; a
 * locale that another domain serves as its default is sent to that domain.
 */
final class LocaleRouting {
  private final I18n i18n;
  private final String basePath;
  private final boolean trailingSlash;

  LocaleRouting(I18n i18n, NextConfig config) {
    this.i18n = i18n;
    this.basePath = config.basePath();
    this.trailingSlash = config.trailingSlash();
  }

  /** What the i18n step decided: a detection redirect, or the request to route on. */
  record Outcome(Response redirect, Request request) {}

  /** The i18n step for {@code request}, whose path is the path inside the app. */
  Outcome route(Request request) {
    String path = request.path();
    int end = path.indexOf('/', 1);
    String first = end < 0 ? path.substring(1) : path.substring(1, end);
    String prefix = find(first, i18n.locales());
    Optional<I18n.Domain> domain = domain(request);
    String defaultLocale = domain.map(I18n.Domain::defaultLocale).orElse(i18n.defaultLocale());
    if (prefix != null) {
      String rest = end < 0 ? "/" : path.substring(end);
      Request stripped = request.withTarget(request.rawQuery().isEmpty() ? rest : rest + "?" + request.rawQuery());
      return new Outcome(null, stripped.withLocale(prefix));
    }
    if (i18n.localeDetection() && path.equals("/")) {
      String preferred = preferred(request);
      if (preferred != null && !preferred.equalsIgnoreCase(defaultLocale)) {
        return new Outcome(redirect(request, preferred, domain), null);
      }
    }
    return new Outcome(null, request.withLocale(defaultLocale));
  }

  /** The locale the client prefers among the app's: {@code NEXT_LOCALE}, else {@code Accept-Language}; null for none. */
  private String preferred(Request request) {
    Optional<String> cookie = request.cookie("NEXT_LOCALE");
    if (cookie.isPresent()) {
      String named = find(cookie.get(), i18n.locales());
      if (named != null) {
        return named;
      }
    }
    return request.header("accept-language").map(header -> acceptLanguage(header, i18n.locales())).orElse(null);
  }

  /**
   * The best of {@code locales} for an {@code Accept-Language} value: the ranges by quality (a
   * tie keeps the header's order, q=0 refuses), each matched exactly (case-insensitively), then by
   * its primary language ({@code fr-CA} takes {@code fr}); null when none matches.
   */
  static String acceptLanguage(String header, List<String> locales) {
    record Range(String tag, double q, int order) {}
    List<Range> ranges = new ArrayList<>();
    String[] items = header.split(",");
    for (int i = 0; i < items.length; i++) {
      String[] parts = items[i].trim().split(";");
      String tag = parts[0].trim();
      double q = 1;
      for (int p = 1; p < parts.length; p++) {
        String param = parts[p].trim();
        if (param.startsWith("q=")) {
          try {
            q = Double.parseDouble(param.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (!tag.isEmpty() && !tag.equals("*") && q > 0) {
        ranges.add(new Range(tag, q, i));
      }
    }
    ranges.sort(Comparator.comparingDouble((Range r) -> -r.q()).thenComparingInt(Range::order));
    for (Range range : ranges) {
      String exact = find(range.tag(), locales);
      if (exact != null) {
        return exact;
      }
      int dash = range.tag().indexOf('-');
      if (dash > 0) {
        String primary = find(range.tag().substring(0, dash), locales);
        if (primary != null) {
          return primary;
        }
      }
    }
    return null;
  }

  /** The 307 to {@code locale}: on the domain that serves it as its default, else under its prefix here. */
  private Response redirect(Request request, String locale, Optional<I18n.Domain> here) {
    String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
    for (I18n.Domain domain : i18n.domains()) {
      if (domain.defaultLocale().equalsIgnoreCase(locale) && (here.isEmpty() || here.get() != domain)) {
        String location = (domain.http() ? "http://" : "https://") + domain.domain()
            + (basePath.isEmpty() ? "/" : basePath + (trailingSlash ? "/" : "")) + query;
        return Response.redirect(307, location);
      }
    }
    String location = basePath + "/" + locale + (trailingSlash ? "/" : "") + query;
    return Response.redirect(307, location);
  }

  /** The domain whose name is the request's host (without port), if any. */
  private Optional<I18n.Domain> domain(Request request) {
    if (i18n.domains().isEmpty()) {
      return Optional.empty();
    }
    String host = request.header("host").map(CustomRoutes.Compiled::hostName).orElse("");
    return i18n.domains().stream().filter(d -> d.domain().equalsIgnoreCase(host)).findFirst();
  }

  /** The locale of {@code locales} that {@code name} names, ignoring case, in its configured spelling; null for none. */
  private static String find(String name, List<String> locales) {
    for (String locale : locales) {
      if (locale.equalsIgnoreCase(name)) {
        return locale;
      }
    }
    return null;
  }
}
