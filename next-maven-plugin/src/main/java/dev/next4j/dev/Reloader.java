package dev.next4j.dev;

import dev.next4j.codegen.GeneratedNames;
import dev.next4j.codegen.GenerationResult;
import dev.next4j.codegen.GeneratorCache;
import dev.next4j.codegen.NextGenerator;
import dev.next4j.codegen.TemplateSources;
import dev.next4j.dev.IncrementalCompiler.Outcome;
import dev.next4j.jte.compiler.TemplateCompiler;
import dev.next4j.runtime.RouteTable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One build of the app, in the order {@code next:generate} and {@code mvn compile} would do it:
 * generate the route table's sources, compile what changed, then load the route table from a
 * fresh class loader. Each step that fails ends the build in a {@link DevState.Broken} that
 * says where to look; changes it could not compile are kept for the next build.
 */
final class Reloader {
  private final DevSettings settings;
  private final IncrementalCompiler compiler;
  private final AppLoaders loaders;
  private final Problems problems;
  private final DevContext context;
  private final List<Path> allSourceRoots;
  private final Set<Path> changedSources = new LinkedHashSet<>();
  private final Set<Path> deletedSources = new LinkedHashSet<>();
  private final ExecutorService generatorThread = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "next-dev-generate");
    thread.setDaemon(true);
    return thread;
  });

  /** The generator's memory across reloads: unchanged pages are not parsed, unchanged routes not written. */
  private final GeneratorCache generatorCache = new GeneratorCache();

  Reloader(DevSettings settings, IncrementalCompiler compiler, AppLoaders loaders, Problems problems) {
    this.settings = settings;
    this.compiler = compiler;
    this.loaders = loaders;
    this.problems = problems;
    this.context = new DevContext(loaders, settings.classesDir(), settings.projectDir(), settings.log()::info);
    List<Path> roots = new ArrayList<>(settings.sourceRoots());
    roots.add(settings.generatedSourcesDir());
    this.allSourceRoots = List.copyOf(roots);
  }

  /**
   * What a build gave: the state to serve and, when it is ready, the loader its classes came
   * from and the generated package.
   *
   * @param compiled how many sources were compiled
   * @param routesChanged whether the generator rewrote or deleted any source
   */
  record Build(DevState state, Optional<ClassLoader> loader, String generatedPackage, int compiled, boolean routesChanged) {}

  /** The first build of a session: compiles every source that is newer than its classes. */
  Build initial() {
    return build(true, false);
  }

  /** A build after files (of any kind) changed. */
  Build after(Snapshot.Changes changes) {
    changes.created().stream().filter(this::isSource).forEach(changedSources::add);
    changes.modified().stream().filter(this::isSource).forEach(changedSources::add);
    changes.deleted().stream().filter(this::isSource).forEach(path -> {
      changedSources.remove(path);
      deletedSources.add(path);
    });
    boolean onlyEdits = changes.created().stream().noneMatch(this::isSource)
        && changes.deleted().stream().noneMatch(this::isSource);
    return build(false, onlyEdits);
  }

  /**
   * Generates, compiles and loads. When sources were only edited, none added or removed, the
   * generated sources rarely change, so the edits are compiled while the generator runs, and
   * whatever it rewrites is compiled after.
   */
  private Build build(boolean initial, boolean onlyEdits) {
    Optional<DevProblem> templateProblem = generateTemplates();
    if (templateProblem.isPresent()) {
      return broken(templateProblem.get());
    }
    Set<Path> before;
    Future<GenerationResult> generating;
    try {
      before = generatedSources();
      generating = generatorThread.submit(() -> NextGenerator.generate(settings.routes(), generatorCache));
    } catch (IOException | RuntimeException e) {
      return broken(problems.exception(Problems.ROUTE_ERROR, e, allSourceRoots));
    }
    int compiled = 0;
    Optional<Outcome.Failed> early = Optional.empty();
    if (onlyEdits && !changedSources.isEmpty()) {
      Outcome outcome;
      try {
        outcome = compiler.compile(Set.copyOf(changedSources), Set.of());
      } catch (IOException | RuntimeException e) {
        awaitQuietly(generating);
        return broken(problems.exception(Problems.COMPILE_ERROR, e, allSourceRoots));
      }
      changedSources.clear(); // what failed, the compiler compiles again with the next call
      if (outcome instanceof Outcome.Compiled done) {
        compiled += done.sources().size();
      } else {
        early = Optional.of((Outcome.Failed) outcome);
      }
    }
    GenerationResult generation;
    try {
      generation = generating.get();
    } catch (ExecutionException e) {
      return broken(problems.exception(Problems.ROUTE_ERROR, e.getCause(), allSourceRoots));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return broken(problems.exception(Problems.ROUTE_ERROR, e, allSourceRoots));
    }
    if (generation instanceof GenerationResult.Failed failed) {
      return broken(problems.routes(failed.diagnostics()));
    }
    GenerationResult.Generated generated = (GenerationResult.Generated) generation;
    Set<Path> after;
    try {
      after = generatedSources();
    } catch (IOException e) {
      return broken(problems.exception(Problems.ROUTE_ERROR, e, allSourceRoots));
    }
    before.removeAll(after);
    List<Path> written = generated.written().stream().filter(after::contains).toList();
    changedSources.addAll(written);
    deletedSources.addAll(before);
    boolean routesChanged = !written.isEmpty() || !before.isEmpty();
    if (early.isPresent() && !routesChanged) {
      return broken(problems.compile(early.get().errors()));
    }

    Outcome outcome;
    try {
      outcome = initial
          ? compiler.compileStale()
          : compiler.compile(Set.copyOf(changedSources), Set.copyOf(deletedSources));
    } catch (IOException | RuntimeException e) {
      return broken(problems.exception(Problems.COMPILE_ERROR, e, allSourceRoots));
    }
    changedSources.clear(); // the compiler keeps what failed and compiles it again next time
    deletedSources.clear();
    if (outcome instanceof Outcome.Failed failed) {
      return broken(problems.compile(failed.errors()));
    }
    compiled += ((Outcome.Compiled) outcome).sources().size();
    ClassLoader parent;
    try {
      parent = context.update(generated.generatedPackage());
    } catch (InvocationTargetException e) {
      return broken(problems.exception(Problems.LOAD_ERROR, unwrap(e.getCause()), allSourceRoots));
    } catch (IOException | ReflectiveOperationException | LinkageError | RuntimeException e) {
      return broken(problems.exception(Problems.LOAD_ERROR, unwrap(e), allSourceRoots));
    }
    ClassLoader loader = loaders.next(parent);
    DevState state = load(generated.generatedPackage(), loader);
    return new Build(state, state instanceof DevState.Ready ? Optional.of(loader) : Optional.empty(),
        generated.generatedPackage(), compiled, routesChanged);
  }

  /**
   * Compiles the jte templates to Java (only changed sources are rewritten) and queues what was
   * written or deleted for javac; a template jte cannot parse is the build's problem.
   */
  private Optional<DevProblem> generateTemplates() {
    TemplateSources templates = settings.templates();
    TemplateCompiler.Result result;
    try {
      result = templates.generate();
    } catch (IOException | RuntimeException e) {
      return Optional.of(problems.exception(Problems.TEMPLATE_ERROR, e, allSourceRoots));
    }
    if (result instanceof TemplateCompiler.Failed failed) {
      return Optional.of(problems.template(templates.diagnostic(failed)));
    }
    TemplateCompiler.Generated generated = (TemplateCompiler.Generated) result;
    changedSources.addAll(generated.written());
    generated.deleted().forEach(path -> {
      changedSources.remove(path);
      deletedSources.add(path);
    });
    return Optional.empty();
  }

  /**
   * Runs {@code Routes.table()} from {@code loader}, or {@code Routes.table(context)} with the
   * session's {@link DevContext}: the pages' constructors run here.
   */
  private DevState load(String generatedPackage, ClassLoader loader) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Class<?> routes = Class.forName(GeneratedNames.routesClass(generatedPackage), true, loader);
      Optional<Class<?>> contextType = context.type();
      Object table = contextType.isPresent()
          ? routes.getMethod("table", contextType.get()).invoke(null, context.instance().orElseThrow())
          : routes.getMethod("table").invoke(null);
      return new DevState.Ready((RouteTable) table, loader);
    } catch (InvocationTargetException e) {
      return new DevState.Broken(problems.exception(Problems.LOAD_ERROR, unwrap(e.getCause()), allSourceRoots));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return new DevState.Broken(problems.exception(Problems.LOAD_ERROR, unwrap(e), allSourceRoots));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static void awaitQuietly(Future<?> task) {
    try {
      task.get();
    } catch (ExecutionException | InterruptedException | RuntimeException e) {
      // the build failed already; this is only so two builds never overlap
    }
  }

  /** The site's services the current tables were built with, and their class; empty without a {@code _Context}. */
  Optional<Object> context() {
    return context.instance();
  }

  /** The class of {@link #context()}. */
  Optional<Class<?>> contextType() {
    return context.type();
  }

  /** Stops the generator's thread and closes the site's services. */
  void close() {
    generatorThread.shutdownNow();
    context.close();
  }

  static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof ExceptionInInitializerError || t instanceof InvocationTargetException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private Build broken(DevProblem problem) {
    return new Build(new DevState.Broken(problem), Optional.empty(), "", 0, false);
  }

  private boolean isSource(Path path) {
    return path.toString().endsWith(".java") && settings.sourceRoots().stream().anyMatch(path::startsWith);
  }

  private Set<Path> generatedSources() throws IOException {
    Set<Path> sources = new HashSet<>();
    for (SourceFile source : SourceFile.under(List.of(settings.generatedSourcesDir()))) {
      sources.add(source.path());
    }
    return sources;
  }
}
