package dev.next4j.runtime.internal;

/**
 * The rules Next.js applies to a URL path's shape before routing: slash normalisation, the base
 * path, and the trailing-slash redirects. Paths are raw (still percent-encoded) and without query.
 *
 * <pre>{@code
 * UrlRules.cleanSlashes("/blog//a")                       // "/blog/a"
 * UrlRules.stripBasePath("/docs/about", "/docs")          // "/about"
 * UrlRules.trailingSlashTarget("/about/", "/about/", false)  // "/about"
 * }</pre>
 */
final class UrlRules {
  private UrlRules() {}

  /**
   * {@code path} with each {@code \} turned into {@code /} and runs of {@code /} collapsed, or
   * {@code null} when it has neither (an encoded {@code %5C} is data and stays).
   */
  static String cleanSlashes(String path) {
    if (path.indexOf('\\') < 0 && !path.contains("//")) {
      return null;
    }
    StringBuilder clean = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i) == '\\' ? '/' : path.charAt(i);
      if (c != '/' || clean.length() == 0 || clean.charAt(clean.length() - 1) != '/') {
        clean.append(c);
      }
    }
    return clean.toString();
  }

  /**
   * The path inside the app: {@code path} without {@code basePath} ({@code /} for the base path
   * itself), or {@code null} when {@code path} lies outside it ({@code /docsx} is outside {@code
   * /docs}).
   */
  static String stripBasePath(String path, String basePath) {
    if (basePath.isEmpty()) {
      return path;
    }
    if (!path.startsWith(basePath)) {
      return null;
    }
    if (path.length() == basePath.length()) {
      return "/";
    }
    return path.charAt(basePath.length()) == '/' ? path.substring(basePath.length()) : null;
  }

  /**
   * Where the trailing-slash rule sends {@code path} (the whole path, base path included; {@code
   * appPath} is the same without it), or {@code null} when it stays. With {@code trailingSlash}
   * false, {@code /about/} goes to {@code /about}; with it true, {@code /about} goes to {@code
   * /about/} and {@code /file.txt/} to {@code /file.txt}. {@code /} itself never moves, nor do paths
   * under {@code /.well-known}.
   */
  static String trailingSlashTarget(String path, String appPath, boolean trailingSlash) {
    if (path.equals("/")) {
      return null;
    }
    boolean endsWithSlash = path.endsWith("/");
    if (!trailingSlash) {
      return endsWithSlash ? path.substring(0, path.length() - 1) : null;
    }
    if (appPath.equals("/.well-known") || appPath.startsWith("/.well-known/")) {
      return null;
    }
    if (endsWithSlash) {
      if (appPath.equals("/")) {
        return null;
      }
      String last = lastSegment(path.substring(0, path.length() - 1));
      return hasExtension(last) ? path.substring(0, path.length() - 1) : null;
    }
    return lastSegment(path).indexOf('.') < 0 ? path + "/" : null;
  }

  /** The path routes are matched against: without one trailing slash, except {@code /} itself. */
  static String routingPath(String appPath) {
    return appPath.length() > 1 && appPath.endsWith("/")
        ? appPath.substring(0, appPath.length() - 1)
        : appPath;
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Whether {@code segment} looks like a file name: {@code x.ext}, as Next.js's {@code [^/]+\.\w+}. */
  private static boolean hasExtension(String segment) {
    int dot = segment.lastIndexOf('.');
    if (dot <= 0 || dot == segment.length() - 1) {
      return false;
    }
    for (int i = dot + 1; i < segment.length(); i++) {
      char c = segment.charAt(i);
      boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!word) {
        return false;
      }
    }
    return true;
  }
}
