package dev.next4j.codegen;

import java.nio.file.Path;
import java.util.List;

/**
 * Every text a user reads from the generator and the production build, with its stable code
 * (Dagger's {@code ErrorMessages}). A message says what is wrong, quotes both sides, and says what
 * to do. Page files are named relative to the pages folder ({@code blog/$slug.java}); the
 * diagnostic's own location is relative to the project. The generator reports its problems as
 * {@link Diagnostic}s at a file; the build goals fail with {@link Problem#text()}.
 */
public final class Messages {
  private Messages() {}

  /** A message with its code, e.g. {@code next.duplicate-route}. */
  public record Problem(String code, String message) {
    /** How a build failure or warning shows it: {@code [next.no-pages] The pages package has no pages: ...}. */
    public String text() {
      return "[" + code + "] " + message;
    }
  }

  // ---- jte templates (reported at the template) ----

  static Problem templateError(String message) {
    return new Problem("next.template-error", message);
  }

  public static Problem templatesWithoutRuntime(String templatesDir) {
    return new Problem(
        "next.jte-runtime-missing",
        "The jte templates in " + templatesDir + " compile to classes that need jte-runtime, which this project"
            + " does not depend on: add the dependency dev.next4j:next-jte (it brings jte-runtime and Templates.html).");
  }

  // ---- finding the pages package (reported at pom.xml) ----

  static Problem noPagesPackage(String roots) {
    return new Problem(
        "next.no-pages-package",
        "No package named 'pages' under " + roots + "; put your page classes in one (for example"
            + " com/acme/pages/Index.java), or set <pagesPackage> in the next-maven-plugin configuration.");
  }

  static Problem severalPagesPackages(List<String> packages) {
    return new Problem(
        "next.several-pages-packages",
        "Found " + packages.size() + " packages named 'pages' (" + String.join(", ", packages) + "); set"
            + " <pagesPackage> in the next-maven-plugin configuration to the one that holds your pages.");
  }

  static Problem pagesPackageNotFound(String pagesPackage, String roots) {
    return new Problem(
        "next.pages-package-not-found",
        "<pagesPackage> " + pagesPackage + " is not a folder under " + roots + "; check the name, or remove"
            + " <pagesPackage> to use the package named 'pages'.");
  }

  static Problem invalidPackageName(String parameter, String value) {
    return new Problem(
        "next.invalid-package-name",
        "<" + parameter + "> '" + value + "' is not a Java package name; use dot-separated identifiers"
            + " that are not keywords, such as com.acme.pages.");
  }

  static Problem noParentPackage(String pagesPackage) {
    return new Problem(
        "next.no-generated-package",
        "The pages package '" + pagesPackage + "' has no parent package to put Routes and NextServer in;"
            + " move the pages into a package such as com.acme.pages, or set <generatedPackage>.");
  }

  // ---- reading page files ----

  static Problem packageMismatch(String declared, String expected) {
    return new Problem(
        "next.package-mismatch",
        "The file declares package " + declared + " but its folder is package " + expected
            + "; change the line to 'package " + expected + ";' or move the file.");
  }

  static Problem missingPackage(String expected) {
    return new Problem(
        "next.package-mismatch",
        "The file has no package line but its folder is package " + expected + "; add 'package "
            + expected + ";' at the top.");
  }

  // ---- what a page file's class must be (reported at the page file, see PageKinds) ----

  private static final String KINDS = " A class in the pages package is a Page (HTML), a StaticPage (rendered once) or,"
      + " under api/, an ApiRoute, each with its route's record from Routes; the special files are _App (App),"
      + " _404 and _500 (ErrorPage) and _Middleware (Middleware). A helper that is not a page goes in a file or"
      + " folder whose name starts with '_' (e.g. _Layout.java).";

  static Problem notAPage(String page, String pattern, String kind) {
    return new Problem(
        "next.not-a-page",
        "The class in " + page + " implements no page kind, so it cannot serve " + pattern + "; implement "
            + kind + ", or rename the file to start with '_' if it is a helper." + KINDS);
  }

  static Problem wrongPageKind(String page, String declared, String pattern, String kind) {
    return new Problem(
        "next.wrong-page-kind",
        "The class in " + page + " implements " + declared + ", but its route " + pattern + " needs " + kind + "."
            + KINDS);
  }

  static Problem wrongParamsRecord(String page, String declared, String pattern, String record, String kind) {
    return new Problem(
        "next.wrong-params-record",
        "The class in " + page + " implements " + declared + ", but the record of its route " + pattern + " is "
            + record + "; write implements " + kind + ".");
  }

