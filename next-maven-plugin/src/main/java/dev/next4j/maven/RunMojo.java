package dev.next4j.maven;

import dev.next4j.build.BuildException;
import dev.next4j.build.Ports;
import dev.next4j.codegen.GeneratorConfig;
import dev.next4j.dev.DevLog;
import dev.next4j.dev.DevRunner;
import dev.next4j.dev.DevServerException;
import dev.next4j.dev.DevSettings;
import dev.next4j.dev.JavacOptions;
import dev.next4j.dev.ResourceSet;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.artifact.resolver.filter.ScopeArtifactFilter;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Resource;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelProblem;
import org.apache.maven.plugin.MavenPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginConfigurationException;
import org.apache.maven.plugin.PluginContainerException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.DefaultProjectBuildingRequest;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.project.ProjectBuildingRequest;
import org.apache.maven.project.ProjectBuildingResult;

import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;

/**
 * Runs the site in dev mode, as {@code next dev} does: compiles what is needed, serves on
 * http://localhost:3000, and on every save of a page, a source or a file under {@code public/}
 * regenerates the routes, recompiles what changed and swaps the app in place, without a restart.
 * Compile errors, route errors and exceptions show in the browser and here; the browser reloads by
 * itself after each change. A saved {@code pom.xml} restarts the session by itself on the same
 * port, with the project read again by Maven's project builder (see {@code docs/dev-mode.md}).
 * Ctrl-C stops it.
 *
 * <p>The app runs inside Maven's JVM: no second JVM is left behind, and {@code -D} properties on
 * the command line reach it. With {@code <mainClass>}, the user's custom server runs instead of
 * the generated {@code NextServer}; it sees {@code next.dev=true} and {@code next.port}.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public final class RunMojo extends AbstractPagesMojo {
  /** The port to serve on. By default the {@code PORT} environment variable, else 3000. */
  @Parameter(property = "next.port")
  private String port;

  /**
   * The address to listen on. By default {@code NEXT_HOSTNAME}, else {@code localhost}: the dev
   * server shows compile errors and source lines, so it is reachable from this machine only. Bind
   * wider on purpose with {@code -Dnext.hostname=0.0.0.0} (all interfaces) or a LAN address; the dev
   * server still answers only requests whose {@code Host} is {@code localhost}, an IP address or
   * this name (a DNS-rebinding page gets 403).
   */
  @Parameter(property = "next.hostname")
  private String hostname;

  /**
   * A custom server to run instead of the generated {@code NextServer}: a class of this project
   * with a {@code main} method, which builds its app with {@code NextServer.app(...)} and reads
   * {@code Boolean.getBoolean("next.dev")} and {@code Integer.getInteger("next.port", 3000)}.
   */
  @Parameter(property = "next.mainClass")
  private String mainClass;

  /** Milliseconds without a file change before a burst of changes is reloaded as one. */
  @Parameter(property = "next.quietPeriod", defaultValue = "50")
  private int quietPeriod;

  @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
  private String pluginVersion;

  /** Resolves the compiler plugin's {@code <annotationProcessorPaths>}. */
  @Component
  private RepositorySystem repositorySystem;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  private RepositorySystemSession repositorySession;

  /** Reads the pom again when it changes. */
  @Component
  private ProjectBuilder projectBuilder;

  /** Configures a fresh instance of this goal from the changed pom. */
  @Component
  private MavenPluginManager pluginManager;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution mojoExecution;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip()) {
      getLog().info("next: skipped (next.skip)");
      return;
    }
    if ("pom".equals(project().getPackaging())) {
      getLog().info("Skipping next:run: the packaging is pom; run it in the module that has the pages (-pl <module>)");
      return;
    }
    DevSettings settings = settings();
    DevRunner server;
    try {
      server = DevRunner.start(settings, this::reread);
    } catch (DevServerException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("next: the dev server could not start: " + e, e);
    }
    Thread shutdown = new Thread(server::close, "next-dev-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown); // Ctrl-C and SIGTERM: free the port, then exit
    try {
      server.awaitClose();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(shutdown);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it closed the server
      }
    }
  }

  /**
   * The dev server's settings for the project as its pom says now, read with Maven's own project
   * builder: the model built again (parent, profiles, properties, plugin management), the
   * dependencies resolved again, and this goal's configuration ({@code basePath}, the rules, ...)
   * injected into a fresh instance of this mojo, as Maven configures one for {@code mvn next:run}.
   */
  private DevSettings reread() throws DevRunner.ProjectError {
    File pom = project().getFile();
    ProjectBuildingRequest request = new DefaultProjectBuildingRequest(session.getProjectBuildingRequest());
    request.setProject(null);
    request.setResolveDependencies(true);
    MavenProject fresh;
    try {
      ProjectBuildingResult result = projectBuilder.build(pom, request);
      DependencyResolutionResult dependencies = result.getDependencyResolutionResult();
      if (dependencies != null && !dependencies.getCollectionErrors().isEmpty()) {
        throw new DevRunner.ProjectError("The dependencies of pom.xml do not resolve: "
            + dependencies.getCollectionErrors().get(0).getMessage(), 0);
      }
      if (dependencies != null && !dependencies.getUnresolvedDependencies().isEmpty()) {
        org.eclipse.aether.graph.Dependency missing = dependencies.getUnresolvedDependencies().get(0);
        List<Exception> errors = dependencies.getResolutionErrors(missing);
        throw new DevRunner.ProjectError("The dependency " + missing.getArtifact() + " of pom.xml does not resolve"
            + (errors.isEmpty() ? "" : ": " + errors.get(0).getMessage()), 0);
      }
      fresh = result.getProject();
    } catch (ProjectBuildingException e) {
      throw projectError(e);
    }
    fresh.setArtifactFilter(new ScopeArtifactFilter(Artifact.SCOPE_COMPILE_PLUS_RUNTIME));
    MojoExecution execution = new MojoExecution(mojoExecution.getMojoDescriptor(), mojoExecution.getExecutionId(),
        mojoExecution.getSource());
    execution.setConfiguration(MojoConfigurations.of(mojoExecution.getMojoDescriptor(), fresh, mojoExecution.getExecutionId()));
    MavenProject before = session.getCurrentProject();
    session.setCurrentProject(fresh); // what ${project} means to the new mojo's parameters
    RunMojo mojo = null;
    try {
      mojo = (RunMojo) pluginManager.getConfiguredMojo(org.apache.maven.plugin.Mojo.class, session, execution);
      return mojo.settings();
    } catch (PluginConfigurationException | PluginContainerException | ClassCastException e) {
      throw new DevRunner.ProjectError("The next-maven-plugin configuration in pom.xml does not apply: " + e.getMessage(), 0);
    } catch (MojoFailureException | MojoExecutionException e) {
      throw new DevRunner.ProjectError(e.getMessage(), 0);
    } finally {
      session.setCurrentProject(before);
      if (mojo != null) {
        pluginManager.releaseMojo(mojo, execution);
      }
    }
  }

  /**
   * The first error of a pom that does not build (a parse error, an invalid model, a parent or
   * import that does not resolve), with its line: Maven puts them on the model building exception
   * it wraps, or on the per-project results.
   */
  private static DevRunner.ProjectError projectError(ProjectBuildingException e) {
    List<ModelProblem> problems = new ArrayList<>();
    if (e.getCause() instanceof ModelBuildingException model) {
      problems.addAll(model.getProblems());
    }
    if (e.getResults() != null) {
      for (ProjectBuildingResult result : e.getResults()) {
        problems.addAll(result.getProblems());
      }
    }
    for (ModelProblem problem : problems) {
      if (problem.getSeverity() != ModelProblem.Severity.WARNING) {
        return new DevRunner.ProjectError(problem.getMessage(), problem.getLineNumber());
      }
    }
    return new DevRunner.ProjectError(e.getMessage(), 0);
  }

  private DevSettings settings() throws MojoFailureException, MojoExecutionException {
    Path basedir = project().getBasedir().toPath();
    Path generated = outputDirectory().toPath().toAbsolutePath().normalize();
    List<Path> sourceRoots = project().getCompileSourceRoots().stream()
        .map(root -> Path.of(root).toAbsolutePath().normalize())
        .filter(root -> !root.equals(generated))
        .toList();
    GeneratorConfig config = generatorConfig(sourceRoots);
    Path classes = Path.of(project().getBuild().getOutputDirectory()).toAbsolutePath().normalize();
    return DevSettings.builder(basedir, log())
        .routes(config)
        .templates(templateSources())
        .resources(resources(basedir))
        .filterProperties(filterProperties())
        .classesDir(classes)
        .compileClasspath(classpath(compileClasspath(), classes, Optional.empty()))
        .runtimeClasspath(classpath(runtimeClasspath(), classes, runtimeArtifact()))
        .compilerOptions(compilerOptions())
        .mainClass(optional(mainClass))
        .hostname(optional(hostname).or(() -> optional(System.getenv("NEXT_HOSTNAME"))).or(() -> Optional.of("localhost")))
        .port(port(port, System.getenv("PORT")))
        .quietPeriod(Duration.ofMillis(Math.max(0, quietPeriod)))
        .build();
  }

  /** The pom's {@code <resource>}s, each as {@code mvn process-resources} reads it. */
  private List<ResourceSet> resources(Path basedir) throws MojoFailureException {
    Charset encoding = resourceEncoding();
    List<ResourceSet> resources = new ArrayList<>();
    for (Resource resource : project().getResources()) {
      resources.add(new ResourceSet(basedir.resolve(resource.getDirectory()), resource.getTargetPath(),
          resource.getIncludes(), resource.getExcludes(), resource.isFiltering(), encoding));
    }
    return resources;
  }

  /**
   * The encoding filtered resources are read and written in, as the resources plugin takes it: the
   * project's {@code project.build.sourceEncoding}, else the platform's.
   */
  private Charset resourceEncoding() throws MojoFailureException {
    String name = project().getProperties().getProperty("project.build.sourceEncoding");
    if (name == null || name.isBlank()) {
      return Charset.defaultCharset();
    }
    try {
      return Charset.forName(name.trim());
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(project().getFile() + ": project.build.sourceEncoding \"" + name
          + "\" is not a character encoding this JVM knows (for example UTF-8 or ISO-8859-1)");
    }
  }

  /**
   * What filtered resources see, as Maven's resources plugin gives it: the {@code project.*}
   * values, the project's properties, then the command line's {@code -D} properties.
   */
  private Map<String, String> filterProperties() {
    Map<String, String> values = new HashMap<>();
    values.put("project.groupId", project().getGroupId());
    values.put("project.artifactId", project().getArtifactId());
    values.put("project.version", project().getVersion());
    values.put("project.basedir", project().getBasedir().getPath());
    values.put("basedir", project().getBasedir().getPath());
    values.put("project.build.directory", project().getBuild().getDirectory());
    values.put("project.build.outputDirectory", project().getBuild().getOutputDirectory());
    values.put("project.build.finalName", project().getBuild().getFinalName());
    if (project().getName() != null) {
      values.put("project.name", project().getName());
    }
    if (project().getDescription() != null) {
      values.put("project.description", project().getDescription());
    }
    values.putAll(properties());
    return values;
  }

  /**
   * The port from {@code -Dnext.port} (or {@code <port>}), else from the {@code PORT} environment
   * variable, else 3000.
   */
  static int port(String property, String environment) throws MojoFailureException {
    try {
      return Ports.chosen(property, environment);
    } catch (BuildException e) {
      throw new MojoFailureException(e.getMessage());
    }
  }

  /**
   * The project's own next-runtime jar, which the app does not load: the dev server and the app
   * share the plugin's copy of the runtime, since the dev server reaches every app, a custom
   * server's too, through the runtime's one static {@code HostSlot} (see {@code AppLoaders}). That
   * is only right when both are the same version, so another version fails here, saying so.
   */
  private Optional<Path> runtimeArtifact() throws MojoFailureException {
    for (Artifact artifact : project().getArtifacts()) {
      if ("dev.next4j".equals(artifact.getGroupId()) && "next-runtime".equals(artifact.getArtifactId())
          && artifact.getFile() != null) {
        checkRuntimeVersion(artifact.getBaseVersion(), pluginVersion);
        return Optional.of(artifact.getFile().toPath().toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }

  /**
   * Fails unless the project's next-runtime version is the plugin's: under {@code next:run} the app
   * runs on the plugin's copy of the runtime, so with another version it would not run on the
   * runtime it was compiled against.
   */
  static void checkRuntimeVersion(String projectVersion, String pluginVersion) throws MojoFailureException {
    if (!projectVersion.equals(pluginVersion)) {
      throw new MojoFailureException("next:run serves the app on the next-maven-plugin's own next-runtime "
          + pluginVersion + " (the dev server and the app share one copy of the runtime), but the project depends "
          + "on next-runtime " + projectVersion + ": use one version for both, e.g. <version>" + pluginVersion
          + "</version> on the next-runtime dependency, or the plugin of version " + projectVersion + ".");
    }
  }

  private static List<Path> classpath(List<String> elements, Path classes, Optional<Path> without) {
    List<Path> paths = new ArrayList<>();
    for (String element : elements) {
      Path path = Path.of(element).toAbsolutePath().normalize();
      if (!path.equals(classes) && !without.equals(Optional.of(path))) {
        paths.add(path);
      }
    }
    return paths;
  }

  private List<String> compileClasspath() throws MojoExecutionException {
    try {
      return project().getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("next: the compile class path is not resolved: " + e.getMessage(), e);
    }
  }

  private List<String> runtimeClasspath() throws MojoExecutionException {
    try {
      return project().getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("next: the runtime class path is not resolved: " + e.getMessage(), e);
    }
  }

  /**
   * The javac options {@code mvn compile} would use, and, when the compiler plugin names
   * {@code <annotationProcessorPaths>}, those resolved (with their dependencies, as the compiler
   * plugin does) as {@code -processorpath}, with generated sources in Maven's folder for them.
   */
  private List<String> compilerOptions() throws MojoExecutionException {
    List<String> options = new ArrayList<>(JavacOptions.of(compilerConfiguration(), compilerArgs(), properties()));
    List<Path> processorPath = processorPath();
    if (!processorPath.isEmpty()) {
      Path generated = Path.of(project().getBuild().getDirectory(), "generated-sources", "annotations");
      options.addAll(JavacOptions.processorPath(processorPath, generated));
    }
    return options;
  }

  /** The jars of {@code <annotationProcessorPaths>} and their runtime dependencies; empty when none. */
  private List<Path> processorPath() throws MojoExecutionException {
    List<Dependency> roots = new ArrayList<>();
    for (Xpp3Dom dom : compilerDoms()) {
      Xpp3Dom paths = dom.getChild("annotationProcessorPaths");
      if (paths == null) {
        continue;
      }
      roots.clear();
      for (Xpp3Dom path : paths.getChildren()) {
        String groupId = value(path, "groupId");
        String artifactId = value(path, "artifactId");
        String version = value(path, "version");
        if (groupId.isEmpty() || artifactId.isEmpty() || version.isEmpty()) {
          throw new MojoExecutionException("next: an <annotationProcessorPaths> <path> of maven-compiler-plugin needs"
              + " <groupId>, <artifactId> and <version>: " + groupId + ":" + artifactId + ":" + version);
        }
        String type = value(path, "type");
        roots.add(new Dependency(new DefaultArtifact(groupId, artifactId, value(path, "classifier"),
            type.isEmpty() ? "jar" : type, version), "runtime"));
      }
    }
    if (roots.isEmpty()) {
      return List.of();
    }
    CollectRequest collect = new CollectRequest(roots, List.of(), project().getRemoteProjectRepositories());
    try {
      DependencyResult result = repositorySystem.resolveDependencies(repositorySession, new DependencyRequest(collect, null));
      List<Path> jars = new ArrayList<>();
      for (ArtifactResult artifact : result.getArtifactResults()) {
        jars.add(artifact.getArtifact().getFile().toPath().toAbsolutePath().normalize());
      }
      return jars;
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException("next: the <annotationProcessorPaths> of maven-compiler-plugin could not be"
          + " resolved: " + e.getMessage(), e);
    }
  }

  private static String value(Xpp3Dom parent, String name) {
    Xpp3Dom child = parent.getChild(name);
    return child == null || child.getValue() == null ? "" : child.getValue().trim();
  }

  /** The compiler plugin's simple parameters: its own configuration, then default-compile's. */
  private Map<String, String> compilerConfiguration() {
    Map<String, String> values = new HashMap<>();
    for (Xpp3Dom dom : compilerDoms()) {
      for (Xpp3Dom child : dom.getChildren()) {
        if (child.getChildCount() == 0 && child.getValue() != null) {
          values.put(child.getName(), child.getValue());
        }
      }
    }
    return values;
  }

  private List<String> compilerArgs() {
    List<String> args = new ArrayList<>();
    for (Xpp3Dom dom : compilerDoms()) {
      Xpp3Dom list = dom.getChild("compilerArgs");
      if (list != null) {
        args.clear();
        for (Xpp3Dom arg : list.getChildren()) {
          if (arg.getValue() != null) {
            args.add(arg.getValue());
          }
        }
      }
    }
    return args;
  }

  private List<Xpp3Dom> compilerDoms() {
    List<Xpp3Dom> doms = new ArrayList<>();
    Plugin compiler = project().getPlugin("org.apache.maven.plugins:maven-compiler-plugin");
    if (compiler != null) {
      if (compiler.getConfiguration() instanceof Xpp3Dom dom) {
        doms.add(dom);
      }
      PluginExecution compile = compiler.getExecutionsAsMap().get("default-compile");
      if (compile != null && compile.getConfiguration() instanceof Xpp3Dom dom) {
        doms.add(dom);
      }
    }
    return doms;
  }

  private Map<String, String> properties() {
    Map<String, String> properties = new HashMap<>();
    project().getProperties().forEach((name, value) -> properties.put(String.valueOf(name), String.valueOf(value)));
    System.getProperties().forEach((name, value) -> properties.put(String.valueOf(name), String.valueOf(value)));
    return properties;
  }

  private DevLog log() {
    return new MavenConsole(getLog(), System.out, MavenConsole.isTerminal(System.console() != null, System.getenv("TERM"),
        System.getenv("NO_COLOR")));
  }
}
