package dev.next4j.build;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Merges a project's jar and its runtime dependencies into one jar that {@code java -jar} starts.
 *
 * <p>Inputs are read in order, the project's jar first, and the first copy of an entry wins, so
 * the result is the same for the same inputs. Files that register services are merged: {@code
 * META-INF/services} files and Helidon's {@code META-INF/helidon/service.loader} are concatenated
 * (each line once), Helidon's {@code META-INF/helidon/service-registry.json} and {@code
 * config-metadata.json}, each a JSON array of one module's entries, are joined into one array (a
 * merged jar that kept one module's registry would lose every other module's services).
 * Signature files are dropped (they would not match the merged jar), and entries that two inputs
 * hold with different content are reported. The manifest keeps the
 * project jar's main attributes, sets {@code Main-Class}, drops {@code Class-Path} (everything is
 * inside), and says {@code Multi-Release: true} when any input does.
 *
 * <pre>{@code
 * RunnableJar.Result result = RunnableJar.write(Path.of("target/site.jar"), "com.acme.NextServer",
 *     new RunnableJar.Source("site-1.0.jar", Path.of("target/next/site-1.0.jar")),
 *     List.of(new RunnableJar.Source("next-runtime-0.1.0.jar", runtimeJar)));
 * }</pre>
 */
public final class RunnableJar {
  /** The manifest attribute that marks a jar this class wrote; its value is the main class. */
  public static final String MARKER = "Next4j-Runnable-Jar";

  private static final String MANIFEST = "META-INF/MANIFEST.MF";
  private static final String SERVICES = "META-INF/services/";
  /** Helidon's list of service contracts also loaded through {@code ServiceLoader}: one per line. */
  private static final String HELIDON_SERVICE_LOADER = "META-INF/helidon/service.loader";
  /** Helidon's files that each hold a JSON array of one module's entries, read from every jar. */
  private static final Set<String> HELIDON_ARRAYS =
      Set.of("META-INF/helidon/service-registry.json", "META-INF/helidon/config-metadata.json");
  /** 1980-02-01, the earliest DOS time, for entries that have no source time of their own. */
  private static final long DEFAULT_TIME = 315_532_800_000L + 31L * 24 * 3600 * 1000;

  private RunnableJar() {}

  /** One input: a jar or a classes folder, with the name used for it in reports. */
  public record Source(String label, Path path) {
    public Source {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(path, "path");
    }
  }

  /** An entry two inputs hold with different content; the first input's copy was kept. */
  public record Duplicate(String entry, String kept, String skipped) {
    @Override
    public String toString() {
      return entry + " (kept from " + kept + ", skipped from " + skipped + ")";
    }
  }

  /**
   * What was written. {@code servicesMerged} counts the service files written merged ({@code
   * META-INF/services} and Helidon's registry files).
   */
  public record Result(
      Path jar, int entries, boolean multiRelease, int servicesMerged, int signaturesDropped, List<Duplicate> duplicates) {
    public Result {
      duplicates = List.copyOf(duplicates);
    }
  }