  static Problem notASpecialPage(String file, String kind) {
    return new Problem(
        "next.not-a-page",
        "The special file " + file + " must declare a class that implements " + kind + "; rename it if it is"
            + " not meant to be one." + KINDS);
  }

  // ---- services handed to pages: _Context and the constructors that take it (see PageConstructors) ----

  static Problem contextNotAClass(String file) {
    return new Problem(
        "next.context-not-a-class",
        file + " must declare a public class (or record) named _Context: the site's services, built once when"
            + " the app is made and handed to every page whose constructor takes it.");
  }

  static Problem contextConstructor(String file, String found) {
    return new Problem(
        "next.context-constructor",
        "_Context in " + file + " has no constructor the generated server can call (found " + found + "); declare"
            + " public _Context() or public _Context(Env env), which gets the app's environment (.env files under"
            + " the process environment).");
  }

  static Problem pageConstructor(String page, String className, String found, String context) {
    return new Problem(
        "next.page-constructor",
        "The class in " + page + " has no constructor the route table can call (found " + found + "); declare"
            + " public " + className + "()" + context + ".");
  }

  static Problem noContext(String page, String className, String pagesDir) {
    return new Problem(
        "next.no-context",
        "The constructor " + className + "(_Context) in " + page + " takes the site's services, but there is no "
            + pagesDir + "/_Context.java; write that class (public _Context() or public _Context(Env env)), or"
            + " give " + className + " a public constructor without parameters.");
  }

  // ---- names that cannot be mapped to a route (reported at the file or folder) ----

  static Problem notAnIdentifier(String kind, String name, String suggestion) {
    return new Problem(
        "next.invalid-page-name",
        "The " + kind + " name '" + name + "' is not a Java identifier, so it cannot name a "
            + (kind.equals("file") ? "page class" : "package") + "; " + suggestion);
  }

  static Problem keyword(String kind, String name, String capitalized) {
    return new Problem(
        "next.invalid-page-name",
        "The " + kind + " name '" + name + "' is a Java keyword, so it cannot name a "
            + (kind.equals("file") ? "page class" : "package") + "; name it '" + capitalized
            + "' instead: it gives the same route segment ('" + name + "').");
  }

  static Problem dollarInside(String kind, String name) {
    return new Problem(
        "next.invalid-page-name",
        "The " + kind + " name '" + name + "' has a '$' after its start; '$' may only start a name:"
            + " $id is a parameter, $$path a catch-all, $$$path an optional catch-all.");
  }

  static Problem tooManyDollars(String kind, String name, int dollars) {
    return new Problem(
        "next.invalid-page-name",
        "The " + kind + " name '" + name + "' starts with " + dollars + " '$'; use $id for a parameter,"
            + " $$path for a catch-all or $$$path for an optional catch-all.");
  }

  static Problem emptyParamName(String kind, String name) {
    return new Problem(
        "next.invalid-page-name",
        "The " + kind + " name '" + name + "' has no parameter name after its '$'; write for example '"
            + name + "slug'.");
  }

  static Problem notAscii(String kind, String name, String character) {
    return new Problem(
        "next.invalid-page-name",
        "The " + kind + " name '" + name + "' has the character '" + character + "', which a URL path"
            + " cannot carry as it is; use ASCII letters, digits and '_'.");
  }

  // ---- what Next.js's route sorter rejects, and duplicates (reported at a page file) ----

  static Problem paramNameConflict(String first, String second, String firstName, String secondName) {
    return new Problem(
        "next.param-name-conflict",
        "Pages " + first + " and " + second + " give one level two parameter names ('" + firstName
            + "' and '" + secondName + "'); rename one.");
  }

  static Problem paramNameRepeated(String page, String name, String pattern) {
    return new Problem(
        "next.param-name-repeated",
        "Page " + page + " uses the parameter name '" + name + "' twice in " + pattern + "; rename one.");
  }

  static Problem catchAllNotLast(String page, String catchAll, String pattern) {
    return new Problem(
        "next.catch-all-not-last",
        "Page " + page + " goes on after the catch-all " + catchAll + " (" + pattern + "), but a catch-all"
            + " must be the last part of a URL; move the page out of " + catchAll + ".");
  }

  static Problem catchAllAndOptional(
      String required, String optional, String requiredPattern, String optionalPattern, String bare) {
    return new Problem(
        "next.catch-all-and-optional",
        "Pages " + required + " (" + requiredPattern + ") and " + optional + " (" + optionalPattern + ")"
            + " put a catch-all and an optional catch-all at one level; keep one: the optional one matches"
            + " everything the other does, and " + bare + " too.");
  }

