package dev.next4j.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where each file of a built site goes in the image, in which layer, and the command that starts
 * it. Layers are ordered from the least to the most often changed, so a rebuild after editing a
 * page replaces only the application layer:
 *
 * <pre>
 * dependencies   /app/libs/*.jar            the site's runtime dependencies, next-runtime excepted
 * next-runtime   /app/runtime/*.jar         next-runtime (changes with the next4j version)
 * application    /app/classes/**            the site's classes and resources (target/classes)
 * prerendered    /app/prerendered/**        prerendered pages, when the build made any
 * entrypoint     java -cp /app/classes:/app/libs/a.jar:...:/app/runtime/next-runtime.jar com.acme.NextServer
 * </pre>
 *
 * <p>The class path lists every jar in Maven's order rather than a {@code libs/*} wildcard, whose
 * order the JVM leaves to the file system.
 *
 * <p>With an AOT cache ({@code mvn next:build -Dnext.aot} on JDK 25 or newer), the image runs the
 * runnable jar the cache was made for, as the launcher script does: the JVM accepts a cache only
 * with the class path it was made with (a jar in another folder is fine), so the application layer
 * holds {@code /app/<finalName>.jar}, a {@code jvm-archive} layer the cache, and the entrypoint is
 * {@code java -XX:AOTCache=/app/<finalName>.aot -jar /app/<finalName>.jar}. The cache fits only the
 * JDK build that made it; with another one the JVM warns and starts without it. An AppCDS archive
 * (JDK 17 to 24, {@code .jsa}) names the jar by its absolute path on the build machine, so it cannot
 * serve in an image: {@link Archive#beside} reports it and the image is built without it.
 */
public record ImageLayout(List<Layer> layers, List<String> entrypoint, String workingDirectory) {
  /** The image's application folder, also its working directory. */
  public static final String APP = "/app";

  public ImageLayout {
    layers = List.copyOf(layers);
    entrypoint = List.copyOf(entrypoint);
  }

  /** A file copied into the image, at {@code target}; Jib gives it a fixed time, 1970-01-01T00:00:01Z. */
  public record Entry(Path source, String target) {
    public Entry {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
    }
  }

  /** One image layer: a name (Jib logs it) and its files, sorted by target. */
  public record Layer(String name, List<Entry> entries) {
    public Layer {
      entries = List.copyOf(entries);
    }
  }

