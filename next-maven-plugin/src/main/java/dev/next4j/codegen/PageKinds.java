package dev.next4j.codegen;

import com.palantir.javapoet.ClassName;
import dev.next4j.codegen.JavaSourceText.Declaration;
import dev.next4j.codegen.JavaSourceText.Supertype;
import dev.next4j.codegen.PagesScanner.PageSource;
import dev.next4j.codegen.RouteModel.Kind;
import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.codegen.RouteModel.Special;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, from the source text, that each page file's class is the kind its route needs, so that a
 * wrong page is reported at its own file and not as a javac error in the generated {@code
 * Routes.java}. The generator runs before javac, so the check reads the class declaration
 * ({@link JavaSourceText#declaration()}) and reports only what the declaration alone proves:
 *
 * <ul>
 *   <li>{@code next.not-a-page}: the class (or record) names no supertype at all, or the file's type
 *       is an interface or an enum, or the file declares no type of its name. Such a file can never
 *       serve its route; the message names the kinds and the {@code _} rule for helpers.
 *   <li>{@code next.wrong-page-kind}: the class implements a page kind, but not the one its route
 *       needs ({@code ApiRoute} outside {@code api/}, {@code Page} or {@code StaticPage} under it; a
 *       special file without its interface).
 *   <li>{@code next.wrong-params-record}: the class implements its kind with another record than
 *       its route's ({@code Page<Routes.Blog>} for {@code /blog/[slug]}).
 * </ul>
 *
 * <p>What the declaration does not show is left to javac: a class that extends a class or
 * implements an interface other than the page kinds may get its kind from that supertype (a
 * user's {@code BasePage}), which only the compiler can see, so such a class is not reported here.
 * javac's error in {@code Routes.java} is then shown at the page file by dev mode, through the
 * source map. A raw kind ({@code implements Page}) compiles with a warning and is not reported.
 */
final class PageKinds {
  private static final Set<String> ROUTE_KINDS = Set.of("Page", "FormPage", "StaticPage", "ApiRoute");

  private PageKinds() {}

  /** Reports every route and special page whose class is not the kind it needs. */
  static void check(
      List<PageRoute> routes, List<Special> specials, List<PageSource> sources, GeneratedNames names,
      Diagnostics diagnostics) {
    Map<Path, PageSource> byFile = new HashMap<>();
    sources.forEach(source -> byFile.put(source.file().path(), source));
    for (PageRoute route : routes) {
      PageSource source = byFile.get(route.file());
      if (source != null) {
        check(route, source, names.record(route), diagnostics);
      }
    }
    for (Special special : specials) {
      PageSource source = byFile.get(special.file());
      if (source != null) {
        check(special, source, diagnostics);
      }
    }
  }

  private static void check(PageRoute route, PageSource source, ClassName record, Diagnostics diagnostics) {
    String expected = route.kind() == Kind.API ? "ApiRoute" : route.kind() == Kind.STATIC ? "StaticPage" : "Page";
    String recordName = record.enclosingClassName().simpleName() + "." + record.simpleName();
    String suggestion = route.kind() == Kind.API ? "ApiRoute<" + recordName + ">"
        : "Page<" + recordName + "> (or StaticPage<" + recordName + ">)";
    Optional<Declaration> declaration = source.declaration();
    if (notAType(declaration, route.file(), diagnostics, Messages.notAPage(route.page(), route.pattern(), suggestion))) {
      return;
    }
    Declaration declared = declaration.get();
    List<Supertype> kinds = new ArrayList<>(1);
    for (Supertype type : declared.interfaces()) {
      if (ROUTE_KINDS.contains(type.simpleName())) {
        kinds.add(type);
      }
    }
    if (kinds.isEmpty()) {
      if (!declared.superclass() && declared.interfaces().isEmpty()) {
        diagnostics.report(route.file(), declared.line(), Messages.notAPage(route.page(), route.pattern(), suggestion));
      }
      return;
    }
    // A FormPage is a Page that also answers POST.
    Optional<Supertype> kind = Optional.empty();
    for (Supertype type : kinds) {
      if (type.simpleName().equals(expected) || (expected.equals("Page") && type.simpleName().equals("FormPage"))) {
        kind = Optional.of(type);
        break;
      }
    }
    if (kind.isEmpty()) {
      diagnostics.report(route.file(), declared.line(),
          Messages.wrongPageKind(route.page(), kinds.get(0).simpleName(), route.pattern(), suggestion));
      return;
    }
    String argument = kind.get().typeArguments();
    if (!argument.isEmpty() && !namesRecord(argument, record)) {
      String declaredKind = kind.get().simpleName();
      diagnostics.report(route.file(), declared.line(), Messages.wrongParamsRecord(
          route.page(), declaredKind + "<" + argument + ">", route.pattern(), recordName, declaredKind + "<" + recordName + ">"));
    }
  }

  private static void check(Special special, PageSource source, Diagnostics diagnostics) {
    String expected = switch (special.kind()) {
      case APP -> "App";
      case MIDDLEWARE -> "Middleware";
      case NOT_FOUND, ERROR -> "ErrorPage";
    };
    String file = special.kind().fileName + ".java";
    Optional<Declaration> declaration = source.declaration();
    if (notAType(declaration, special.file(), diagnostics, Messages.notASpecialPage(file, expected))) {
      return;
    }
    Declaration declared = declaration.get();
    boolean declaresKind = declared.interfaces().stream().anyMatch(type -> type.simpleName().equals(expected));
    boolean declaresOther = declared.interfaces().stream().anyMatch(type -> ROUTE_KINDS.contains(type.simpleName()));
    if (!declaresKind && (declaresOther || (!declared.superclass() && declared.interfaces().isEmpty()))) {
      diagnostics.report(special.file(), declared.line(), Messages.notASpecialPage(file, expected));
    }
  }

  /** Reports {@code problem} and answers true when the file declares no class or record of its name. */
  private static boolean notAType(
      Optional<Declaration> declaration, Path file, Diagnostics diagnostics, Messages.Problem problem) {
    if (declaration.isEmpty()) {
      diagnostics.report(file, problem);
      return true;
    }
    String keyword = declaration.get().keyword();
    if (keyword.equals("interface") || keyword.equals("enum")) {
      diagnostics.report(file, declaration.get().line(), problem);
      return true;
    }
    return false;
  }

  /**
   * Whether {@code argument} is one of the ways a page may write its record in its kind's type
   * argument: {@code BlogSlug}, {@code Routes.BlogSlug} or {@code com.acme.Routes.BlogSlug}.
   */
  private static boolean namesRecord(String argument, ClassName record) {
    String simple = record.simpleName();
    if (argument.equals(simple)) {
      return true;
    }
    String routes = record.enclosingClassName().simpleName();
    return (argument.length() == routes.length() + 1 + simple.length() && argument.startsWith(routes)
        && argument.charAt(routes.length()) == '.' && argument.endsWith(simple)) || argument.equals(record.canonicalName());
  }
}
