package dev.next4j.codegen;

import com.palantir.javapoet.ClassName;
import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.codegen.RouteModel.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The one place that decides generated names: the {@code Routes} and {@code NextServer} classes,
 * each route's params record, and the record components.
 *
 * <p>A record is named from its route's segments in PascalCase: {@code /} → {@code Index}, {@code
 * /about-us} → {@code AboutUs}, {@code /blog/[slug]} → {@code BlogSlug}, {@code /docs/[...path]} →
 * {@code DocsPath}, {@code /users/[user_id]} → {@code UsersUserId}. When two routes would get the
 * same name ({@code /blog/[slug]} and {@code /blog/slug}), the one first in matching order keeps it
 * and the next ones get {@code 2}, {@code 3}, ... in matching order ({@code /blog/slug} → {@code
 * BlogSlug}, {@code /blog/[slug]} → {@code BlogSlug2}); {@code Routes} itself is never a record name.
 *
 * <p>A component is named after its parameter ({@code [slug]} → {@code slug}), with a {@code _}
 * appended when the name is a keyword or one of {@code href} and {@code Object}'s methods ({@code
 * [class]} → {@code class_}), and prepended when it starts with a digit ({@code [1]} → {@code _1}).
 */
public final class GeneratedNames {
  /** The simple name of the generated route table class. */
  public static final String ROUTES = "Routes";
  /** The simple name of the generated server class, the production jar's main class. */
  public static final String SERVER = "NextServer";
  /** The class in {@code Routes} (or in each table part) that builds every route's params record. */
  static final String PARAMS = "Params";
  /** The enum in {@code Routes} of the site's i18n locales, written only when the site has i18n. */
  static final String LOCALES = "Locales";

  /** Names a component cannot take: its accessor would clash with these methods. */
  private static final Set<String> TAKEN_METHODS =
      Set.of("href", "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

  /**
   * Routes per part when a table is split: each line is about 30 bytes of bytecode and 20
   * constants, so a thousand stay well below the JVM's limits of 64 KiB of code per method and
   * 65,535 constants per class.
   */
  static final int ROUTES_PER_PART = 1000;

  private final String generatedPackage;
  private final Map<String, String> recordNames;
  private final List<String> parts;
  private final int routesPerPart;

  private GeneratedNames(String generatedPackage, Map<String, String> recordNames, List<String> parts, int routesPerPart) {
    this.generatedPackage = generatedPackage;
    this.recordNames = recordNames;
    this.parts = parts;
    this.routesPerPart = routesPerPart;
  }

  /** The fully qualified name of the route table generated into {@code generatedPackage} (never the unnamed package). */
  public static String routesClass(String generatedPackage) {
    return generatedPackage + "." + ROUTES;
  }

  /** The fully qualified name of the server generated into {@code generatedPackage}. */
  public static String serverClass(String generatedPackage) {
    return generatedPackage + "." + SERVER;
  }

  /** Names for {@code routes}, which must be in matching order (their patterns distinct). */
  static GeneratedNames of(String generatedPackage, List<PageRoute> routes) {
    return of(generatedPackage, routes, ROUTES_PER_PART);
  }

  /**
   * Names for {@code routes} of a site with i18n when {@code i18n}: no record is then named {@code
   * Locales}, the enum of its locales ({@code /locales} → {@code Locales2}).
   */
  static GeneratedNames of(String generatedPackage, List<PageRoute> routes, boolean i18n) {
    return of(generatedPackage, routes, ROUTES_PER_PART, i18n);
  }

  /**
   * Names for {@code routes}, splitting the table into nested classes {@code Table1}, {@code
   * Table2}, ... of {@code routesPerPart} routes when there are more; record names give way to them.
   */
  static GeneratedNames of(String generatedPackage, List<PageRoute> routes, int routesPerPart) {
    return of(generatedPackage, routes, routesPerPart, false);
  }

  private static GeneratedNames of(String generatedPackage, List<PageRoute> routes, int routesPerPart, boolean i18n) {
    Set<String> used = new HashSet<>(Set.of(ROUTES, PARAMS));
    if (i18n) {
      used.add(LOCALES);
    }
    List<String> parts = new ArrayList<>();
    if (routes.size() > routesPerPart) {
      for (int n = 1; (n - 1) * routesPerPart < routes.size(); n++) {
        parts.add("Table" + n);
      }
    }
    used.addAll(parts);
    Map<String, String> names = new HashMap<>();
    for (PageRoute route : routes) {
      String base = baseName(route.segments());
      String name = base;
      for (int n = 2; !used.add(name); n++) {
        name = base + n;
      }
      names.put(route.pattern(), name);
    }
    return new GeneratedNames(generatedPackage, Map.copyOf(names), List.copyOf(parts), routesPerPart);
  }

  /** The nested classes the table is split into, in order; empty when it is one expression. */
  List<String> tableParts() {
    return parts;
  }

  int routesPerPart() {
    return routesPerPart;
  }

  ClassName routes() {
    return ClassName.get(generatedPackage, ROUTES);
  }

  ClassName server() {
    return ClassName.get(generatedPackage, SERVER);
  }

  /** The params record of {@code route}, e.g. {@code com.acme.Routes.BlogSlug}. */
  ClassName record(PageRoute route) {
    String name = recordNames.get(route.pattern());
    if (name == null) {
      throw new IllegalArgumentException("not a route of this table: " + route.pattern());
    }
    return routes().nestedClass(name);
  }

  /** The record component names of {@code route}, one for each of its {@link PageRoute#params()}. */
  static List<String> components(PageRoute route) {
    List<String> names = new ArrayList<>();
    for (Segment param : route.params()) {
      String name = Character.isDigit(param.name().charAt(0)) ? "_" + param.name() : param.name();
      while (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name) || TAKEN_METHODS.contains(name)
          || names.contains(name)) {
        name = name + "_";
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  /**
   * The {@code Locales} constant of each locale, in order: upper case, {@code -} → {@code _}
   * ({@code en-US} → {@code EN_US}, {@code fr} → {@code FR}), a {@code _} before a leading digit, and
   * one after a name already taken.
   */
  static List<String> localeConstants(List<String> locales) {
    List<String> names = new ArrayList<>();
    for (String locale : locales) {
      String name = locale.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
      if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
        name = "_" + name;
      }
      while (names.contains(name)) {
        name = name + "_";
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  /** {@code text} made safe inside a Java comment: no line breaks, backslashes or comment ends. */
  static String comment(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // A backslash could start a unicode escape, which javac reads even in comments.
      out.append(c < ' ' || c == '\\' || c == 0x7f ? '?' : c);
    }
    return out.toString().replace("*/", "*?");
  }

  private static String baseName(List<Segment> segments) {
    StringBuilder name = new StringBuilder();
    for (Segment segment : segments) {
      boolean wordStart = true;
      for (char c : segment.name().toCharArray()) {
        if (c == '-' || c == '_') {
          wordStart = true;
        } else {
          name.append(wordStart ? Character.toUpperCase(c) : c);
          wordStart = false;
        }
      }
    }
    if (name.length() == 0) {
      return "Index";
    }
    return Character.isDigit(name.charAt(0)) ? "_" + name : name.toString();
  }
}
