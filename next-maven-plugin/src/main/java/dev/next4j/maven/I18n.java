package dev.next4j.maven;

import java.util.List;

/**
 * The {@code <i18n>} of the configuration (Next.js's {@code i18n}): {@code <locales>} (each a
 * {@code <locale>}), {@code <defaultLocale>}, {@code <localeDetection>} (default true) and {@code
 * <domains>} for domain routing.
 */
public class I18n {
  List<String> locales;
  String defaultLocale;
  Boolean localeDetection;
  List<Domain> domains;

  /**
   * A {@code <domain>} of {@code <domains>}: the host name {@code <domain>}, its {@code
   * <defaultLocale>}, optional other {@code <locales>}, and {@code <http>true</http>} for a domain
   * served over plain HTTP.
   */
  public static class Domain {
    String domain;
    String defaultLocale;
    List<String> locales;
    Boolean http;
  }
}
