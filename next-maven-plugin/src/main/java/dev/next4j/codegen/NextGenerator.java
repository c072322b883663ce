package dev.next4j.codegen;

import com.palantir.javapoet.JavaFile;
import dev.next4j.codegen.GenerationResult.Failed;
import dev.next4j.codegen.GenerationResult.Generated;
import dev.next4j.codegen.PageConstructors.Services;
import dev.next4j.codegen.PagesScanner.PageSource;
import dev.next4j.codegen.PagesScanner.PagesTree;
import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.runtime.RouteRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generates {@code Routes} and {@code NextServer} from a pages package: scan, model, validate (stop
 * if anything is wrong, reporting everything), order, name, check each page's kind against its
 * route ({@link PageKinds}; it needs the record names, so it runs once the routes are valid), read how
 * each page and the site's {@code _Context} are constructed ({@link PageConstructors}), write the sources, the route manifest
 * and the source map (see docs/architecture.md). When nothing changed since the
 * last run it stops after listing the page files, and a file whose content did not change is not
 * rewritten.
 *
 * <pre>{@code
 * GenerationResult result = NextGenerator.generate(GeneratorConfig.defaults(Path.of("my-site")));
 * if (result instanceof GenerationResult.Failed failed) {
 *   failed.diagnostics().forEach(d -> System.err.println(d.format()));
 * }
 * }</pre>
 */
public final class NextGenerator {
  private NextGenerator() {}

  /**
   * Scans, validates and generates per {@code config}: {@link Generated} when the sources are up
   * to date, {@link Failed} with every problem found in the pages or settings.
   *
   * @throws IOException when a file cannot be read or written
   */
  public static GenerationResult generate(GeneratorConfig config) throws IOException {
    return generate(config, new GeneratorCache());
  }

  /**
   * As {@link #generate(GeneratorConfig)}, reusing what {@code cache} kept from the runs before: a
   * page file whose content did not change is not parsed again, and when no page's place, kind or
   * declaration changed, the sources of the last good run are written (when they differ on disk)
   * without being generated again. The dev server passes one cache to all its runs.
   *
   * @throws IOException when a file cannot be read or written
   */
  public static GenerationResult generate(GeneratorConfig config, GeneratorCache cache) throws IOException {
    Diagnostics diagnostics = new Diagnostics(config.projectDir());
    PagesScanner scanner = new PagesScanner(config, diagnostics);
    Optional<PagesTree> tree = scanner.list();
    if (tree.isEmpty()) {
      return failed(config, diagnostics);
    }
    Fingerprint fingerprint = Fingerprint.of(config, tree.get());
    Optional<Generated> upToDate = fingerprint.upToDate(Fingerprint.file(config));
    if (upToDate.isPresent()) {
      return upToDate.get();
    }
    List<PageSource> sources = scanner.read(tree.get(), cache);
    // Before the cache: _Middleware.java's matcher literals are not part of what the cache compares.
    MiddlewareMatcherCheck.check(sources, diagnostics);
    Optional<GeneratorCache.Output> known = cache.output(config, tree.get(), sources);
    if (known.isPresent() && !diagnostics.hasErrors()) {
      return write(config, fingerprint, tree.get().generatedPackage(), known.get());
    }
    cache.forgetOutput();
    RouteModel model = RouteModel.of(tree.get(), sources, diagnostics);
    RouteValidator.validate(model.routes(), config.settings(), config.projectDir().resolve("pom.xml"), diagnostics);
    List<RouteRule> rules = RuleValidator.validate(config.settings(), config.projectDir().resolve("pom.xml"), diagnostics);
    if (diagnostics.hasErrors()) {
      return failed(config, diagnostics);
    }
    List<PageRoute> routes = RouteOrder.sort(model.routes());
    GeneratedNames names = GeneratedNames.of(model.generatedPackage(), routes, config.settings().i18n() != null);
    PageKinds.check(routes, model.specials(), sources, names, diagnostics);
    Services services = PageConstructors.check(
        model.pagesPackage(), model.pagesDirs(), routes, model.specials(), sources, diagnostics);
    if (diagnostics.hasErrors()) {
      return failed(config, diagnostics);
    }
    Map<Path, String> files = new LinkedHashMap<>();
    put(files, config.outputDir(), RoutesWriter.write(model, routes, names, config.settings(), services));
    put(files, config.outputDir(), ServerWriter.write(model, names, config.settings(), rules, services, config.engine()));
    SourceMap sourceMap = SourceMap.of(config.projectDir(), files, routes, model.specials());
    files.put(config.manifestFile(), RouteManifest.of(routes, model.specials()).text());
    files.put(SourceMap.file(config), sourceMap.text());
    files.put(RuleManifest.file(config), RuleManifest.of(rules).text());
    GeneratorCache.Output output = new GeneratorCache.Output(files, routes.size());
    cache.keep(config, tree.get(), sources, output);
    return write(config, fingerprint, model.generatedPackage(), output);
  }

  private static Generated write(GeneratorConfig config, Fingerprint fingerprint, String generatedPackage,
      GeneratorCache.Output output) throws IOException {
    OutputFiles.Outcome outcome = OutputFiles.update(config.outputDir(), output.files());
    Generated generated = new Generated(generatedPackage, output.routeCount(), outcome.written(), outcome.unchanged());
    fingerprint.save(Fingerprint.file(config), generated);
    return generated;
  }

  private static void put(Map<Path, String> files, Path outputDir, JavaFile source) {
    Path path = outputDir.resolve(source.packageName().replace('.', '/')).resolve(source.typeSpec().name() + ".java");
    files.put(path, source.toString());
  }

  private static Failed failed(GeneratorConfig config, Diagnostics diagnostics) throws IOException {
    Fingerprint.forget(Fingerprint.file(config));
    return new Failed(diagnostics.all());
  }
}
