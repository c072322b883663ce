package dev.next4j.codegen;

import java.util.List;

/**
 * Every text a user reads from the generator, with its stable code (Dagger's {@code ErrorMessages}).
 * A message says what is wrong, quotes both sides, and says what to do. Page files are named
 * relative to the pages folder ({@code blog/$slug.java}); the diagnostic's own location is relative
 * to the project.
 */
final class Messages {
  private Messages() {}

  /** A message with its code, e.g. {@code next.duplicate-route}. */
  record Problem(String code, String message) {}

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
}
