package dev.next4j.jte.compiler;

import dev.next4j.jte.Templates;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles the {@code .jte} templates of a folder to Java sources with jte's own compiler, in
 * HTML mode (so {@code ${...}} is escaped), into the package {@value Templates#PACKAGE}. Build time
 * only: {@code next:generate} calls it before javac, {@code next:run} on every template change.
 *
 * <p>The output folder is the compiler's: a source whose content did not change is not rewritten
 * (so an incremental compile stays incremental), and sources of templates that are gone are
 * deleted. A template jte cannot parse fails the whole run, with the template's file and line.
 *
 * <pre>{@code
 * TemplateCompiler.Result result = TemplateCompiler.generate(Path.of("src/main/jte"), Path.of("target/generated-sources/jte"));
 * if (result instanceof TemplateCompiler.Failed failed) {
 *   System.err.println(failed.template() + ":" + failed.line() + ": " + failed.message());
 * }
 * }</pre>
 */
public final class TemplateCompiler {
  /** jte: {@code Failed to compile blog/post.jte, error at line 4: Missing @endif}. */
  private static final Pattern JTE_ERROR =
      Pattern.compile("Failed to compile (.+?), error at line (\\d+): (.*)", Pattern.DOTALL);
  /** A {@code @param} named {@code params}, which clashes with the map jte's generated {@code renderMap} takes. */
  private static final Pattern PARAM_NAMED_PARAMS = Pattern.compile("^\\s*@param\\s+.*\\bparams\\s*(=.*)?$");
  private static final Pattern JTE_NAME = Pattern.compile("JTE_NAME = \"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern JTE_LINE_INFO = Pattern.compile("JTE_LINE_INFO = \\{([0-9,\\s]*)}");

  private TemplateCompiler() {}

  /** What a run gave. */
  public sealed interface Result {}

  /**
   * Every template compiled.
   *
   * @param templates how many templates there are
   * @param written the Java sources written (new or changed), absolute
   * @param deleted the Java sources deleted because their template is gone, absolute
   */
  public record Generated(int templates, List<Path> written, List<Path> deleted) implements Result {
    public Generated {
      written = List.copyOf(written);
      deleted = List.copyOf(deleted);
    }
  }

  /**
   * A template jte could not compile; nothing in the output folder was changed.
   *
   * @param template the template's path below the templates folder, with {@code /}; empty when jte
   *     did not say which
   * @param line the 1-based line in the template, or 0 when unknown
   * @param message jte's message
   */
  public record Failed(String template, int line, String message) implements Result {
    public Failed {
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Compiles every {@code .jte} file under {@code templatesDir} into Java sources under {@code
   * outputDir}. With no templates folder, the output folder is emptied of generated sources.
   *
   * @throws IOException when a file cannot be read or written
   */
  public static Result generate(Path templatesDir, Path outputDir) throws IOException {
    Path scratch = Files.createTempDirectory("next-jte");
    try {
      int templates = 0;
      if (Files.isDirectory(templatesDir)) {
        Optional<Failed> reserved = paramNamedParams(templatesDir);
        if (reserved.isPresent()) {
          return reserved.get();
        }
        TemplateEngine engine =
            TemplateEngine.create(new DirectoryCodeResolver(templatesDir), scratch, ContentType.Html, null, Templates.PACKAGE);
        try {
          templates = engine.generateAll().size();
        } catch (TemplateException e) {
          return failed(e);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
      return update(templates, scratch, outputDir);
    } finally {
      deleteTree(scratch);
    }
  }

  /**
   * The template and 1-based template line that line {@code javaLine} (1-based) of the generated
   * source {@code generatedSource} was compiled from, read from the {@code JTE_NAME} and {@code
   * JTE_LINE_INFO} constants jte writes into each generated class. Empty when the file is not a
   * generated template or the line is outside the map.
   */
  public static Optional<TemplateLine> templateLineOf(Path generatedSource, int javaLine) {
    String text;
    try {
      text = Files.readString(generatedSource);
    } catch (IOException unreadable) {
      return Optional.empty();
    }
    Matcher name = JTE_NAME.matcher(text);
    Matcher lines = JTE_LINE_INFO.matcher(text);
    if (!name.find() || !lines.find() || javaLine < 1) {
      return Optional.empty();
    }
    int[] info = Arrays.stream(lines.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .mapToInt(Integer::parseInt).toArray();
    if (javaLine > info.length) {
      return Optional.empty();
    }
    int templateLine = info[javaLine - 1] + 1;
    return Optional.of(new TemplateLine(name.group(1).replace("\\\"", "\"").replace("\\\\", "\\"), templateLine));
  }

  /**
   * A place in a template.
   *
   * @param template the template's path below the templates folder, with {@code /}
   * @param line 1-based
   */
  public record TemplateLine(String template, int line) {}

  private static Optional<Failed> paramNamedParams(Path templatesDir) throws IOException {
    List<Path> templates;
    try (Stream<Path> walk = Files.walk(templatesDir)) {
      templates = walk.filter(f -> f.toString().endsWith(".jte") && Files.isRegularFile(f)).sorted().toList();
    }
    for (Path template : templates) {
      List<String> lines = Files.readAllLines(template);
      for (int i = 0; i < lines.size(); i++) {
        if (PARAM_NAMED_PARAMS.matcher(lines.get(i)).matches()) {
          return Optional.of(new Failed(templatesDir.relativize(template).toString().replace('\\', '/'), i + 1,
              "a template parameter cannot be called 'params' (jte's generated renderMap(...) uses that name): "
                  + "rename it, e.g. '@param BlogSlugParams route'"));
        }
      }
    }
    return Optional.empty();
  }

  private static Failed failed(TemplateException e) {
    String text = e.getMessage() == null ? e.toString() : e.getMessage();
    Matcher m = JTE_ERROR.matcher(text);
    if (m.matches()) {
      return new Failed(m.group(1), Integer.parseInt(m.group(2)), m.group(3).strip());
    }
    return new Failed("", 0, text.strip());
  }

  /** Copies what changed from {@code scratch} to {@code outputDir}; deletes what is no longer generated. */
  private static Generated update(int templates, Path scratch, Path outputDir) throws IOException {
    Set<String> fresh = javaFiles(scratch);
    List<Path> written = new ArrayList<>();
    for (String relative : fresh) {
      Path target = outputDir.resolve(relative);
      byte[] content = Files.readAllBytes(scratch.resolve(relative));
      if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
        Files.createDirectories(target.getParent());
        Files.write(target, content);
        written.add(target.toAbsolutePath().normalize());
      }
    }
    List<Path> deleted = new ArrayList<>();
    for (String relative : javaFiles(outputDir)) {
      if (!fresh.contains(relative)) {
        Path gone = outputDir.resolve(relative);
        Files.delete(gone);
        deleted.add(gone.toAbsolutePath().normalize());
      }
    }
    return new Generated(templates, written, deleted);
  }

  private static Set<String> javaFiles(Path root) throws IOException {
    Set<String> files = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
          .forEach(f -> files.add(root.relativize(f).toString().replace('\\', '/')));
    }
    return files;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