  /** Whether {@code jar} is a runnable jar this class wrote (its manifest carries {@link #MARKER}). */
  public static boolean isRunnable(Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      Manifest manifest = file.getManifest();
      return manifest != null && manifest.getMainAttributes().getValue(MARKER) != null;
    }
  }

  /**
   * Writes the runnable jar to {@code output}: first to a temporary file beside it, then moved into
   * place, so a failure leaves no half-written jar.
   *
   * @param mainClass the fully qualified class {@code java -jar} starts
   * @param project the project's own jar (or classes folder), whose manifest is the base
   * @param dependencies the runtime dependencies, in classpath order
   */
  public static Result write(Path output, String mainClass, Source project, List<Source> dependencies)
      throws IOException {
    List<Source> sources = new ArrayList<>();
    sources.add(project);
    sources.addAll(dependencies);
    Merge merge = new Merge(project, readManifest(project));
    for (Source source : sources) {
      merge.multiRelease |= isMultiRelease(readManifest(source));
    }
    Path temp = Files.createTempFile(output.toAbsolutePath().getParent(), output.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(out)) {
        merge.writeManifest(zip, mainClass);
        for (Source source : sources) {
          merge.copy(source, zip);
        }
        merge.writeServices(zip);
        merge.writeArrays(zip);
      }
      keepPermissions(output, temp);
      Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return new Result(
        output, merge.written.size(), merge.multiRelease, merge.services.size() + merge.arrays.size(),
        merge.signaturesDropped,
        merge.duplicates);
  }

  /** The state of one merge: what was written, from where, and what is still to come. */
  private static final class Merge {
    private final Source project;
    private final Map<String, Kept> written = new HashMap<>();
    private final Map<String, Set<String>> services = new LinkedHashMap<>();
    private final Map<String, List<String>> arrays = new LinkedHashMap<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private final SourceManifest projectManifest;
    private boolean multiRelease;
    private int signaturesDropped;

    Merge(Source project, SourceManifest projectManifest) {
      this.project = project;
      this.projectManifest = projectManifest;
    }

    private record Kept(String source, long crc, long size) {}

    void writeManifest(ZipOutputStream zip, String mainClass) throws IOException {
      Manifest manifest = new Manifest();
      Attributes attributes = manifest.getMainAttributes();
      attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
      attributes.putAll(projectManifest.manifest().getMainAttributes());
      attributes.remove(Attributes.Name.CLASS_PATH);
      attributes.put(Attributes.Name.MAIN_CLASS, mainClass);
      attributes.put(new Attributes.Name(MARKER), mainClass);
      if (multiRelease) {
        attributes.put(Attributes.Name.MULTI_RELEASE, "true");
      } else {
        attributes.remove(Attributes.Name.MULTI_RELEASE);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      manifest.write(bytes);
      // The JDK finds the manifest only as the first or second entry: META-INF/ then the file.
      put(zip, "META-INF/", new byte[0], projectManifest.time(), project.label());
      put(zip, MANIFEST, bytes.toByteArray(), projectManifest.time(), project.label());
    }

    void copy(Source source, ZipOutputStream zip) throws IOException {
      if (Files.isDirectory(source.path())) {
        try (Stream<Path> files = Files.walk(source.path())) {
          for (Path file : files.sorted().toList()) {
            String name = source.path().relativize(file).toString().replace('\\', '/');
            if (name.isEmpty()) {
              continue;
            }
            boolean directory = Files.isDirectory(file);
            byte[] content = directory ? new byte[0] : Files.readAllBytes(file);
            add(zip, source, directory ? name + "/" : name, content, Files.getLastModifiedTime(file).toMillis());
          }
        }
        return;
      }
      try (ZipFile jar = new ZipFile(source.path().toFile())) {
        for (ZipEntry entry : jar.stream().toList()) {
          byte[] content;
          try (InputStream in = jar.getInputStream(entry)) {
            content = in.readAllBytes();
          }
          add(zip, source, entry.getName(), content, entry.getTime());
        }
      }
    }

    private void add(ZipOutputStream zip, Source source, String name, byte[] content, long time) throws IOException {
      if (name.equalsIgnoreCase(MANIFEST) || name.equalsIgnoreCase("META-INF/INDEX.LIST")) {
        return;
      }
      if (isSignature(name)) {
        signaturesDropped++;
        return;
      }
      if (source != project && (name.equals("module-info.class") || name.endsWith("/module-info.class"))) {
        return; // a dependency's module descriptor means nothing on the class path of a merged jar
      }
      boolean serviceFile = name.startsWith(SERVICES) && !name.endsWith("/") && name.indexOf('/', SERVICES.length()) < 0;
      if (serviceFile || name.equals(HELIDON_SERVICE_LOADER)) {
        Set<String> providers = services.computeIfAbsent(name, n -> new LinkedHashSet<>());
        new String(content, StandardCharsets.UTF_8).lines()
            .map(line -> line.replaceFirst("#.*", "").trim())
            .filter(line -> !line.isEmpty())
            .forEach(providers::add);
        return;
      }
      if (HELIDON_ARRAYS.contains(name)) {
        String elements = arrayElements(content);
        List<String> parts = arrays.computeIfAbsent(name, n -> new ArrayList<>());
        if (elements == null) {
          // Not a JSON array: it cannot be joined, so it is left out and reported.
          duplicates.add(new Duplicate(name, "the other inputs' merged array", source.label() + ", not a JSON array"));
        } else if (!elements.isEmpty()) {
          parts.add(elements);
        }
        return;
      }
      Kept kept = written.get(name);
      if (kept != null) {
        if (!name.endsWith("/") && (kept.crc() != crc(content) || kept.size() != content.length)) {
          duplicates.add(new Duplicate(name, kept.source(), source.label()));
        }
        return;
      }
      put(zip, name, content, time, source.label());
    }

    void writeServices(ZipOutputStream zip) throws IOException {
      boolean anyServices = services.keySet().stream().anyMatch(name -> name.startsWith(SERVICES));
      if (anyServices && !written.containsKey(SERVICES)) {
        put(zip, SERVICES, new byte[0], projectManifest.time(), project.label());
      }
      for (Map.Entry<String, Set<String>> service : services.entrySet()) {
        String text = String.join("\n", service.getValue()) + "\n";
        put(zip, service.getKey(), text.getBytes(StandardCharsets.UTF_8), projectManifest.time(), project.label());
      }
    }

    void writeArrays(ZipOutputStream zip) throws IOException {
      for (Map.Entry<String, List<String>> array : arrays.entrySet()) {
        String text = "[" + String.join(",", array.getValue()) + "]";
        put(zip, array.getKey(), text.getBytes(StandardCharsets.UTF_8), projectManifest.time(), project.label());
      }
    }

    private void put(ZipOutputStream zip, String name, byte[] content, long time, String source) throws IOException {
      ZipEntry entry = new ZipEntry(name);
      entry.setTime(time > 0 ? time : DEFAULT_TIME);
      zip.putNextEntry(entry);
      zip.write(content);
      zip.closeEntry();
      written.put(name, new Kept(source, crc(content), content.length));
    }
  }

  /** A source's manifest (empty when it has none) and the time of its entry. */
  private record SourceManifest(Manifest manifest, long time) {}

  private static SourceManifest readManifest(Source source) throws IOException {
    if (Files.isDirectory(source.path())) {
      Path file = source.path().resolve(MANIFEST);
      if (!Files.isRegularFile(file)) {
        return new SourceManifest(new Manifest(), DEFAULT_TIME);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return new SourceManifest(new Manifest(in), Files.getLastModifiedTime(file).toMillis());
      }
    }
    try (ZipFile jar = new ZipFile(source.path().toFile())) {
      ZipEntry entry = jar.getEntry(MANIFEST);
      if (entry == null) {
        return new SourceManifest(new Manifest(), DEFAULT_TIME);
      }
      try (InputStream in = jar.getInputStream(entry)) {
        return new SourceManifest(
            new Manifest(new ByteArrayInputStream(in.readAllBytes())), entry.getTime() > 0 ? entry.getTime() : DEFAULT_TIME);
      }
    }
  }

  /**
   * What is between the brackets of a JSON array, trimmed ({@code ""} for an empty array), or null
   * when {@code content} is not one array. The elements are kept as written.
   */
  static String arrayElements(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8).strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1).strip();
    }
    if (text.length() < 2 || text.charAt(0) != '[' || text.charAt(text.length() - 1) != ']') {
      return null;
    }
    return text.substring(1, text.length() - 1).strip();
  }

  private static boolean isMultiRelease(SourceManifest manifest) {
    return "true".equalsIgnoreCase(manifest.manifest().getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE));
  }

  /** Gives {@code temp} the permissions of the jar it replaces (a temporary file is private to its owner). */
  private static void keepPermissions(Path output, Path temp) throws IOException {
    if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Files.setPosixFilePermissions(temp, Files.exists(output)
        ? Files.getPosixFilePermissions(output)
        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
  }

  /** Signature files of a signed jar: {@code META-INF/*.SF}, {@code .RSA}, {@code .DSA}, {@code .EC}, {@code SIG-*}. */
  static boolean isSignature(String name) {
    if (!name.startsWith("META-INF/") || name.indexOf('/', "META-INF/".length()) >= 0) {
      return false;
    }
    String file = name.substring("META-INF/".length()).toUpperCase(java.util.Locale.ROOT);
    return file.endsWith(".SF") || file.endsWith(".RSA") || file.endsWith(".DSA") || file.endsWith(".EC")
        || file.startsWith("SIG-");
  }

  private static long crc(byte[] content) {
    CRC32 crc = new CRC32();
    crc.update(content);
    return crc.getValue();
  }
}