  /** A jar on the site's class path; {@code runtime} marks next-runtime, which gets a layer of its own. */
  public record Jar(String name, Path path, boolean runtime) {
    public Jar {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
      if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
        throw new IllegalArgumentException("not a file name: '" + name + "'");
      }
    }
  }

  /** An AOT cache and the runnable jar it was made for. */
  public record Archive(Path jar, Path archive) {
    /** The JVM option that reads the cache, up to its file name. */
    public static final String OPTION = "-XX:AOTCache=";

    public Archive {
      Objects.requireNonNull(jar, "jar");
      Objects.requireNonNull(archive, "archive");
    }

    /**
     * The AOT cache {@code next:build -Dnext.aot} left beside {@code jar} ({@code site-1.0.aot}), if
     * any; packaging the jar again removes it, so a cache found here was made for this jar. An
     * AppCDS archive there ({@code site-1.0.jsa}, made by a JDK before 25) is left out, and {@code
     * log} says why.
     */
    public static Optional<Archive> beside(Path jar, ImageLog log) {
      if (!Files.isRegularFile(jar)) {
        return Optional.empty();
      }
      String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
      Path aot = jar.resolveSibling(base + ".aot");
      if (Files.isRegularFile(aot)) {
        return Optional.of(new Archive(jar, aot));
      }
      Path jsa = jar.resolveSibling(base + ".jsa");
      if (Files.isRegularFile(jsa)) {
        log.warn(Messages.appCdsLeftOut(jsa));
      }
      return Optional.empty();
    }
  }

  /**
   * The built site.
   *
   * @param classes the compiled classes and resources ({@code target/classes})
   * @param classPath the runtime dependencies in Maven's class path order, next-runtime among them
   * @param prerendered the prerendered pages folder; absent or empty means no layer
   * @param mainClass the class the runnable jar starts
   * @param jvmFlags options put before the class path or jar, e.g. {@code -XX:MaxRAMPercentage=75}
   * @param archive the JVM archive, when {@code next:build -Dnext.aot} made one
   */
  public record Site(
      Path classes, List<Jar> classPath, Optional<Path> prerendered, String mainClass, List<String> jvmFlags,
      Optional<Archive> archive) {
    public Site {
      Objects.requireNonNull(classes, "classes");
      classPath = List.copyOf(classPath);
      Objects.requireNonNull(prerendered, "prerendered");
      Objects.requireNonNull(mainClass, "mainClass");
      jvmFlags = List.copyOf(jvmFlags);
      Objects.requireNonNull(archive, "archive");
    }
  }

  /** The layout of {@code site}; fails when the classes are missing or two jars share a name. */
  public static ImageLayout of(Site site) throws ImageException, IOException {
    List<Layer> layers = new ArrayList<>();
    List<String> entrypoint = new ArrayList<>();
    entrypoint.add("java");
    if (site.archive().isPresent()) {
      Archive archive = site.archive().get();
      String jar = APP + "/" + archive.jar().getFileName();
      String archiveFile = APP + "/" + archive.archive().getFileName();
      layers.add(new Layer("application", List.of(new Entry(archive.jar(), jar))));
      layers.add(new Layer("jvm-archive", List.of(new Entry(archive.archive(), archiveFile))));
      entrypoint.add(Archive.OPTION + archiveFile);
      entrypoint.addAll(site.jvmFlags());
      entrypoint.add("-jar");
      entrypoint.add(jar);
    } else {
      if (!Files.isDirectory(site.classes())) {
        throw new ImageException(Messages.noClasses(site.classes()));
      }
      List<Entry> dependencies = new ArrayList<>();
      List<Entry> runtime = new ArrayList<>();
      List<String> classPath = new ArrayList<>();
      classPath.add(APP + "/classes");
      Map<String, Path> names = new HashMap<>();
      for (Jar jar : site.classPath()) {
        Path previous = names.putIfAbsent(jar.name(), jar.path());
        if (previous != null) {
          throw new ImageException(Messages.sameJarName(jar.name(), previous, jar.path()));
        }
        String target = APP + (jar.runtime() ? "/runtime/" : "/libs/") + jar.name();
        (jar.runtime() ? runtime : dependencies).add(new Entry(jar.path(), target));
        classPath.add(target);
      }
      if (runtime.isEmpty()) {
        throw new ImageException(Messages.noRuntime());
      }
      layers.add(new Layer("dependencies", sorted(dependencies)));
      layers.add(new Layer("next-runtime", sorted(runtime)));
      layers.add(new Layer("application", tree(site.classes(), APP + "/classes")));
      entrypoint.addAll(site.jvmFlags());
      entrypoint.add("-cp");
      entrypoint.add(String.join(":", classPath));
      entrypoint.add(site.mainClass());
    }
    if (site.prerendered().isPresent() && Files.isDirectory(site.prerendered().get())) {
      List<Entry> pages = tree(site.prerendered().get(), APP + "/prerendered");
      if (!pages.isEmpty()) {
        layers.add(new Layer("prerendered", pages));
      }
    }
    layers.removeIf(layer -> layer.entries().isEmpty());
    return new ImageLayout(layers, entrypoint, APP);
  }

  /** Every regular file under {@code folder}, as entries under {@code target}, sorted. */
  private static List<Entry> tree(Path folder, String target) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      List<Entry> entries = new ArrayList<>();
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String relative = folder.relativize(file).toString().replace('\\', '/');
        entries.add(new Entry(file, target + "/" + relative));
      }
      return sorted(entries);
    }
  }

  private static List<Entry> sorted(List<Entry> entries) {
    return entries.stream().sorted(java.util.Comparator.comparing(Entry::target)).toList();
  }
}
