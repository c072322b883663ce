package dev.next4j.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.lang.model.SourceVersion;

/**
 * Finds the pages package under the source roots, lists its {@code .java} files, and reads what the
 * generator needs from each: the {@code package} line (checked against the folder), whether the
 * class implements {@code StaticPage}, its declaration and its constructors. Nothing is compiled
 * yet, so all come from the source text.
 *
 * <p>Listing only stats files; reading opens them. The generator lists first so that a run with
 * nothing changed can stop before reading anything.
 */
final class PagesScanner {
  private static final String PAGES = "pages";

  private final GeneratorConfig config;
  private final Diagnostics diagnostics;

  PagesScanner(GeneratorConfig config, Diagnostics diagnostics) {
    this.config = config;
    this.diagnostics = diagnostics;
  }

  /** The pages package with its files, listed (in the file system's order) but not yet read. */
  record PagesTree(String pagesPackage, String generatedPackage, List<Path> pagesDirs, List<PageFile> files) {
    PagesTree {
      pagesDirs = List.copyOf(pagesDirs);
      files = List.copyOf(files);
    }
  }

  /**
   * A {@code .java} file in the pages package.
   *
   * @param path the file
   * @param pagesDir the pages folder it is in
   * @param folders the folders between the pages folder and the file, e.g. {@code [blog]}
   * @param name the file name without {@code .java}, e.g. {@code $slug}
   */
  record PageFile(Path path, Path pagesDir, List<String> folders, String name, long size, long modified) {
    PageFile {
      folders = List.copyOf(folders);
    }

    /** The path relative to the pages folder, e.g. {@code blog/$slug.java}. */
    String relative() {
      return folders.isEmpty() ? name + ".java" : String.join("/", folders) + "/" + name + ".java";
    }
  }

  /**
   * A page file that was read. {@code staticPage}: its class declares {@code implements
   * StaticPage<}; {@code declaration}: its class's declaration, empty when the file declares no
   * type of its name (or was not read, being in a folder that cannot be a package);
   * {@code constructors}: the constructors its class declares (see {@link PageConstructors}).
   */
  record PageSource(
      PageFile file, boolean staticPage, Optional<JavaSourceText.Declaration> declaration,
      List<JavaSourceText.Constructor> constructors) {
    PageSource {
      constructors = List.copyOf(constructors);
    }
  }

