package dev.next4j.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds public files and pages with the same path, which Next.js refuses ("A conflicting public file
 * and page file was found for path /about"): a public file is served before routes, so the page
 * would never be reached. Each conflict is reported at both files.
 *
 * <pre>{@code
 * PublicFileCheck.check(project, project.resolve("src/main/resources/public"), List.of("about"), manifest);
 * // [src/main/resources/public/about: error: [next.public-file-conflict] ...,
 * //  src/main/java/com/acme/pages/About.java: error: [next.public-file-conflict] ...]
 * }</pre>
 */
public final class PublicFileCheck {
  private PublicFileCheck() {}

  /**
   * The conflicts between the files {@code keys} (paths under {@code publicDir}, {@code
   * /}-separated) and the routes without params of {@code manifest} (a dynamic route's pattern is no
   * path a file can have); empty when there are none.
   */
  public static List<Diagnostic> check(Path projectDir, Path publicDir, List<String> keys, RouteManifest manifest) {
    Set<String> files = new HashSet<>(keys);
    List<Diagnostic> found = new ArrayList<>();
    for (RouteManifest.Row route : manifest.routes()) {
      String pattern = route.pattern();
      if (pattern.length() < 2 || pattern.indexOf('[') >= 0 || !files.contains(pattern.substring(1))) {
        continue;
      }
      String file = ProjectPaths.relative(projectDir, publicDir.resolve(pattern.substring(1)));
      Messages.Problem atFile = Messages.publicFileConflict(pattern, route.source());
      Messages.Problem atPage = Messages.publicFileConflict(pattern, file);
      found.add(new Diagnostic(file, 0, atFile.code(), atFile.message()));
      found.add(new Diagnostic(route.source(), 0, atPage.code(), atPage.message()));
    }
    return found;
  }
}
