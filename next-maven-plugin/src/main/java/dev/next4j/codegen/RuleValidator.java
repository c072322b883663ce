package dev.next4j.codegen;

import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteRule.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the pom's redirects, rewrites and headers ({@code next.invalid-rule}, reported at {@code
 * pom.xml}, every problem at once): first what only the pom can get wrong (a missing {@code
 * <source>}, {@code <destination>}, {@code <permanent>}/{@code <statusCode>} or {@code <headers>},
 * a {@code <type>} that is not header, cookie, query or host, a {@code <locale>} that is not {@code
 * false}), then, for the complete rules, what
 * the runtime's {@link RouteRule#check} finds, so the pom and a {@code NextConfig} built in code are
 * held to the same rules. The pom's {@code <i18n>} is checked here too ({@code next.invalid-i18n},
 * with {@code NextConfig.I18n.check}).
 */
final class RuleValidator {
  private RuleValidator() {}

  /** Reports every problem of {@code settings}' rules; returns the rules, valid or not, that are complete. */
  static List<RouteRule> validate(ServerSettings settings, Path pom, Diagnostics diagnostics) {
    List<RouteRule> rules = new ArrayList<>();
    Map<Kind, List<RuleSpec>> built = new EnumMap<>(Kind.class);
    for (RuleSpec spec : settings.rules()) {
      if (complete(spec, pom, diagnostics)) {
        rules.add(spec.toRule());
        built.computeIfAbsent(spec.kind(), k -> new ArrayList<>()).add(spec);
      }
    }
    for (RouteRule.Problem problem : RouteRule.check(rules, settings.basePath())) {
      RuleSpec spec = built.get(problem.kind()).get(problem.index());
      diagnostics.report(pom, Messages.invalidRule(spec.where(), problem.field(), problem.message()));
    }
    if (settings.i18n() != null) {
      // The runtime's own checks, so the pom and a NextConfig built in code are held to the same rules.
      for (String problem : settings.i18n().check()) {
        diagnostics.report(pom, Messages.invalidI18n(problem));
      }
    }
    return rules;
  }

  private static boolean complete(RuleSpec spec, Path pom, Diagnostics diagnostics) {
    int before = diagnostics.all().size();
    if (blank(spec.source())) {
      diagnostics.report(pom, Messages.invalidRule(spec.where(), "source", "`source` is missing"));
    }
    if (spec.kind() == Kind.HEADERS) {
      if (spec.headers() == null || spec.headers().isEmpty()) {
        diagnostics.report(pom, Messages.invalidRule(spec.where(), "headers", "`headers` field cannot be empty"));
      }
    } else if (blank(spec.destination())) {
      diagnostics.report(pom, Messages.invalidRule(spec.where(), "destination", "`destination` is missing"));
    }
    if (spec.kind() == Kind.REDIRECT) {
      if (spec.permanent() == null && spec.statusCode() == null) {
        diagnostics.report(pom, Messages.invalidRule(spec.where(), "permanent",
            "`permanent` is not set to `true` or `false`; give <permanent> (308 or 307) or <statusCode>"));
      } else if (spec.permanent() != null && spec.statusCode() != null) {
        diagnostics.report(pom, Messages.invalidRule(spec.where(), "statusCode",
            "`statusCode` and `permanent` cannot both be provided"));
      }
    }
    if (spec.locale() != null && !spec.localeFalse()) {
      diagnostics.report(pom, Messages.invalidRule(spec.where(), "locale", "`locale` must be undefined or false"
          + (spec.locale().trim().equals("true") ? "; leave <locale> out to match the source behind the locale prefix"
              : "; got \"" + spec.locale().trim() + "\", which is not false")));
    }
    for (String field : List.of("has", "missing")) {
      for (RuleSpec.ConditionSpec condition : field.equals("has") ? spec.has() : spec.missing()) {
        if (condition.toCondition().isEmpty()) {
          diagnostics.report(pom, Messages.invalidRule(spec.where(), field, "invalid type \"" + condition.type()
              + "\" for a `" + field + "` item; valid types are header, cookie, query and host"));
        }
      }
    }
    return diagnostics.all().size() == before;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
