package dev.next4j.runtime.internal;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.PageCache;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.StaticPage;
import dev.next4j.runtime.generated.Route;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prerenders every static page of an app into a folder, with the {@link PrerenderManifest}: what
 * {@code java -cp <site classpath> <NextServer> --prerender <folder>} does, run by {@code
 * next:package} in a JVM of its own with the project's runtime class path. The folder becomes
 * {@code META-INF/next/static/} in the jar.
 *
 * <p>Each static page without params is rendered once; a dynamic one at each path its {@code
 * paths()} lists. A page that throws, answers 404 for a path it lists, or lists a path another
 * route serves stops the run with a {@link Failure} naming the route and path.
 */
public final class Prerender {
  /** The first line of the report on a failure, which the plugin reads: this, a tab, the pattern, a tab, the path. */
  public static final String FAILURE_MARK = "next4j-prerender-failed";
  private static final long PROGRESS_NANOS = 2_000_000_000L;

  private Prerender() {}

  /** A page failed to prerender. */
  public static final class Failure extends Exception {
    private final String pattern;
    private final String path;

    Failure(String pattern, String path, Throwable cause) {
      super(pattern + " at " + path + ": " + cause, cause);
      this.pattern = pattern;
      this.path = path;
    }

    public String pattern() {
      return pattern;
    }

    public String path() {
      return path;
    }
  }

  /** How many pages were written, per route pattern, and their total bytes. */
  public record Summary(Map<String, Integer> pages, long bytes) {}

  /** Prerenders {@code app}'s static pages into {@code out} (emptied first); progress lines go to {@code progress}. */
  public static Summary run(NextApp app, Path out, PrintStream progress) throws Failure, IOException {
    RouteTable table = app.routes();
    StaticPages pages = new StaticPages(app.config(), app.options().clock(), PageCache.inMemory(), Runnable::run, null);
    deleteTree(out);
    Files.createDirectories(out.resolve("p"));
    List<Route> routes = table.routing().routes().stream().filter(r -> r.staticPage().isPresent()).toList();
    Map<Route, List<StaticPages.Target>> paths = new LinkedHashMap<>();
    int total = 0;
    for (Route route : routes) {
      try {
        List<StaticPages.Target> listed = pages.targets(route);
        paths.put(route, listed);
        total += listed.size();
      } catch (Exception | LinkageError | StackOverflowError e) {
        throw new Failure(route.pattern(), "paths()", e);
      }
    }
    List<PrerenderManifest.Row> rows = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    long bytes = 0;
    long lastProgress = System.nanoTime();
    for (Map.Entry<Route, List<StaticPages.Target>> entry : paths.entrySet()) {
      Route route = entry.getKey();
      StaticPage<?> page = route.staticPage().orElseThrow();
      long revalidate = page.revalidate().map(Duration::toSeconds).orElse(-1L);
      counts.put(route.pattern(), 0);
      for (StaticPages.Target target : entry.getValue()) {
        String path = target.key();
        Optional<PageCache.Entry> rendered;
        try {
          rendered = pages.render(route, target, table);
        } catch (Exception | LinkageError | StackOverflowError e) {
          throw new Failure(route.pattern(), path, e);
        }
        if (rendered.isEmpty()) {
          throw new Failure(route.pattern(), path,
              new IllegalStateException("paths() lists " + path + " but the page answered 404 for it"));
        }
        PageCache.Entry page0 = rendered.get();
        int n = rows.size();
        String file = "p/" + n + ".html";
        Files.write(out.resolve(file), page0.body());
        String gzipFile = "";
        if (page0.gzip().length > 0) {
          gzipFile = file + ".gz";
          Files.write(out.resolve(gzipFile), page0.gzip());
        }
        rows.add(new PrerenderManifest.Row(path, route.pattern(), file, gzipFile, page0.contentType(), page0.etag(),
            page0.body().length, revalidate));
        counts.merge(route.pattern(), 1, Integer::sum);
        bytes += page0.body().length;
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_NANOS) {
          progress.println("prerendering: " + rows.size() + "/" + total + " pages");
          lastProgress = now;
        }
      }
    }
    Files.writeString(out.resolve("manifest.tsv"), PrerenderManifest.format(rows), StandardCharsets.UTF_8);
    return new Summary(counts, bytes);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
