package dev.next4j.codegen;

import dev.next4j.codegen.PagesScanner.PagesTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A user's project in a temporary folder, for tests: pages are written under {@code
 * src/main/java/com/acme/pages} with the package line their folder needs, and the stages run on it
 * exactly as the generator runs them.
 */
final class Site {
  static final String PAGES = "src/main/java/com/acme/pages";

  final Path dir;

  Site(Path dir) {
    this.dir = dir;
  }

  /** Writes page {@code relative} (e.g. {@code blog/$slug.java}) as an empty class in the right package. */
  Site page(String relative) {
    return page(relative, "");
  }

  /** Writes page {@code relative}, its class declaring {@code declaration} (e.g. {@code implements Page<Routes.Index>}). */
  Site page(String relative, String declaration) {
    String name = relative.substring(relative.lastIndexOf('/') + 1, relative.length() - ".java".length());
    String folders = relative.contains("/") ? "." + relative.substring(0, relative.lastIndexOf('/')).replace('/', '.') : "";
    return file(PAGES + "/" + relative, "package com.acme.pages" + folders + ";\n\npublic final class " + name
        + (declaration.isEmpty() ? "" : " " + declaration) + " {}\n");
  }

  /** Writes {@code relative} (to the project) with {@code content}. */
  Site file(String relative, String content) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path path(String relative) {
    return dir.resolve(relative);
  }

  GeneratorConfig config() {
    return GeneratorConfig.defaults(dir);
  }

  GenerationResult generate() throws IOException {
    return NextGenerator.generate(config());
  }

  /** What the scan and model stages make of the site, and what they reported. */
  record Modelled(Optional<RouteModel> model, List<Diagnostic> diagnostics) {
    RouteModel get() {
      return model.orElseThrow(() -> new AssertionError("no model; diagnostics: " + diagnostics));
    }
  }

  Modelled model() throws IOException {
    return model(config());
  }

  static Modelled model(GeneratorConfig config) throws IOException {
    Diagnostics diagnostics = new Diagnostics(config.projectDir());
    PagesScanner scanner = new PagesScanner(config, diagnostics);
    Optional<PagesTree> tree = scanner.list();
    if (tree.isEmpty()) {
      return new Modelled(Optional.empty(), diagnostics.all());
    }
    RouteModel model = RouteModel.of(tree.get(), scanner.read(tree.get()), diagnostics);
    return new Modelled(Optional.of(model), diagnostics.all());
  }

  /** The diagnostics of scanning, modelling and validating the site, formatted. */
  List<String> validate() throws IOException {
    Diagnostics diagnostics = new Diagnostics(dir);
    PagesScanner scanner = new PagesScanner(config(), diagnostics);
    PagesTree tree = scanner.list().orElseThrow();
    RouteModel model = RouteModel.of(tree, scanner.read(tree), diagnostics);
    RouteValidator.validate(model.routes(), config().settings(), dir.resolve("pom.xml"), diagnostics);
    return diagnostics.all().stream().map(Diagnostic::format).toList();
  }
}