  static Problem optionalCatchAllConflict(String page, String optional, String pattern) {
    return new Problem(
        "next.optional-catch-all-conflict",
        "Pages " + page + " and " + optional + " both match " + pattern + ", because an optional"
            + " catch-all also matches its folder's own path; remove " + page + ", or make the catch-all"
            + " required ($$ instead of $$$).");
  }

  static Problem duplicateRoute(String first, String second, String pattern) {
    return new Problem(
        "next.duplicate-route",
        "Pages " + first + " and " + second + " are both " + pattern + "; remove or rename one.");
  }

  // ---- public files (reported at the public file and at the page) ----

  static Problem publicFileConflict(String path, String otherFile) {
    return new Problem(
        "next.public-file-conflict",
        "A conflicting public file and page file was found for path " + path + " (the other is " + otherFile
            + "); a public file would hide the page. Remove or rename one.");
  }

  // ---- server settings (reported at pom.xml) ----

  static Problem basePathNoLeadingSlash(String basePath) {
    return new Problem(
        "next.invalid-base-path",
        "<basePath> \"" + basePath + "\" must start with '/', as in \"/" + basePath + "\".");
  }

  static Problem basePathTrailingSlash(String basePath) {
    return new Problem(
        "next.invalid-base-path",
        "<basePath> \"" + basePath + "\" must not end with '/'"
            + (basePath.equals("/") ? "; leave it empty for no base path." : ", as in \""
                + basePath.replaceAll("/+$", "") + "\"."));
  }

  static Problem basePathNotPlain(String basePath) {
    return new Problem(
        "next.invalid-base-path",
        "<basePath> \"" + basePath + "\" must be a plain path prefix such as \"/docs\": segments of ASCII"
            + " letters, digits, '-', '.', '_' and '~', other than '.' and '..', each after one '/'.");
  }

  static Problem negativeBodySizeLimit(long bodySizeLimit) {
    return new Problem(
        "next.invalid-body-size-limit",
        "<bodySizeLimit> " + bodySizeLimit + " must be 0 or more bytes; the default is 1048576 (1 MiB).");
  }

  /** A problem of the pom's {@code <i18n>}, as the runtime's {@code NextConfig.I18n.check} words it. */
  static Problem invalidI18n(String problem) {
    return new Problem("next.invalid-i18n", "<i18n>: " + problem + (problem.endsWith(".") ? "" : "."));
  }

  /** A source in {@code _Middleware}'s matcher that the checks refuse ({@code problem} names the field). */
  static Problem invalidMatcher(String source, String problem) {
    return new Problem("next.invalid-matcher", "the middleware matcher item Matcher.of(\"" + source + "\") is invalid: "
        + problem + ". Sources are read as the next.config rules' are (/about, /blog/:slug, /docs/:path*).");
  }

  static Problem invalidRule(String where, String field, String message) {
    return new Problem("next.invalid-rule", where + " <" + field + ">: " + message + ".");
  }

  // ---- the production build and the server goals (reported as the goal's failure or a warning) ----

  public static Problem mainClassNotInProject(String mainClass, String expectedFile) {
    return new Problem(
        "next.main-class-not-found",
        "<mainClass> " + mainClass + " is not a class of this project: " + expectedFile + " does not exist."
            + " Set <mainClass> (or -Dnext.mainClass) to the fully qualified name of your server class.");
  }

  public static Problem mainClassNotAName(String mainClass) {
    return new Problem(
        "next.invalid-main-class",
        "<mainClass> \"" + mainClass + "\" is not a fully qualified Java class name (like com.acme.Server).");
  }

  public static Problem mainClassWithoutMain(String mainClass) {
    return new Problem(
        "next.main-class-without-main",
        "<mainClass> " + mainClass + " has no public static void main(String[] args), so java -jar cannot start it.");
  }

  public static Problem noGeneratedServer(String generatedSources) {
    return new Problem(
        "next.no-generated-server",
        "No generated " + GeneratedNames.SERVER + " in " + generatedSources + ": declare the next:generate goal in the plugin's"
            + " executions (see the README), or set <mainClass> to your own server class.");
  }

  public static Problem severalGeneratedServers(List<String> classes) {
    return new Problem(
        "next.several-generated-servers",
        "Several generated " + GeneratedNames.SERVER + " classes (" + String.join(", ", classes) + "): run mvn clean, or set"
            + " <mainClass> to the one to start.");
  }

