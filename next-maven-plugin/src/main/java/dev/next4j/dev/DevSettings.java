package dev.next4j.dev;

import dev.next4j.runtime.NextConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the dev server needs to know of a project: where its sources, resources and classes are,
 * its class paths and compiler options, how to generate its routes, and where to serve.
 * {@code next:run} fills it from the Maven project; {@link #builder} starts from Maven's layout.
 *
 * @param projectDir the project's root folder, absolute
 * @param sourceRoots the compile source roots the user edits (not the generated one)
 * @param generatedSourcesDir where the route generator writes ({@code target/generated-sources/next})
 * @param resourceDirs resource folders, served from where they are (no copy needed)
 * @param classesDir the compiler's output folder ({@code target/classes})
 * @param compileClasspath what javac compiles against, after the classes folder
 * @param runtimeClasspath what the app runs with, after its own classes: dependencies without
 *     next-runtime, which the dev server shares with the app
 * @param compilerOptions javac options, e.g. {@code --release 17 -parameters}
 * @param generator writes the route table's sources
 * @param config the pom's configuration, for a server built before the first good compile
 * @param mainClass the user's custom server class to run instead of the generated {@code NextServer}
 * @param hostname the address to bind; empty means all interfaces
 * @param port the port to serve on; 0 picks a free one
 * @param quietPeriod how long files must stay still before a burst of changes is reloaded
 * @param log the terminal
 */
public record DevSettings(
    Path projectDir,
    List<Path> sourceRoots,
    Path generatedSourcesDir,
    List<Path> resourceDirs,
    Path classesDir,
    List<Path> compileClasspath,
    List<Path> runtimeClasspath,
    List<String> compilerOptions,
    RouteGenerator generator,
    NextConfig config,
    Optional<String> mainClass,
    Optional<String> hostname,
    int port,
    Duration quietPeriod,
    DevLog log) {

  public DevSettings {
    projectDir = absolute(projectDir);
    sourceRoots = sourceRoots.stream().map(DevSettings::absolute).toList();
    generatedSourcesDir = absolute(generatedSourcesDir);
    resourceDirs = resourceDirs.stream().map(DevSettings::absolute).toList();
    classesDir = absolute(classesDir);
    compileClasspath = compileClasspath.stream().map(DevSettings::absolute).toList();
    runtimeClasspath = runtimeClasspath.stream().map(DevSettings::absolute).toList();
    compilerOptions = List.copyOf(compilerOptions);
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(log, "log");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
    }
    if (quietPeriod.isNegative()) {
      throw new IllegalArgumentException("quietPeriod must not be negative: " + quietPeriod);
    }
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /**
   * Settings for the project in {@code projectDir} with Maven's standard layout, no dependencies,
   * {@code --release 17}, port 3000 and a 50 ms quiet period.
   */
  public static Builder builder(Path projectDir, RouteGenerator generator, DevLog log) {
    return new Builder(projectDir.toAbsolutePath().normalize(), generator, log);
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder(projectDir, generator, log)
        .sourceRoots(sourceRoots).generatedSourcesDir(generatedSourcesDir).resourceDirs(resourceDirs)
        .classesDir(classesDir).compileClasspath(compileClasspath).runtimeClasspath(runtimeClasspath)
        .compilerOptions(compilerOptions).config(config).mainClass(mainClass).hostname(hostname)
        .port(port).quietPeriod(quietPeriod);
  }

  /** Builds {@link DevSettings}; see {@link DevSettings#builder}. */
  public static final class Builder {
    private final Path projectDir;
    private final RouteGenerator generator;
    private final DevLog log;
    private List<Path> sourceRoots;
    private Path generatedSourcesDir;
    private List<Path> resourceDirs;
    private Path classesDir;
    private List<Path> compileClasspath = List.of();
    private List<Path> runtimeClasspath = List.of();
    private List<String> compilerOptions = List.of("--release", "17");
    private NextConfig config = NextConfig.defaults();
    private Optional<String> mainClass = Optional.empty();
    private Optional<String> hostname = Optional.empty();
    private int port = 3000;
    private Duration quietPeriod = Duration.ofMillis(50);

    private Builder(Path projectDir, RouteGenerator generator, DevLog log) {
      this.projectDir = projectDir;
      this.generator = generator;
      this.log = log;
      this.sourceRoots = List.of(projectDir.resolve("src/main/java"));
      this.generatedSourcesDir = projectDir.resolve("target/generated-sources/next");
      this.resourceDirs = List.of(projectDir.resolve("src/main/resources"));
      this.classesDir = projectDir.resolve("target/classes");
    }

    public Builder sourceRoots(List<Path> sourceRoots) {
      this.sourceRoots = sourceRoots;
      return this;
    }

    public Builder generatedSourcesDir(Path generatedSourcesDir) {
      this.generatedSourcesDir = generatedSourcesDir;
      return this;
    }

    public Builder resourceDirs(List<Path> resourceDirs) {
      this.resourceDirs = resourceDirs;
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

    public Builder config(NextConfig config) {
      this.config = config;
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
      return new DevSettings(projectDir, sourceRoots, generatedSourcesDir, resourceDirs, classesDir,
          compileClasspath, runtimeClasspath, compilerOptions, generator, config, mainClass, hostname,
          port, quietPeriod, log);
    }
  }
}
