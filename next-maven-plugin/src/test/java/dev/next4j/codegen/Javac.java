package dev.next4j.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** The JDK's compiler, in process, with next-runtime (from the test class path) to compile against. */
final class Javac {
  private Javac() {}

  /** What javac said about one file: kind, file name, line, message. */
  record Report(Diagnostic.Kind kind, String file, long line, String message) {
    @Override
    public String toString() {
      return kind + " " + file + ":" + line + ": " + message;
    }
  }

  /** Compiles every {@code .java} file under {@code sourceDirs} into {@code out}, with all lint warnings on. */
  static List<Report> compile(Path out, Path... sourceDirs) throws IOException {
    List<Path> sources;
    try (Stream<Path> walk = Stream.of(sourceDirs).flatMap(Javac::walk)) {
      sources = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Files.createDirectories(out);
      List<String> options = List.of("--release", "17", "-Xlint:all", "-proc:none", "-d", out.toString(),
          "-classpath", System.getProperty("java.class.path"));
      javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
    }
    return diagnostics.getDiagnostics().stream()
        .map(d -> new Report(d.getKind(), d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName().toString(),
            d.getLineNumber(), d.getMessage(Locale.ROOT)))
        .toList();
  }

  private static Stream<Path> walk(Path dir) {
    try {
      return Files.walk(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
