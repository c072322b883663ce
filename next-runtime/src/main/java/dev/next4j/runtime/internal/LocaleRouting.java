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
 * for {@code /} without a prefix is redirected (307) to the locale the client prefers ({@link
 * #detect}). It also gives the redirects, rewrites and headers rules the path they match ({@link
 * #rulePath}), the locale of a rewrite's destination ({@link #afterRewrite}) and which locales see
 * the {@code public/} files ({@link #servesPublicFiles}).
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

  /**
   * What the i18n step decided: a detection redirect, or the request to route on and whether its
   * path had a locale prefix (such a path does not reach API routes directly, as in Next.js).
   */
  record Outcome(Response redirect, Request request, boolean prefixed) {}

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
      return new Outcome(null, stripped.withLocale(prefix), true);
    }
    if (i18n.localeDetection() && path.equals("/")) {
      Response redirect = detect(request, domain, defaultLocale);
      if (redirect != null) {
        return new Outcome(redirect, null, false);
      }
    }
    return new Outcome(null, request.withLocale(defaultLocale), false);
  }

  /**
   * The detection redirect for {@code /}, as Next.js's {@code getLocaleRedirect} decides it; null
   * for none. On a domain of {@code domains}, the {@code Accept-Language} locale, when a domain
   * serves it (as its default or among its locales) and it is not this domain's default, sends the
   * client to that domain ({@code http://example.do/do-BE}); otherwise the domain's default locale
   * stands (the cookie does not count there). Elsewhere the {@code NEXT_LOCALE} cookie, else the
   * {@code Accept-Language} match, when it is not the default locale, gets its prefix here.
   */
  private Response detect(Request request, Optional<I18n.Domain> domain, String defaultLocale) {
    String accepted = request.header("accept-language").map(header -> acceptLanguage(header, i18n.locales())).orElse(null);
    if (domain.isPresent()) {
      Optional<I18n.Domain> serving = accepted == null ? Optional.empty() : i18n.domains().stream()
          .filter(d -> d.defaultLocale().equalsIgnoreCase(accepted) || find(accepted, d.locales()) != null)
          .findFirst();
      if (serving.isPresent()) {
        boolean itsDefault = serving.get().defaultLocale().equalsIgnoreCase(accepted);
        if (serving.get() != domain.get() || !itsDefault) {
          String location = (serving.get().http() ? "http://" : "https://") + serving.get().domain() + basePath
              + "/" + (itsDefault ? "" : accepted + (trailingSlash ? "/" : ""));
          return Response.redirect(307, location);
        }
      }
      return null;
    }
    String preferred = request.cookie("NEXT_LOCALE").map(cookie -> find(cookie, i18n.locales())).orElse(null);
    preferred = preferred != null ? preferred : accepted;
    if (preferred == null || preferred.equalsIgnoreCase(defaultLocale)) {
      return null;
    }
    String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
    return Response.redirect(307, basePath + "/" + preferred + (trailingSlash ? "/" : "") + query);
  }

  /**
   * The path the redirects, rewrites and headers rules match for {@code request}, whose path is as
   * the client sent it (with the base path): the same path when it has a locale prefix (or is a
   * {@code /_next/} path), else the path with the default locale (of the request's domain) put in
   * after the base path, as Next.js does before it resolves routes ({@code /about} → {@code
   * /en/about}, {@code /} → {@code /en}, or {@code /en/} with {@code trailingSlash} when it ended
   * in a slash). A path outside the base path gets the prefix without the base path.
   */
  String rulePath(Request request) {
    String path = request.path();
    boolean inBasePath = basePath.isEmpty() || path.equals(basePath) || path.startsWith(basePath + "/");
    String inner = !inBasePath || basePath.isEmpty() ? path : path.length() == basePath.length() ? "/" : path.substring(basePath.length());
    int end = inner.indexOf('/', 1);
    if (find(end < 0 ? inner.substring(1) : inner.substring(1, end), i18n.locales()) != null
        || inner.startsWith("/_next/")) {
      return path;
    }
    String defaultLocale = domain(request).map(I18n.Domain::defaultLocale).orElse(i18n.defaultLocale());
    String prefixed = (inBasePath ? basePath : "") + "/" + defaultLocale + (inner.equals("/") ? "" : inner);
    return trailingSlash && inner.endsWith("/") && !prefixed.endsWith("/") ? prefixed + "/" : prefixed;
  }

  /**
   * {@code request}, just rewritten to a path inside the app, with the locale its new path names:
   * a destination that starts with a locale ({@code /nl/another}) is routed without it and sets the
   * request's locale, as Next.js detects the locale of a rewrite's destination; any other keeps the
   * locale the request had.
   */
  Request afterRewrite(Request request) {
    String path = request.path();
    int end = path.indexOf('/', 1);
    String prefix = find(end < 0 ? path.substring(1) : path.substring(1, end), i18n.locales());
    if (prefix == null) {
      return request;
    }
    String rest = end < 0 ? "/" : path.substring(end);
    return request.withTarget(request.rawQuery().isEmpty() ? rest : rest + "?" + request.rawQuery()).withLocale(prefix);
  }

  /**
   * Whether {@code public/} files answer a request of {@code locale}: they are served without a
   * prefix and under a default locale's (the app's or a domain's), and are not found under any
   * other locale's prefix, as in Next.js.
   */
  boolean servesPublicFiles(String locale) {
    if (locale.equalsIgnoreCase(i18n.defaultLocale())) {
      return true;
    }
    for (I18n.Domain domain : i18n.domains()) {
      if (domain.defaultLocale().equalsIgnoreCase(locale)) {
        return true;
      }
    }
    return false;
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
