package dev.next4j.build;

import dev.next4j.codegen.Messages;
import dev.next4j.codegen.RouteManifest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code next:export}, as Next.js's {@code output: 'export'}: the prerendered pages and the files
 * of {@code public/} written as plain files, ready for any static host.
 *
 * <p>A page at {@code /about} becomes {@code about.html}, or {@code about/index.html} with {@code
 * trailingSlash}; {@code /} is {@code index.html}. Paths are percent-decoded into file names
 * ({@code /blog/hello%20world} → {@code blog/hello world.html}), as static hosts map URLs to files.
 * With i18n the prerendered paths start with their locale, so each locale gets a folder ({@code
 * /fr/about} → {@code fr/about.html}, the default locale's root {@code /en-US} → {@code en-US.html}).
 * Server pages and API routes cannot be exported: they fail the export, listed, unless {@code
 * skipDynamic} leaves them out. Only the paths a static page lists are exported: on a static host
 * an unlisted path of a {@code RENDER_ON_DEMAND} page is a 404.
 */
public final class StaticExport {
  private StaticExport() {}

  /** What was written: pages and public files, and the server routes left out. */
  public record Result(int pages, int publicFiles, List<String> skipped) {
    public Result {
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * Exports into {@code out} (emptied first).
   *
   * @param routes the route manifest, for the routes that need a server
   * @param pages the prerendered pages
   * @param publicFolder {@code src/main/resources/public}; may not exist
   * @param trailingSlash the site's {@code trailingSlash}
   * @param skipDynamic leave server pages and API routes out instead of failing
   * @throws BuildException {@code next.export-dynamic-routes} when the site has routes needing a
   *     server and {@code skipDynamic} is off; {@code next.export-conflict} when a page and a public
   *     file would be the same file
   */
  public static Result run(RouteManifest routes, PrerenderedPages pages, Path publicFolder, Path out,
      boolean trailingSlash, boolean skipDynamic) throws BuildException, IOException {
    List<String> dynamic = routes.routes().stream()
        .filter(r -> r.kind() == RouteManifest.Kind.PAGE || r.kind() == RouteManifest.Kind.API)
        .map(r -> r.pattern() + " (" + r.source() + ")")
        .toList();
    if (!dynamic.isEmpty() && !skipDynamic) {
      throw new BuildException(Messages.exportHasDynamicRoutes(dynamic));
    }
    Map<String, Path> files = new TreeMap<>();
    for (PrerenderedPages.Page page : pages.pages()) {
      files.put(fileName(page.path(), trailingSlash), pages.folder().resolve(page.file()));
    }
    int pageCount = files.size();
    List<Path> publicFiles = new ArrayList<>();
    if (Files.isDirectory(publicFolder)) {
      try (Stream<Path> walk = Files.walk(publicFolder)) {
        walk.filter(Files::isRegularFile).sorted().forEach(publicFiles::add);
      }
    }
    for (Path file : publicFiles) {
      String name = publicFolder.relativize(file).toString().replace('\\', '/');
      if (files.containsKey(name)) {
        throw new BuildException(Messages.exportConflict(name));
      }
      files.put(name, file);
    }
    Prerenderer.delete(out);
    for (Map.Entry<String, Path> file : files.entrySet()) {
      Path target = out.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.copy(file.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.createDirectories(out);
    return new Result(pageCount, publicFiles.size(), dynamic);
  }

  /** The file a page at {@code path} (inside the app, percent-encoded) is written to, relative to the export. */
  static String fileName(String path, boolean trailingSlash) {
    if (path.equals("/")) {
      return "index.html";
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.substring(1).split("/", -1)) {
      String name = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
      if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
          || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("the page path " + path + " cannot be a file name (segment \"" + name + "\")");
      }
      segments.add(name);
    }
    String joined = String.join("/", segments);
    return trailingSlash ? joined + "/index.html" : joined + ".html";
  }
}
