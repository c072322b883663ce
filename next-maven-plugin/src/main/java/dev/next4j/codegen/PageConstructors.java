package dev.next4j.codegen;

import com.palantir.javapoet.ClassName;
import dev.next4j.codegen.JavaSourceText.Constructor;
import dev.next4j.codegen.PagesScanner.PageSource;
import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.codegen.RouteModel.Special;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, from the source text, how the generated code constructs each page and the site's
 * services. The services are the class {@code _Context} at the pages root (user-written; a private
 * helper by its name, so not a route): the generated {@code NextServer} builds it once, with {@code
 * new _Context()} or, when it declares that constructor, {@code new _Context(env)}; and every page
 * (route or special file) whose public constructor takes a {@code _Context} gets it from the table
 * ({@code new Index(context)}). Pages with no constructor, or a public one without parameters, are
 * built as before.
 *
 * <p>What cannot work is reported at the file, before javac sees the generated code:
 *
 * <ul>
 *   <li>{@code next.context-not-a-class}: {@code _Context.java} declares no class or record of its
 *       name;
 *   <li>{@code next.context-constructor}: {@code _Context} declares constructors, none of them
 *       public with no parameters or with one {@code Env};
 *   <li>{@code next.page-constructor}: a page declares constructors, none of them public with no
 *       parameters or with one {@code _Context};
 *   <li>{@code next.no-context}: a page's constructor takes {@code _Context} but there is none.
 * </ul>
 *
 * <p>A constructor taking {@code _Context} wins over one without parameters, and {@code
 * _Context(Env)} over {@code _Context()}. Types are read as written: {@code _Context} or its
 * qualified name, {@code Env} or {@code dev.next4j.runtime.Env}.
 */
final class PageConstructors {
  /** The simple name of the services class, at the pages root. */
  static final String CONTEXT = "_Context";

  private PageConstructors() {}

  /**
   * The site's services and who takes them.
   *
   * @param contextClass the qualified name of {@code _Context}, when the site has one
   * @param contextTakesEnv whether {@code _Context} is built with the app's {@code Env}
   * @param takesContext the page classes (qualified) built with the context
   */
  record Services(Optional<String> contextClass, boolean contextTakesEnv, Set<String> takesContext) {
    static final Services NONE = new Services(Optional.empty(), false, Set.of());

    Services {
      takesContext = Set.copyOf(takesContext);
    }

    /** The context's class name for JavaPoet ({@code bestGuess} takes {@code _Context} for a package). */
    ClassName contextName() {
      String name = contextClass.orElseThrow();
      return ClassName.get(name.substring(0, name.lastIndexOf('.')), name.substring(name.lastIndexOf('.') + 1));
    }

    /** Whether {@code pageClass} is built with the context. */
    boolean takesContext(String pageClass) {
      return takesContext.contains(pageClass);
    }
  }

  /** Reads {@code _Context} and every route's and special page's constructors, reporting what cannot work. */
  static Services check(
      String pagesPackage, List<String> pagesDirs, List<PageRoute> routes, List<Special> specials, List<PageSource> sources,
      Diagnostics diagnostics) {
    String contextClass = pagesPackage + "." + CONTEXT;
    Optional<PageSource> context = sources.stream()
        .filter(source -> source.file().folders().isEmpty() && source.file().name().equals(CONTEXT))
        .findFirst();
    boolean takesEnv = false;
    if (context.isPresent()) {
      takesEnv = checkContext(context.get(), diagnostics);
    }
    Map<Path, PageSource> byFile = new HashMap<>();
    sources.forEach(source -> byFile.put(source.file().path(), source));
    Set<String> takesContext = new HashSet<>();
    String pagesDir = pagesDirs.isEmpty() ? pagesPackage.replace('.', '/') : pagesDirs.get(0);
    for (PageRoute route : routes) {
      check(route.pageClass(), route.page(), byFile.get(route.file()), contextClass, context.isPresent(), pagesDir,
          takesContext, diagnostics);
    }
    for (Special special : specials) {
      check(special.pageClass(), special.kind().fileName + ".java", byFile.get(special.file()), contextClass,
          context.isPresent(), pagesDir, takesContext, diagnostics);
    }
    return context.isEmpty() ? Services.NONE : new Services(Optional.of(contextClass), takesEnv, takesContext);
  }

  /** Checks {@code _Context}; true when it is built with the app's {@code Env}. */
  private static boolean checkContext(PageSource context, Diagnostics diagnostics) {
    Path file = context.file().path();
    String keyword = context.declaration().map(JavaSourceText.Declaration::keyword).orElse("");
    if (!keyword.equals("class") && !keyword.equals("record")) {
      context.declaration().ifPresentOrElse(
          declaration -> diagnostics.report(file, declaration.line(), Messages.contextNotAClass(diagnostics.relative(file))),
          () -> diagnostics.report(file, Messages.contextNotAClass(diagnostics.relative(file))));
      return false;
    }
    List<Constructor> constructors = context.constructors();
    if (constructors.isEmpty()) {
      return false;
    }
    boolean env = constructors.stream().anyMatch(c -> c.isPublic() && c.parameterTypes().size() == 1
        && (c.parameterTypes().get(0).equals("Env") || c.parameterTypes().get(0).equals("dev.next4j.runtime.Env")));
    boolean none = constructors.stream().anyMatch(c -> c.isPublic() && c.parameterTypes().isEmpty());
    if (!env && !none) {
      diagnostics.report(file, constructors.get(0).line(),
          Messages.contextConstructor(diagnostics.relative(file), describe(CONTEXT, constructors)));
    }
    return env;
  }

  private static void check(
      String pageClass, String page, PageSource source, String contextClass, boolean haveContext, String pagesDir,
      Set<String> takesContext, Diagnostics diagnostics) {
    if (source == null || source.constructors().isEmpty()) {
      return;
    }
    String simpleName = source.file().name();
    List<Constructor> constructors = source.constructors();
    Optional<Constructor> withContext = constructors.stream()
        .filter(c -> c.isPublic() && c.parameterTypes().size() == 1
            && (c.parameterTypes().get(0).equals(CONTEXT) || c.parameterTypes().get(0).equals(contextClass)))
        .findFirst();
    if (withContext.isPresent()) {
      if (haveContext) {
        takesContext.add(pageClass);
      } else {
        diagnostics.report(source.file().path(), withContext.get().line(), Messages.noContext(page, simpleName, pagesDir));
      }
      return;
    }
    if (constructors.stream().noneMatch(c -> c.isPublic() && c.parameterTypes().isEmpty())) {
      String context = haveContext ? " or public " + simpleName + "(_Context context) to get the site's services" : "";
      diagnostics.report(source.file().path(), constructors.get(0).line(),
          Messages.pageConstructor(page, simpleName, describe(simpleName, constructors), context));
    }
  }

  /** {@code _Context(String), private _Context()}: the constructors as a message lists them. */
  private static String describe(String name, List<Constructor> constructors) {
    return constructors.stream()
        .map(c -> (c.isPublic() ? "public " : "non-public ") + name + "(" + String.join(", ", c.parameterTypes()) + ")")
        .collect(Collectors.joining(", "));
  }
}