  public static Problem serverNotCompiled(String mainClass, String expectedFile) {
    return new Problem(
        "next.server-not-compiled",
        mainClass + " was generated but not compiled (" + expectedFile + " is missing): run mvn clean package.");
  }

  public static Problem noProjectJar(String jar) {
    return new Problem(
        "next.no-project-jar",
        "No jar at " + jar + " to make runnable: next:package runs in the package phase after the jar plugin,"
            + " in a project with <packaging>jar</packaging>.");
  }

  public static Problem originalJarMissing(String jar, String original) {
    return new Problem(
        "next.original-jar-missing",
        jar + " is already a runnable jar and the project jar it was made from (" + original + ") is gone:"
            + " run mvn clean package.");
  }

  public static Problem runtimeNotInside() {
    return new Problem(
        "next.runtime-not-a-dependency",
        "dev.next4j:next-runtime is not a runtime dependency of this project, so the runnable jar would not start:"
            + " declare it with the default (compile) scope.");
  }

  public static Problem noRouteManifest(String manifest) {
    return new Problem(
        "next.no-route-manifest",
        "No route manifest at " + manifest + ": declare the next:generate goal in the plugin's executions"
            + " (see the README).");
  }

  // ---- prerendering and the static export ----

  /** {@code [next.prerender-failed] file: prerendering ...}: a static page threw (or answered wrong) while prerendering. */
  public static Problem prerenderFailed(String file, String pattern, String path, String exception) {
    return new Problem(
        "next.prerender-failed",
        file + ": prerendering " + pattern + (path.equals("paths()") ? " failed in paths()" : " at " + path + " failed")
            + ": " + exception);
  }

  public static Problem prerenderCrashed(int status, String lastLines) {
    return new Problem(
        "next.prerender-crashed",
        "The JVM prerendering the static pages exited with status " + status + " before finishing: " + lastLines);
  }

  public static Problem exportHasDynamicRoutes(List<String> routes) {
    return new Problem(
        "next.export-dynamic-routes",
        "next:export writes static files only, but these routes need a server: " + String.join(", ", routes)
            + ". Make them StaticPages (listing every path, fallback NOT_FOUND), or leave them out with"
            + " -Dnext.export.skipDynamic=true.");
  }

  public static Problem exportConflict(String file) {
    return new Problem(
        "next.export-conflict",
        "next:export would write " + file + " twice: a page is exported there and public/" + file
            + " is a file; rename one of them.");
  }

  public static Problem noPages() {
    return new Problem(
        "next.no-pages",
        "The pages package has no pages: the server will answer every request with 404."
            + " Add a page, e.g. pages/Index.java for /.");
  }

  public static Problem notAJdk(Path home) {
    return new Problem(
        "next.invalid-jvm",
        "<jvm> " + home + " is not a JDK: it has no release file.");
  }

  public static Problem jdkWithoutVersion(Path home) {
    return new Problem(
        "next.invalid-jvm",
        "<jvm> " + home + ": its release file names no JAVA_VERSION.");
  }

  public static Problem noArchiveWritten(String archive, Path log) {
    return new Problem(
        "next.aot-archive-not-written",
        "The JVM did not write " + archive + "; its output is in " + log + ".");
  }

  public static Problem noJarToStart(String jar) {
    return new Problem(
        "next.no-runnable-jar",
        "No runnable jar at " + jar + ": build it first with mvn next:build (or mvn package).");
  }

  /** {@code alternative} is the port to suggest instead (the build's {@code Ports} decides it). */
  public static Problem portInUse(int port, int alternative) {
    return new Problem(
        "next.port-in-use",
        "Port " + port + " is already in use: stop the program using it, or start on another port with"
            + " -Dnext.port=" + alternative + ".");
  }

  public static Problem invalidPort(String source, String value) {
    return new Problem(
        "next.invalid-port",
        source + " must be a port number from 0 to 65535: \"" + value + "\"");
  }

  public static Problem serverExited(int status, String lastLine) {
    return new Problem(
        "next.server-exited",
        "The server exited with status " + status + " before it was ready" + (lastLine.isEmpty() ? "." : ": " + lastLine));
  }

  public static Problem serverExitedWhileRunning(int status) {
    return new Problem(
        "next.server-exited",
        "The server exited with status " + status + " (its output is above).");
  }

  public static Problem serverNotReady(String url, long seconds, String log) {
    return new Problem(
        "next.server-not-ready",
        "The server did not answer " + url + " within " + seconds + " s; its output is in " + log
            + " (raise -Dnext.startTimeout if it needs longer).");
  }
}
