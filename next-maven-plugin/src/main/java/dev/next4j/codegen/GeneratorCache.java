package dev.next4j.codegen;

import dev.next4j.codegen.JavaSourceText.Constructor;
import dev.next4j.codegen.JavaSourceText.Declaration;
import dev.next4j.codegen.PagesScanner.PageFile;
import dev.next4j.codegen.PagesScanner.PageSource;
import dev.next4j.codegen.PagesScanner.PagesTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link NextGenerator#generate(GeneratorConfig, GeneratorCache)} keeps from one run to the
 * next in the same JVM, for the dev server, which regenerates after every save:
 *
 * <ul>
 *   <li>each page file's reading (its {@code StaticPage} flag, class declaration and constructors), by the
 *       file's content, so an edit reads and parses one file, not every page;
 *   <li>the generated files of the last good run, by everything they are made from (the
 *       configuration, the pages package, and each page's place, kind, declaration and constructors), so an
 *       edit that changes only what a page renders does not write {@code Routes} and {@code
 *       NextServer} again through JavaPoet.
 * </ul>
 *
 * A page's size and time are not part of either key: its content is. Not thread-safe: one
 * generator run at a time, as the dev server runs them.
 */
public final class GeneratorCache {
  /** What reading a page file gave, for a content of {@code length} bytes with {@code hash}. */
  private record Read(
      int length, long hash, boolean staticPage, Optional<Declaration> declaration, List<Constructor> constructors) {}

  /** What the generated files are made from, minus the pages' sizes and times. */
  private record Inputs(GeneratorConfig config, String pagesPackage, String generatedPackage, List<Path> pagesDirs,
      List<PageInput> pages) {}

  private record PageInput(Path path, Path pagesDir, List<String> folders, String name, boolean staticPage,
      Optional<Declaration> declaration, List<Constructor> constructors) {}

  /** The output of the last good run, and its route count. */
  record Output(Map<Path, String> files, int routeCount) {}

  private final Map<Path, Read> reads = new HashMap<>();
  private Inputs lastInputs;
  private Output lastOutput;

  /** The reading of {@code file} when its content is the one read before, else empty. */
  Optional<PageSource> read(PageFile file, byte[] content) {
    Read read = reads.get(file.path());
    if (read == null || read.length() != content.length || read.hash() != hash(content)) {
      return Optional.empty();
    }
    return Optional.of(new PageSource(file, read.staticPage(), read.declaration(), read.constructors()));
  }

  /** Keeps {@code source}, read from {@code content} without a problem. */
  void keep(PageSource source, byte[] content) {
    reads.put(source.file().path(),
        new Read(content.length, hash(content), source.staticPage(), source.declaration(), source.constructors()));
  }

  /** The generated files of the last good run, when it was made from the same inputs. */
  Optional<Output> output(GeneratorConfig config, PagesTree tree, List<PageSource> sources) {
    if (lastInputs == null) {
      return Optional.empty();
    }
    return inputs(config, tree, sources).equals(lastInputs) ? Optional.of(lastOutput) : Optional.empty();
  }

  /** Keeps the generated files of a good run. */
  void keep(GeneratorConfig config, PagesTree tree, List<PageSource> sources, Output output) {
    lastInputs = inputs(config, tree, sources);
    lastOutput = new Output(Collections.unmodifiableMap(new LinkedHashMap<>(output.files())), output.routeCount());
  }

  /** Forgets the last output (a failed run), keeping the page readings. */
  void forgetOutput() {
    lastInputs = null;
    lastOutput = null;
  }

  private static Inputs inputs(GeneratorConfig config, PagesTree tree, List<PageSource> sources) {
    List<PageInput> pages = new ArrayList<>(sources.size());
    for (PageSource source : sources) {
      PageFile file = source.file();
      pages.add(new PageInput(file.path(), file.pagesDir(), file.folders(), file.name(), source.staticPage(),
          source.declaration(), source.constructors()));
    }
    return new Inputs(config, tree.pagesPackage(), tree.generatedPackage(), tree.pagesDirs(), pages);
  }

  /** FNV-1a over the bytes, 64 bits: guards against accidents, as {@link Fingerprint} does. */
  private static long hash(byte[] content) {
    long h = 0xcbf29ce484222325L;
    for (byte b : content) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }
}
