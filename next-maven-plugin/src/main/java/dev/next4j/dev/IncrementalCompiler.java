package dev.next4j.dev;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles what changed, in process, into the project's classes folder, and then whatever depends
 * on it and needs it: classes that use a class whose ABI changed (see {@link ClassSummary}), every
 * class when a compile-time constant changed, and sources that failed to compile last time.
 *
 * <p>javac writes no class at all when a source has errors, so a failed compile leaves the classes
 * folder as it was, and the failed sources are tried again with the next change.
 *
 * <p>Not thread-safe: the dev server calls it from its one reload thread.
 */
final class IncrementalCompiler implements Closeable {
  private final JavaCompiler javac;
  private final StandardJavaFileManager files;
  private final List<Path> sourceRoots;
  private final Path classesDir;
  private final List<String> options;
  private final Set<Path> pending = new LinkedHashSet<>();
  private ClassIndex index;

  /**
   * @param sourceRoots every compile source root, generated ones included
   * @param classesDir the output folder, also first on the class path
   * @param classpath the compile class path after {@code classesDir}: dependencies, runtime
   * @param userOptions javac options from the project ({@code --release 17}, {@code -parameters})
   */
  IncrementalCompiler(List<Path> sourceRoots, Path classesDir, List<Path> classpath, List<String> userOptions)
      throws IOException {
    this.javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IOException("no Java compiler in this Java runtime (" + System.getProperty("java.home")
          + "): run Maven on a JDK, not a JRE");
    }
    this.sourceRoots = List.copyOf(sourceRoots);
    this.classesDir = classesDir;
    Files.createDirectories(classesDir);
    this.files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    List<Path> fullClasspath = new ArrayList<>();
    fullClasspath.add(classesDir);
    fullClasspath.addAll(classpath);
    files.setLocationFromPaths(StandardLocation.CLASS_PATH, fullClasspath);
    files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classesDir));
    // No source path: classes that did not change are read from their class files, never recompiled.
    files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
    List<String> all = withoutCurrentRelease(userOptions);
    all.add("-implicit:none");
    if (!userOptions.contains("-g") && userOptions.stream().noneMatch(o -> o.startsWith("-g:"))) {
      all.add("-g"); // line numbers, so an exception's stack points at the page's line
    }
    boolean processorPath = userOptions.contains("-processorpath") || userOptions.contains("--processor-path");
    if (userOptions.stream().noneMatch(o -> o.startsWith("-proc:")) && !processorPath && !hasAnnotationProcessor(classpath)) {
      all.add("-proc:none"); // saves a scan of every jar on each compile
    }
    int generated = userOptions.indexOf("-s");
    if (generated >= 0 && generated + 1 < userOptions.size()) {
      Files.createDirectories(Path.of(userOptions.get(generated + 1))); // javac wants it to exist
    }
    this.options = List.copyOf(all);
  }

  /** The outcome of a compile. Never null. */
  sealed interface Outcome {
    /** Everything compiled; {@code sources} lists what was (possibly nothing). */
    record Compiled(Set<Path> sources) implements Outcome {
      public Compiled {
        sources = Set.copyOf(sources);
      }
    }

    /** javac reported errors; the classes folder is as it was before the failed round. */
    record Failed(List<CompileError> errors) implements Outcome {
      public Failed {
        errors = List.copyOf(errors);
      }
    }
  }

  /**
   * One error from javac.
   *
   * @param file the source file, when the error has one
   * @param line 1-based, or 0 when unknown
   * @param column 1-based, or 0 when unknown
   * @param sourceLine the text of that line, or an empty string
   */
  record CompileError(Optional<Path> file, long line, long column, String message, String sourceLine) {}

  /**
   * Brings the classes folder up to date at startup: compiles every source that has no class yet
   * or is newer than its classes.
   */
  Outcome compileStale() throws IOException {
    List<SourceFile> sources = SourceFile.under(sourceRoots);
    index = ClassIndex.scan(classesDir, sources);
    Set<Path> stale = new LinkedHashSet<>();
    for (SourceFile source : sources) {
      if (isStale(source.path())) {
        stale.add(source.path());
      }
    }
    return compile(stale, Set.of());
  }

  /**
   * Compiles {@code changed} sources (created or modified), removes the classes of {@code deleted}
   * ones, and recompiles what depends on them where needed.
   */
  Outcome compile(Set<Path> changed, Set<Path> deleted) throws IOException {
    if (index == null) {
      index = ClassIndex.scan(classesDir, SourceFile.under(sourceRoots));
    }
    Set<String> changedClasses = new HashSet<>();
    for (Path source : deleted) {
      pending.remove(source);
      for (String name : index.forget(source)) {
        Files.deleteIfExists(index.classFile(name));
        changedClasses.add(name);
      }
    }
    Set<Path> round = new LinkedHashSet<>(pending);
    round.addAll(changed);
    round.addAll(index.sourcesReferencing(changedClasses));
    changedClasses.clear();
    Set<Path> compiled = new LinkedHashSet<>();
    boolean constantChanged = false;
    while (true) {
      round.removeAll(compiled);
      round.removeIf(source -> !Files.isRegularFile(source));
      if (round.isEmpty()) {
        return new Outcome.Compiled(compiled);
      }
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      Map<Path, Set<String>> written = new HashMap<>();
      boolean ok;
      try {
        ok = javac(round, diagnostics, written);
      } catch (IllegalArgumentException badOption) {
        pending.addAll(round);
        String message = "javac rejected the options " + options + ": " + badOption.getMessage();
        return new Outcome.Failed(List.of(new CompileError(Optional.empty(), 0, 0, message, "")));
      }
      if (!ok) {
        pending.addAll(round);
        return new Outcome.Failed(errors(diagnostics));
      }
      pending.removeAll(round);
      compiled.addAll(round);
      for (Path source : round) {
        constantChanged |= record(source, written.getOrDefault(source, Set.of()), changedClasses);
      }
      // javac copies constants into their readers and leaves no trace of where: recompile all.
      round = constantChanged ? allSources() : index.sourcesReferencing(changedClasses);
      constantChanged = false;
      changedClasses.clear();
    }
  }

  /**
   * Compiles a few of the project's sources {@code rounds} times and throws the classes away, so
   * that javac's code is loaded and compiled to machine code before the first edit: a cold javac
   * takes seconds for what a warm one does in tens of milliseconds.
   */
  void warmUp(int rounds) throws IOException {
    List<Path> sample = SourceFile.under(sourceRoots).stream().map(SourceFile::path).limit(5).toList();
    if (sample.isEmpty()) {
      return;
    }
    JavaFileManager discarding = new ForwardingJavaFileManager<>(files) {
      @Override
      public JavaFileObject getJavaFileForOutput(
          Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("discard:///" + className.replace('.', '/') + kind.extension), kind) {
          @Override
          public OutputStream openOutputStream() {
            return OutputStream.nullOutputStream();
          }
        };
      }
    };
    for (int i = 0; i < rounds && !Thread.currentThread().isInterrupted(); i++) {
      javac.getTask(null, discarding, new DiagnosticCollector<>(), options, null,
          files.getJavaFileObjectsFromPaths(sample)).call();
    }
  }

  /** Runs javac on {@code sources}, noting in {@code written} the classes each source produced. */
  private boolean javac(
      Set<Path> sources, DiagnosticCollector<JavaFileObject> diagnostics, Map<Path, Set<String>> written) {
    JavaFileManager recording = new ForwardingJavaFileManager<>(files) {
      @Override
      public JavaFileObject getJavaFileForOutput(
          Location location, String className, JavaFileObject.Kind kind, FileObject sibling) throws IOException {
        if (kind == JavaFileObject.Kind.CLASS && sibling != null) {
          written.computeIfAbsent(Path.of(sibling.toUri()), s -> new TreeSet<>()).add(className);
        }
        return super.getJavaFileForOutput(location, className, kind, sibling);
      }
    };
    Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
    return javac.getTask(null, recording, diagnostics, options, null, units).call();
  }

  /**
   * Indexes the classes {@code source} now compiles to, deletes the class files it no longer
   * produces, and adds to {@code changedClasses} every class whose ABI changed, appeared or went.
   * Returns whether a compile-time constant changed.
   */
  private boolean record(Path source, Set<String> written, Set<String> changedClasses) throws IOException {
    Map<String, ClassSummary> before = new HashMap<>();
    for (String name : index.classesOf(source)) {
      before.put(name, index.get(name));
    }
    index.forget(source);
    boolean constantChanged = false;
    for (String name : written) {
      ClassSummary after = ClassSummary.read(Files.readAllBytes(index.classFile(name)));
      index.put(source, after);
      ClassSummary old = before.remove(name);
      if (old == null || !old.abi().equals(after.abi())) {
        changedClasses.add(name);
      }
      constantChanged |= old != null && !old.constants().equals(after.constants());
    }
    for (String gone : before.keySet()) {
      Files.deleteIfExists(index.classFile(gone));
      changedClasses.add(gone);
    }
    return constantChanged;
  }

  private boolean isStale(Path source) throws IOException {
    if (!index.knows(source)) {
      return true;
    }
    long sourceTime = Files.getLastModifiedTime(source).toMillis();
    for (String name : index.classesOf(source)) {
      Path classFile = index.classFile(name);
      if (!Files.exists(classFile) || Files.getLastModifiedTime(classFile).toMillis() < sourceTime) {
        return true;
      }
    }
    return false;
  }

  private Set<Path> allSources() throws IOException {
    Set<Path> all = new LinkedHashSet<>();
    for (SourceFile source : SourceFile.under(sourceRoots)) {
      all.add(source.path());
    }
    return all;
  }

  private static List<CompileError> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
    List<CompileError> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(error(d));
      }
    }
    if (errors.isEmpty()) {
      errors.add(new CompileError(Optional.empty(), 0, 0, "javac failed without saying why", ""));
    }
    return errors;
  }

  private static CompileError error(Diagnostic<? extends JavaFileObject> d) {
    Optional<Path> file = Optional.empty();
    String sourceLine = "";
    long line = Math.max(0, d.getLineNumber());
    if (d.getSource() != null) {
      file = Optional.of(Path.of(d.getSource().toUri()));
      if (line > 0) {
        try {
          sourceLine = d.getSource().getCharContent(true).toString().lines()
              .skip(line - 1).findFirst().orElse("");
        } catch (IOException | UncheckedIOException unreadable) {
          sourceLine = "";
        }
      }
    }
    return new CompileError(file, line, Math.max(0, d.getColumnNumber()), d.getMessage(Locale.ROOT), sourceLine);
  }

  /**
   * {@code options} without {@code --release N} when N is the running JDK's own version: javac then
   * compiles against the JDK it runs on, which is the same platform, instead of reading the
   * platform's description from {@code ct.sym}, which costs 10 to 20 ms on every compile.
   */
  static List<String> withoutCurrentRelease(List<String> options) {
    List<String> kept = new ArrayList<>();
    String current = Integer.toString(Runtime.version().feature());
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      if (option.equals("--release") && i + 1 < options.size() && options.get(i + 1).equals(current)) {
        i++;
      } else if (!option.equals("--release=" + current)) {
        kept.add(option);
      }
    }
    return kept;
  }

  private static boolean hasAnnotationProcessor(List<Path> classpath) {
    String service = "META-INF/services/javax.annotation.processing.Processor";
    for (Path entry : classpath) {
      if (Files.isDirectory(entry)) {
        if (Files.exists(entry.resolve(service))) {
          return true;
        }
      } else if (Files.isRegularFile(entry)) {
        try (JarFile jar = new JarFile(entry.toFile())) {
          if (jar.getEntry(service) != null) {
            return true;
          }
        } catch (IOException notAJar) {
          // javac will say so if it matters
        }
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    files.close();
  }
}
