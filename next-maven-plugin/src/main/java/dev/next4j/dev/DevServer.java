package dev.next4j.dev;

import dev.next4j.codegen.GeneratedNames;
import dev.next4j.codegen.SourceMap;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.host.HostSlot;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The development server behind {@code mvn next:run}: builds the app, serves it in dev mode, and
 * on every change of the sources, resources or pages rebuilds and swaps it in place.
 *
 * <p>It runs in the JVM that starts it (Maven's, for {@code next:run}): the project's
 * dependencies are loaded once, its own classes anew from a fresh class loader on each reload
 * (see {@link AppLoaders}). The listening socket stays open across reloads, and a request that
 * arrives during one waits for it, then gets the new app.
 *
 * <pre>{@code
 * try (DevServer server = DevServer.start(settings)) {   // prints "next4j dev server ready on ..."
 *   server.awaitClose();                               // until close(), e.g. from a shutdown hook
 * }
 * }</pre>
 */
public final class DevServer implements AutoCloseable {
  private static final int WARM_UP_ROUNDS = 6;
  private static final Duration CUSTOM_SERVER_PATIENCE = Duration.ofSeconds(30);

  private final DevSettings settings;
  private final Session session;
  private final IncrementalCompiler compiler;
  private final Reloader reloader;
  private final FileWatcher watcher;
  private final Path copiedResources;
  private final List<ResourceSet> processedResources;
  private final List<Path> watchedTrees;
  private final List<Path> watchedFiles;
  private final AppLoaders loaders;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread reloadThread;
  private final Problems problems;
  private Snapshot snapshot;
  private volatile NextApp app;
  private volatile int port;
  private boolean customServerStarted;
  private String nextDevBefore;
  private Runnable pomChanged;

  private DevServer(DevSettings settings, long epoch) throws IOException {
    this.settings = settings;
    this.session = new Session(epoch);
    this.port = settings.port();
    this.problems = new Problems(settings.projectDir(), SourceMap.file(settings.routes()), settings.templates());
    List<Path> allRoots = new ArrayList<>(settings.sourceRoots());
    allRoots.add(settings.generatedSourcesDir());
    allRoots.add(settings.templates().outputDir());
    this.compiler = new IncrementalCompiler(
        allRoots, settings.classesDir(), settings.compileClasspath(), settings.compilerOptions());
    // Plain resource folders are served in place; the others are copied, as Maven would, into
    // copiedResources, which comes after them and before the classes.
    this.copiedResources = settings.classesDir().resolveSibling("next").resolve("dev-resources");
    this.processedResources = settings.resources().stream().filter(resource -> !resource.isPlain()).toList();
    List<Path> projectFolders = new ArrayList<>();
    settings.resources().stream().filter(ResourceSet::isPlain).map(ResourceSet::directory).distinct()
        .forEach(projectFolders::add);
    if (!processedResources.isEmpty()) {
      projectFolders.add(copiedResources);
    }
    projectFolders.add(settings.classesDir());
    this.loaders = new AppLoaders(DevServer.class.getClassLoader(), settings.runtimeClasspath(), projectFolders);
    this.reloader = new Reloader(settings, compiler, loaders, problems);
    List<Path> trees = new ArrayList<>(settings.sourceRoots());
    trees.addAll(settings.resourceDirs());
    trees.add(settings.templates().templatesDir());
    this.watchedTrees = List.copyOf(trees);
    // The pom, then the .env files a dev-mode app reads (see the runtime's Env).
    this.watchedFiles = List.of(settings.projectDir().resolve("pom.xml"), settings.projectDir().resolve(".env"),
        settings.projectDir().resolve(".env.local"), settings.projectDir().resolve(".env.development"),
        settings.projectDir().resolve(".env.development.local"));
    this.watcher = new FileWatcher(watchedTrees, watchedFiles);
    this.reloadThread = new Thread(this::reloadLoop, "next-dev-reload");
    this.reloadThread.setDaemon(true);
  }

  /**
   * Builds the app and starts serving it, or, with a custom server, runs the user's main once the
   * first build is good. Build problems do not stop it: they are shown in the browser and the log
   * until a save fixes them. A change to {@code pom.xml} only prints that a restart applies it
   * ({@link DevRunner} restarts by itself).
   *
   * @throws DevServerException when the port is taken or there is no Java compiler
   */
  public static DevServer start(DevSettings settings) throws DevServerException, IOException {
    return start(settings, null);
  }

  /**
   * As {@link #start(DevSettings)}, but a change to {@code pom.xml} calls {@code pomChanged} (on the
   * reload thread, so it should only hand the news on) instead of printing that a restart is needed.
   * With a custom server, which binds its port itself and cannot be stopped in place, it is not called.
   */
  static DevServer start(DevSettings settings, Runnable pomChanged) throws DevServerException, IOException {
    long started = System.nanoTime();
    if (settings.mainClass().isEmpty()) {
      checkPortFree(settings); // fail in a second, not after the first compile
    }
    DevServer dev = new DevServer(settings, 0);
    dev.pomChanged = pomChanged;
    try {
      Reloader.Build build = dev.buildFirst();
      dev.serve(build, started, false);
    } catch (DevServerException | IOException | RuntimeException e) {
      dev.close();
      throw e;
    }
    return dev;
  }

  /**
   * Starts a server for {@code settings} (the project as its pom now says) in place of {@code
   * previous}, on the port {@code previous} serves: {@code previous} stops watching, the new server
   * generates and compiles while {@code previous} still answers, then {@code previous} closes (its
   * live-reload streams end; the browsers reconnect to the new server, see its new version and
   * reload) and the new server binds the same port.
   *
   * @throws DevServerException when the port cannot be bound again; both servers are closed then
   */
  static DevServer replace(DevServer previous, DevSettings settings, Runnable pomChanged)
      throws DevServerException, IOException {
    long started = System.nanoTime();
    previous.stopWatching();
    DevServer dev = null;
    try {
      dev = new DevServer(settings.withPort(previous.port()), previous.session.nextEpoch());
      dev.pomChanged = pomChanged;
      Reloader.Build build = dev.buildFirst();
      previous.close();
      dev.serve(build, started, true);
    } catch (DevServerException | IOException | RuntimeException e) {
      previous.close();
      if (dev != null) {
        dev.close();
      }
      throw e;
    }
    return dev;
  }

  /** Generates and compiles what is out of date: the first build, before anything is served. */
  private Reloader.Build buildFirst() throws IOException {
    snapshot = Snapshot.take(watchedTrees, watchedFiles);
    copyResources();
    return reloader.initial();
  }

  /** Serves {@code build}: the generated app on the port, or the custom server; then watches. */
  private void serve(Reloader.Build build, long started, boolean restart) throws DevServerException, IOException {
    // The default of NextOptions.dev(): a custom server is in dev mode without asking.
    nextDevBefore = System.setProperty("next.dev", "true");
    // The runtime caps a response's write time (maxRspTime); a live-reload stream lasts as long as
    // its tab. The JDK reads it once, when the first server is made, so before the app starts.
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", "0");
    }
    // Before any app is made: an app reads the slot once, when it is created.
    HostSlot.install(new DevHost(session, DevHost.PING_INTERVAL, publicFolders(settings.resourceDirs())));
    publish(build);
    if (settings.mainClass().isEmpty()) {
      app = createApp(build);
      app.prepare();
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loaders.current()); // the server's threads inherit it
      try {
        port = app.start().getAddress().getPort();
      } catch (BindException e) {
        throw portInUse(settings);
      } finally {
        thread.setContextClassLoader(previous);
      }
      int routes = build.state() instanceof DevState.Ready ready ? ready.table().size() : 0;
      settings.log().ready("next4j dev server " + (restart ? "restarted" : "ready") + " on " + url() + " (" + routes
          + (routes == 1 ? " route" : " routes") + ", " + (restart ? "pom.xml applied" : "started") + " in "
          + millis(started) + " ms)");
    } else if (build.loader().isPresent()) {
      startCustomServer(build.loader().get(), started);
    } else {
      settings.log().warn("The custom server " + settings.mainClass().get()
          + " starts once the build is fixed; watching for changes.");
    }
    reloadThread.start();
  }

  /**
   * Shows {@code problem} in the browser (the error page) and the log until the next reload; the
   * app keeps its port.
   */
  void show(DevProblem problem) {
    fail(problem);
  }

  /** Stops watching and reloading; the app goes on serving what it has until {@link #close()}. */
  private void stopWatching() {
    try {
      watcher.close();
    } catch (IOException ignored) {
      // the watch service is gone either way
    }
    reloadThread.interrupt();
    try {
      reloadThread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // A reload the watcher began is not coming: requests waiting for it get what there is.
    session.unchanged();
  }

  /** The port served on: the bound one, or the configured one with a custom server. */
  public int port() {
    return port;
  }

  /** Blocks until {@link #close()} is called. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops watching and serving, and frees the port. Idempotent. */
  @Override
  public void close() {
    if (closed.getCount() == 0) {
      return;
    }
    try {
      watcher.close();
    } catch (IOException ignored) {
      // the watch service is gone either way
    }
    if (app != null) {
      app.close(); // stops its server and frees the port
    }
    reloadThread.interrupt(); // ends the javac warm-up between two rounds
    try {
      reloadThread.join(1000);
      reloader.close();
      compiler.close();
    } catch (IOException | InterruptedException ignored) {
      // closing: nothing left to save
    }
    HostSlot.uninstall();
    if (nextDevBefore == null) {
      System.clearProperty("next.dev");
    } else {
      System.setProperty("next.dev", nextDevBefore);
    }
    closed.countDown();
  }

  private void reloadLoop() {
    try {
      compiler.warmUp(WARM_UP_ROUNDS);
    } catch (IOException | RuntimeException e) {
      // only the first reloads are slower
    }
    try {
      while (watcher.awaitChange(settings.quietPeriod(), session::reloading)) {
        try {
          reload();
        } catch (IOException | RuntimeException e) {
          session.unchanged();
          settings.log().error("The dev server could not reload: " + e);
        }
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    }
  }

  private void reload() throws IOException {
    long started = System.nanoTime();
    Snapshot now = Snapshot.take(watchedTrees, watchedFiles);
    Snapshot.Changes changes = snapshot.changesTo(now);
    snapshot = now;
    List<Path> all = new ArrayList<>(changes.created());
    all.addAll(changes.modified());
    all.addAll(changes.deleted());
    Path pom = watchedFiles.get(0);
    if (all.contains(pom)) {
      if (pomChanged != null && settings.mainClass().isEmpty()) {
        pomChanged.run();
      } else if (settings.mainClass().isPresent()) {
        settings.log().warn("pom.xml changed: the custom server binds its port itself and cannot be restarted in place;"
            + " restart next:run to apply it.");
      } else {
        settings.log().warn("pom.xml changed: restart next:run to apply it.");
      }
    }
    List<Path> envFiles = all.stream().filter(path -> watchedFiles.indexOf(path) > 0).toList();
    if (all.stream().allMatch(watchedFiles::contains)) {
      if (envFiles.isEmpty()) {
        session.unchanged();
      } else {
        // The app loads the files again on its next request; the browsers reload to make one.
        settings.log().info(envFiles.stream().map(path -> path.getFileName().toString()).toList()
            + " changed: the app reads the environment again");
        session.publish(session.peek());
      }
      return;
    }
    noticeCustomServerChange(changes.modified());
    if (all.stream().anyMatch(path -> processedResources.stream().anyMatch(r -> path.startsWith(r.directory())))) {
      copyResources();
    }
    Reloader.Build build = reloader.after(changes);
    publish(build);
    if (build.state() instanceof DevState.Ready) {
      List<String> work = new ArrayList<>();
      if (build.compiled() > 0) {
        work.add(build.compiled() + (build.compiled() == 1 ? " source" : " sources") + " compiled");
      }
      if (build.routesChanged()) {
        work.add("routes regenerated");
      }
      settings.log().info("Reloaded in " + millis(started) + " ms: " + describe(changes)
          + (work.isEmpty() ? "" : " (" + String.join(", ", work) + ")"));
      if (settings.mainClass().isPresent() && !customServerStarted) {
        startCustomServer(build.loader().get(), started);
      }
    }
  }

  /** Copies the resources that are not served from their folder, as {@code mvn process-resources} would. */
  private void copyResources() throws IOException {
    if (!processedResources.isEmpty()) {
      ResourceCopier.copy(processedResources, copiedResources, settings.filterProperties());
    }
  }

  private void publish(Reloader.Build build) {
    build.loader().ifPresent(loaders::use);
    session.publish(build.state());
    if (build.state() instanceof DevState.Broken broken) {
      DevProblem problem = broken.problem();
      String where = problem.place().isEmpty() ? "" : " in " + problem.place();
      settings.log().error(problem.kind() + where + ": " + problem.message()
          + (problem.detail().isEmpty() ? "" : "\n" + problem.detail().stripTrailing()));
    }
  }

  /** The app over the generated {@code NextServer}, or, before any good build, over an empty table. */
  private NextApp createApp(Reloader.Build build) {
    NextOptions.Builder options = NextOptions.builder().dev(true).dir(settings.projectDir()).port(settings.port());
    settings.hostname().ifPresent(options::hostname);
    if (build.loader().isPresent()) {
      try {
        Class<?> nextServer = Class.forName(GeneratedNames.serverClass(build.generatedPackage()), true, build.loader().get());
        Optional<Class<?>> contextType = reloader.contextType();
        if (contextType.isPresent()) {
          // The session owns the services (they outlive reloads), so the app gets them without owning them.
          return (NextApp) nextServer.getMethod("app", NextOptions.class, contextType.get())
              .invoke(null, options.build(), reloader.context().orElseThrow());
        }
        return (NextApp) nextServer.getMethod("app", NextOptions.class).invoke(null, options.build());
      } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
        fail(problems.exception(Problems.LOAD_ERROR, Reloader.unwrap(e), settings.sourceRoots()));
      }
    }
    return NextApp.create(RouteTable.empty(), settings.config(), options.build());
  }

  private void startCustomServer(ClassLoader loader, long started) {
    customServerStarted = true;
    String mainClass = settings.mainClass().get();
    System.setProperty("next.port", Integer.toString(settings.port()));
    Thread main = new Thread(() -> {
      try {
        Class<?> type = Class.forName(mainClass, true, loader);
        type.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
      } catch (ClassNotFoundException e) {
        fail(new DevProblem(Problems.SERVER_ERROR, "", 0,
            "The custom server class " + mainClass + " (<mainClass>) is not among the project's classes",
            "Check <mainClass> in the pom, or -Dnext.mainClass: it must name a class of this project with a main method.\n"));
      } catch (NoSuchMethodException e) {
        fail(new DevProblem(Problems.SERVER_ERROR, "", 0,
            "The custom server class " + mainClass + " (<mainClass>) has no public static void main(String[])", ""));
      } catch (InvocationTargetException e) {
        fail(problems.exception(Problems.SERVER_ERROR, Reloader.unwrap(e.getCause()), settings.sourceRoots()));
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        fail(problems.exception(Problems.SERVER_ERROR, e, settings.sourceRoots()));
      }
    }, "next-dev-main");
    main.setContextClassLoader(loaders.current()); // the server's threads inherit it
    main.setDaemon(false);
    main.start();
    Thread ready = new Thread(() -> announceWhenListening(main, started), "next-dev-ready");
    ready.setDaemon(true);
    ready.start();
  }

  private void fail(DevProblem problem) {
    publish(new Reloader.Build(new DevState.Broken(problem), Optional.empty(), "", 0, false));
  }

  /**
   * Says "ready" once the custom server accepts connections on the port, or, after a while, that
   * it does not.
   */
  private void announceWhenListening(Thread main, long started) {
    long waitFrom = System.nanoTime();
    String host = settings.hostname().orElse("localhost");
    while (closed.getCount() > 0) {
      if (System.nanoTime() - waitFrom > CUSTOM_SERVER_PATIENCE.toNanos()) {
        settings.log().warn("The custom server " + settings.mainClass().get() + " does not listen on port "
            + settings.port() + " after " + CUSTOM_SERVER_PATIENCE.toSeconds() + " s: under next:run it should bind "
            + "Integer.getInteger(\"next.port\", 3000), the port next:run was given.");
        return;
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(host, settings.port()), 200);
        settings.log().ready("next4j dev server ready on " + url() + " (custom server " + settings.mainClass().get()
            + ", started in " + millis(started) + " ms)");
        return;
      } catch (IOException notYet) {
        if (!main.isAlive() && session.peek() instanceof DevState.Broken) {
          return; // main failed, and said why
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private void noticeCustomServerChange(java.util.Set<Path> changed) {
    if (settings.mainClass().isEmpty() || !customServerStarted) {
      return;
    }
    String mainSource = settings.mainClass().get().replaceFirst("\\$.*", "").replace('.', '/') + ".java";
    for (Path root : settings.sourceRoots()) {
      if (changed.contains(root.resolve(mainSource))) {
        settings.log().warn(problems.relative(root.resolve(mainSource)) + " changed: the custom server itself "
            + "keeps running as it started; restart next:run to apply it. Pages and the code they call reload as usual.");
      }
    }
  }

  /** Fails with one clear line when something already listens on the port. */
  private static void checkPortFree(DevSettings settings) throws DevServerException, IOException {
    if (settings.port() == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true); // as the JDK server binds: a port in TIME_WAIT is free
      probe.bind(settings.hostname()
          .map(host -> new InetSocketAddress(host, settings.port()))
          .orElseGet(() -> new InetSocketAddress(settings.port())));
    } catch (BindException e) {
      throw portInUse(settings);
    }
  }

  private static DevServerException portInUse(DevSettings settings) {
    String where = settings.hostname().map(h -> " on " + h).orElse("");
    int other = settings.port() == 65535 ? 3001 : settings.port() + 1;
    return new DevServerException("Port " + settings.port() + where + " is already in use: stop the process "
        + "that holds it, or choose another port with -Dnext.port=" + other + " (or PORT=" + other + ").");
  }

  private String url() {
    return "http://" + settings.hostname().orElse("localhost") + ":" + port();
  }

  private String describe(Snapshot.Changes changes) {
    List<String> parts = new ArrayList<>();
    changes.created().forEach(p -> parts.add(problems.relative(p) + " created"));
    changes.modified().forEach(p -> parts.add(problems.relative(p) + " changed"));
    changes.deleted().forEach(p -> parts.add(problems.relative(p) + " deleted"));
    return parts.size() == 1 ? parts.get(0) : parts.get(0) + " and " + (parts.size() - 1) + " more";
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** The {@code public} folder of each resource folder: what the app serves at {@code /} from disk. */
  static List<Path> publicFolders(List<Path> resourceDirs) {
    return resourceDirs.stream().map(dir -> dir.resolve("public")).toList();
  }
}