  /** Finds the pages package and lists its files; empty (with diagnostics) when it cannot. */
  Optional<PagesTree> list() throws IOException {
    List<Path> roots = new ArrayList<>();
    for (Path root : config.sourceRoots()) {
      if (Files.isDirectory(root) && !root.startsWith(config.outputDir()) && !roots.contains(root)) {
        roots.add(root);
      }
    }
    Optional<String> pagesPackage = config.pagesPackage().isPresent() ? checkedPackage(roots) : detectedPackage(roots);
    if (pagesPackage.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> generatedPackage = generatedPackage(pagesPackage.get());
    if (generatedPackage.isEmpty()) {
      return Optional.empty();
    }
    List<Path> pagesDirs = new ArrayList<>();
    List<PageFile> files = new ArrayList<>();
    for (Path root : roots) {
      Path pagesDir = root.resolve(pagesPackage.get().replace('.', '/'));
      if (Files.isDirectory(pagesDir)) {
        pagesDirs.add(pagesDir);
        listJavaFiles(pagesDir, files);
      }
    }
    return Optional.of(new PagesTree(pagesPackage.get(), generatedPackage.get(), pagesDirs, files));
  }

  /**
   * Reads every listed file, in path order; a file whose package line does not match its folder is
   * reported.
   */
  List<PageSource> read(PagesTree tree) throws IOException {
    return read(tree, new GeneratorCache());
  }

  /**
   * As {@link #read(PagesTree)}, taking a file's reading from {@code cache} when its content is
   * unchanged. Reading and parsing the files is spread over the machine's cores (each file on its
   * own); checking them and keeping them in the cache is done after, in path order.
   */
  List<PageSource> read(PagesTree tree, GeneratorCache cache) throws IOException {
    record Keyed(String relative, String path, PageFile file) {}
    List<Keyed> keyed = new ArrayList<>(tree.files().size());
    for (PageFile file : tree.files()) {
      keyed.add(new Keyed(file.relative(), file.path().toString(), file));
    }
    keyed.sort(Comparator.comparing(Keyed::relative).thenComparing(Keyed::path));
    Parsed[] parsed = new Parsed[keyed.size()];
    try {
      IntStream.range(0, parsed.length).parallel().forEach(i -> parsed[i] = parse(keyed.get(i).file(), cache));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    // The package each folder's files must declare, worked out once per folder.
    Map<List<String>, String> packages = new HashMap<>();
    List<PageSource> sources = new ArrayList<>(parsed.length);
    for (Parsed file : parsed) {
      if (file.known() != null) {
        sources.add(file.known());
        continue;
      }
      PageFile page = file.file();
      String expected = packages.computeIfAbsent(page.folders(), folders -> packageOf(tree.pagesPackage(), folders));
      if (!SourceVersion.isName(expected)) {
        // A folder that cannot be a package is reported by RouteModel, once for the folder.
        sources.add(new PageSource(page, false, Optional.empty(), List.of()));
        continue;
      }
      int problemsBefore = diagnostics.count();
      Optional<JavaSourceText.PackageLine> declared = file.source().packageLine();
      if (declared.isEmpty()) {
        diagnostics.report(page.path(), Messages.missingPackage(expected));
      } else if (!declared.get().name().equals(expected)) {
        diagnostics.report(page.path(), declared.get().line(), Messages.packageMismatch(declared.get().name(), expected));
      }
      PageSource read = new PageSource(page, file.source().implementsInterface("StaticPage"), file.source().declaration(),
          file.constructors());
      if (diagnostics.count() == problemsBefore) {
        cache.keep(read, file.content());
      }
      sources.add(read);
    }
    return sources;
  }

  /** A file read: what the cache knew of it, or its content and parsed text (with its constructors). */
  private record Parsed(
      PageFile file, PageSource known, byte[] content, JavaSourceText source, List<JavaSourceText.Constructor> constructors) {}

  /** Reads and parses one file; safe to run for several files at once (the cache is only read). */
  private static Parsed parse(PageFile file, GeneratorCache cache) {
    byte[] content;
    try {
      content = Files.readAllBytes(file.path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<PageSource> known = cache.read(file, content);
    if (known.isPresent()) {
      return new Parsed(file, known.get(), content, null, List.of());
    }
    // Malformed bytes become U+FFFD: only ASCII tokens matter here, and javac reports the encoding.
    JavaSourceText source = JavaSourceText.of(new String(content, StandardCharsets.UTF_8), file.name());
    return new Parsed(file, null, content, source, source.constructors());
  }

  /** {@code com.acme.pages.blog} for the folders {@code [blog]}. */
  private static String packageOf(String pagesPackage, List<String> folders) {
    StringBuilder name = new StringBuilder(pagesPackage);
    for (String folder : folders) {
      name.append('.').append(folder);
    }
    return name.toString();
  }

  private Optional<String> checkedPackage(List<Path> roots) {
    String pagesPackage = config.pagesPackage().get();
    if (!SourceVersion.isName(pagesPackage)) {
      diagnostics.report(pom(), Messages.invalidPackageName("pagesPackage", pagesPackage));
      return Optional.empty();
    }
    boolean found = roots.stream().anyMatch(root -> Files.isDirectory(root.resolve(pagesPackage.replace('.', '/'))));
    if (!found) {
      diagnostics.report(pom(), Messages.pagesPackageNotFound(pagesPackage, describe(roots)));
      return Optional.empty();
    }
    return Optional.of(pagesPackage);
  }

  private Optional<String> detectedPackage(List<Path> roots) throws IOException {
    TreeSet<String> found = new TreeSet<>();
    for (Path root : roots) {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          if (dir.equals(root)) {
            return FileVisitResult.CONTINUE;
          }
          String name = dir.getFileName().toString();
          if (name.startsWith(".")) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (name.equals(PAGES)) {
            // A folder named pages inside the pages package is a route (/docs/pages), not a second package.
            found.add(root.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), "."));
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }
      });
    }
    if (found.isEmpty()) {
      diagnostics.report(pom(), Messages.noPagesPackage(describe(roots)));
      return Optional.empty();
    }
    if (found.size() > 1) {
      diagnostics.report(pom(), Messages.severalPagesPackages(List.copyOf(found)));
      return Optional.empty();
    }
    return Optional.of(found.first());
  }

  private Optional<String> generatedPackage(String pagesPackage) {
    if (config.generatedPackage().isPresent()) {
      String generated = config.generatedPackage().get();
      if (!SourceVersion.isName(generated)) {
        diagnostics.report(pom(), Messages.invalidPackageName("generatedPackage", generated));
        return Optional.empty();
      }
      return Optional.of(generated);
    }
    int dot = pagesPackage.lastIndexOf('.');
    if (dot < 0) {
      diagnostics.report(pom(), Messages.noParentPackage(pagesPackage));
      return Optional.empty();
    }
    return Optional.of(pagesPackage.substring(0, dot));
  }

  private static void listJavaFiles(Path pagesDir, List<PageFile> files) throws IOException {
    // The folders of the directory being visited, kept as the walk goes: one list per directory,
    // not one relativize per file.
    Deque<List<String>> folders = new ArrayDeque<>();
    Files.walkFileTree(pagesDir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        if (dir.equals(pagesDir)) {
          folders.push(List.of());
          return FileVisitResult.CONTINUE;
        }
        String name = dir.getFileName().toString();
        if (name.startsWith(".")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        List<String> path = new ArrayList<>(folders.peek());
        path.add(name);
        folders.push(List.copyOf(path));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        folders.pop();
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        String fileName = file.getFileName().toString();
        if (attributes.isRegularFile() && fileName.endsWith(".java") && !fileName.startsWith(".")
            && !fileName.equals("package-info.java") && !fileName.equals("module-info.java")) {
          String name = fileName.substring(0, fileName.length() - ".java".length());
          files.add(new PageFile(file, pagesDir, folders.peek(), name, attributes.size(),
              attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private Path pom() {
    return config.projectDir().resolve("pom.xml");
  }

  private String describe(List<Path> roots) {
    if (roots.isEmpty()) {
      return "the source roots (none of them exists)";
    }
    return roots.stream().map(diagnostics::relative).collect(Collectors.joining(", "));
  }
}
