package dev.next4j.codegen;

import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteRule.Condition;
import dev.next4j.runtime.RouteRule.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One redirect, rewrite or headers rule as the pom gives it: every field may be missing, so the
 * generator can say which one is ({@link RuleValidator}). {@link #toRule} makes the runtime's
 * {@link RouteRule} of a complete one.
 *
 * @param kind what the rule does, and for a rewrite its phase
 * @param index its place in its pom list, from 0
 * @param source the {@code <source>} pattern, or null
 * @param destination the {@code <destination>}, or null
 * @param permanent a redirect's {@code <permanent>}, or null
 * @param statusCode a redirect's {@code <statusCode>}, or null
 * @param headers a headers rule's {@code <headers>}, or null
 * @param has the {@code <has>} conditions
 * @param missing the {@code <missing>} conditions
 * @param basePath {@code <basePath>}, or null (under the base path)
 * @param locale {@code <locale>} as written, or null (matched behind the i18n locale prefix); only
 *     {@code false} is valid, as in Next.js ({@link RuleValidator})
 */
public record RuleSpec(
    Kind kind,
    int index,
    String source,
    String destination,
    Boolean permanent,
    Integer statusCode,
    Map<String, String> headers,
    List<ConditionSpec> has,
    List<ConditionSpec> missing,
    Boolean basePath,
    String locale) {

  /** A {@code <has>} or {@code <missing>} item: {@code type} header, cookie, query or host. */
  public record ConditionSpec(String type, String key, String value) {
    /** The runtime's condition, or empty when {@code type} is not one of the four. */
    Optional<Condition> toCondition() {
      if (type == null) {
        return Optional.empty();
      }
      for (Condition.Type t : Condition.Type.values()) {
        if (t.configName().equals(type.trim().toLowerCase(Locale.ROOT))) {
          return Optional.of(new Condition(t, key, Optional.ofNullable(value)));
        }
      }
      return Optional.empty();
    }
  }

  public RuleSpec {
    Objects.requireNonNull(kind, "kind");
    has = has == null ? List.of() : List.copyOf(has);
    missing = missing == null ? List.of() : List.copyOf(missing);
  }

  /** A rule without {@code <locale>}. */
  public RuleSpec(Kind kind, int index, String source, String destination, Boolean permanent, Integer statusCode,
      Map<String, String> headers, List<ConditionSpec> has, List<ConditionSpec> missing, Boolean basePath) {
    this(kind, index, source, destination, permanent, statusCode, headers, has, missing, basePath, null);
  }

  /** Whether {@code <locale>} is {@code false}: the source is matched as written under i18n. */
  boolean localeFalse() {
    return locale != null && locale.trim().equals("false");
  }

  /** The pom element that holds rules of {@code kind}: {@code redirects}, {@code rewrites}, .... */
  public static String pomList(Kind kind) {
    return switch (kind) {
      case REDIRECT -> "redirects";
      case BEFORE_FILES -> "beforeFilesRewrites";
      case AFTER_FILES -> "rewrites";
      case FALLBACK -> "fallbackRewrites";
      case HEADERS -> "headers";
    };
  }

  /** Where the rule is in the pom: {@code <redirects> #2 (/old/:slug)}, counting from 1. */
  String where() {
    return "<" + pomList(kind) + "> #" + (index + 1) + (source == null ? "" : " (" + source + ")");
  }

  /**
   * The rules of the complete {@code specs}, for an app made before a good build (dev mode); the
   * generator reports the incomplete ones.
   */
  public static List<RouteRule> rules(List<RuleSpec> specs) {
    List<RouteRule> rules = new ArrayList<>();
    for (RuleSpec spec : specs) {
      boolean complete = spec.source() != null
          && (spec.kind() == Kind.HEADERS ? spec.headers() != null : spec.destination() != null)
          && (spec.kind() != Kind.REDIRECT || spec.permanent() != null || spec.statusCode() != null);
      if (complete) {
        rules.add(spec.toRule());
      }
    }
    return rules;
  }

  /** The rule, for a spec whose fields are present (see {@link RuleValidator}). */
  RouteRule toRule() {
    RouteRule rule = switch (kind) {
      case REDIRECT -> RouteRule.redirect(source, destination,
          statusCode != null ? statusCode : Boolean.TRUE.equals(permanent) ? 308 : 307);
      case HEADERS -> RouteRule.headers(source, headers);
      default -> RouteRule.rewrite(kind, source, destination);
    };
    rule = rule.has(conditions(has)).missing(conditions(missing));
    rule = localeFalse() ? rule.locale(false) : rule;
    return Boolean.FALSE.equals(basePath) ? rule.basePath(false) : rule;
  }

  private static Condition[] conditions(List<ConditionSpec> specs) {
    List<Condition> conditions = new ArrayList<>();
    for (ConditionSpec spec : specs) {
      spec.toCondition().ifPresent(conditions::add);
    }
    return conditions.toArray(Condition[]::new);
  }

  /** Every value, spelled out for the generator's fingerprint. */
  String describe() {
    StringBuilder text = new StringBuilder().append(kind.name()).append(' ').append(index).append(' ')
        .append(source).append(' ').append(destination).append(' ').append(permanent).append(' ')
        .append(statusCode).append(' ').append(basePath).append(' ').append(locale).append(' ').append(headers);
    for (ConditionSpec c : has) {
      text.append(" has ").append(c.type()).append(' ').append(c.key()).append(' ').append(c.value());
    }
    for (ConditionSpec c : missing) {
      text.append(" missing ").append(c.type()).append(' ').append(c.key()).append(' ').append(c.value());
    }
    return text.toString();
  }
}
