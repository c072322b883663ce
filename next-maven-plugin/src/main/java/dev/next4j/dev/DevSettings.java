package dev.next4j.dev;

import dev.next4j.build.Ports;
import dev.next4j.codegen.GeneratorConfig;
import dev.next4j.codegen.RuleSpec;
import dev.next4j.codegen.ServerSettings;
import dev.next4j.codegen.TemplateSources;
import dev.next4j.runtime.NextConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the dev server needs to know of a project: how its routes are generated (what {@code
 * next:generate} is given), where its resources and classes are, its class paths and compiler
 * options, and where to serve. {@code next:run} fills it from the Maven project; {@link #builder}
 * starts from Maven's standard layout.
 *
 * @param routes the route generator's configuration: the project, its source roots, the pages and
 *     the generated sources' folder, the server settings
 * @param resourceDirs resource folders, served from where they are (no copy needed)
 * @param classesDir the compiler's output folder ({@code target/classes})
 * @param compileClasspath what javac compiles against, after the classes folder
 * @param runtimeClasspath what the app runs with, after its own classes: dependencies without
 *     next-runtime, which the dev server shares with the app
 * @param compilerOptions javac options, e.g. {@code --release 17 -parameters}
 * @param mainClass the user's custom server class to run instead of the generated {@code NextServer}
 * @param hostname the address to bind; empty means all interfaces
 * @param port the port to serve on; 0 picks a free one
 * @param quietPeriod how long files must stay still before a burst of changes is reloaded
 * @param log the terminal
 * @param templates the jte templates' folder and where their Java goes
 * @param resources the pom's {@code <resource>}s; the plain ones are served from their folders
 *     (they are among {@code resourceDirs}), the others copied as Maven copies them
 * @param filterProperties what {@code ${name}} and {@code @name@} become in filtered resources
 */
public record DevSettings(
    GeneratorConfig routes,
    List<Path> resourceDirs,
    Path classesDir,
    List<Path> compileClasspath,
    List<Path> runtimeClasspath,
    List<String> compilerOptions,
    Optional<String> mainClass,
    Optional<String> hostname,
    int port,
    Duration quietPeriod,
    DevLog log,
    TemplateSources templates,
    List<ResourceSet> resources,
    Map<String, String> filterProperties) {

  public DevSettings {
    Objects.requireNonNull(routes, "routes");
    resourceDirs = resourceDirs.stream().map(DevSettings::absolute).toList();
    classesDir = absolute(classesDir);
    compileClasspath = compileClasspath.stream().map(DevSettings::absolute).toList();
    runtimeClasspath = runtimeClasspath.stream().map(DevSettings::absolute).toList();
    compilerOptions = List.copyOf(compilerOptions);
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(templates, "templates");
    resources = List.copyOf(resources);
    filterProperties = Map.copyOf(filterProperties);
    Ports.requireValid(port);
    if (quietPeriod.isNegative()) {
      throw new IllegalArgumentException("quietPeriod must not be negative: " + quietPeriod);
    }
  }

  /** The project's root folder, absolute. */
  public Path projectDir() {
    return routes.projectDir();
  }

  /** The source roots the user edits: the compile source roots without the generated ones. */
  public List<Path> sourceRoots() {
    return routes.sourceRoots().stream()
        .filter(root -> !root.equals(routes.outputDir()) && !root.equals(templates.outputDir()))
        .toList();
  }

  /** Where the route generator writes {@code Routes} and {@code NextServer}. */
  public Path generatedSourcesDir() {
    return routes.outputDir();
  }

  /**
   * The pom's server settings as the runtime's configuration, for an app that has to be made
   * before the first good build (the generated {@code NextServer} carries the same values).
   */
  public NextConfig config() {
    ServerSettings server = routes.settings();
    try {
      return NextConfig.builder().basePath(server.basePath()).trailingSlash(server.trailingSlash())
          .poweredByHeader(server.poweredByHeader()).generateEtags(server.generateEtags()).compress(server.compress())
          .caseSensitiveRoutes(server.caseSensitiveRoutes()).rules(RuleSpec.rules(server.rules()))
          .build();
    } catch (IllegalArgumentException invalid) {
      return NextConfig.defaults(); // the generator reports the bad value, at the pom
    }
  }

  /** These settings with {@code port} to serve on: a restart keeps the port the first start bound. */
  public DevSettings withPort(int port) {
    return new DevSettings(routes, resourceDirs, classesDir, compileClasspath, runtimeClasspath, compilerOptions,
        mainClass, hostname, port, quietPeriod, log, templates, resources, filterProperties);
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /**
   * Settings for the project in {@code projectDir} with Maven's standard layout ({@link
   * GeneratorConfig#defaults}), no dependencies, {@code --release 17}, port 3000 and a 50 ms
   * quiet period.
   */
  public static Builder builder(Path projectDir, DevLog log) {
    return new Builder(absolute(projectDir), log);
  }

  /** Builds {@link DevSettings}; see {@link DevSettings#builder}. */
  public static final class Builder {
    private final DevLog log;
    private GeneratorConfig routes;
    private List<Path> resourceDirs;
    private Path classesDir;
    private List<Path> compileClasspath = List.of();
    private List<Path> runtimeClasspath = List.of();
    private List<String> compilerOptions = List.of("--release", "17");
    private Optional<String> mainClass = Optional.empty();
    private Optional<String> hostname = Optional.empty();
    private int port = Ports.DEFAULT;
    private Duration quietPeriod = Duration.ofMillis(50);
    private TemplateSources templates;
    private List<ResourceSet> resources;
    private Map<String, String> filterProperties = Map.of();

    private Builder(Path projectDir, DevLog log) {
      this.log = log;
      this.routes = GeneratorConfig.defaults(projectDir);
      this.resourceDirs = List.of(projectDir.resolve("src/main/resources"));
      this.resources = List.of(ResourceSet.plain(resourceDirs.get(0)));
      this.classesDir = projectDir.resolve("target/classes");
      this.templates = TemplateSources.defaults(projectDir);
    }

    public Builder templates(TemplateSources templates) {
      this.templates = templates;
      return this;
    }

    public Builder routes(GeneratorConfig routes) {
      this.routes = routes;
      return this;
    }

    /** Plain resource folders, served as they are. */
    public Builder resourceDirs(List<Path> resourceDirs) {
      this.resourceDirs = resourceDirs;
      this.resources = resourceDirs.stream().map(ResourceSet::plain).toList();
      return this;
    }

    /** The pom's resources; their folders become the {@code resourceDirs}. */
    public Builder resources(List<ResourceSet> resources) {
      this.resources = resources;
      this.resourceDirs = resources.stream().map(ResourceSet::directory).distinct().toList();
      return this;
    }

    public Builder filterProperties(Map<String, String> filterProperties) {
      this.filterProperties = filterProperties;
      return this;
    }

    public Builder classesDir(Path classesDir) {
      this.classesDir = classesDir;
      return this;
    }

    public Builder compileClasspath(List<Path> compileClasspath) {
      this.compileClasspath = compileClasspath;
      return this;
    }

    public Builder runtimeClasspath(List<Path> runtimeClasspath) {
      this.runtimeClasspath = runtimeClasspath;
      return this;
    }

    public Builder compilerOptions(List<String> compilerOptions) {
      this.compilerOptions = compilerOptions;
      return this;
    }

    public Builder mainClass(Optional<String> mainClass) {
      this.mainClass = mainClass;
      return this;
    }

    public Builder hostname(Optional<String> hostname) {
      this.hostname = hostname;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder quietPeriod(Duration quietPeriod) {
      this.quietPeriod = quietPeriod;
      return this;
    }

    public DevSettings build() {
      return new DevSettings(routes, resourceDirs, classesDir, compileClasspath, runtimeClasspath, compilerOptions,
          mainClass, hostname, port, quietPeriod, log, templates, resources, filterProperties);
    }
  }
}
