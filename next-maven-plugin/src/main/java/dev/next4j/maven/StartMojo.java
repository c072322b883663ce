package dev.next4j.maven;

import dev.next4j.build.BuildException;
import dev.next4j.build.Ports;
import dev.next4j.codegen.Messages;
import dev.next4j.build.ServerProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Runs the production jar, as {@code next start}: {@code java -jar target/<finalName>.jar --port
 * <port>}, in the foreground until you stop it (Ctrl-C).
 *
 * <p>For integration tests, bind it to {@code pre-integration-test} with {@code
 * <background>true</background>}: it then returns once the server answers HTTP, leaving it running
 * for the tests, with its output in {@code target/next/server.log}, and sets the properties {@code
 * next.server.port} and {@code next.server.url}; {@code next:stop} in {@code post-integration-test}
 * stops it.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public final class StartMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The port to serve on; 0 picks a free one (in the background, it is read from the server's output). */
  @Parameter(property = "next.port", defaultValue = Ports.DEFAULT_TEXT)
  private int port;

  /** The address to bind; all interfaces when unset. */
  @Parameter(property = "next.hostname")
  private String hostname;

  /** Start in the background and return once the server answers HTTP, for integration tests. */
  @Parameter(property = "next.background", defaultValue = "false")
  private boolean background;

  /** In the background: how long, in seconds, to wait for the server's first HTTP answer. */
  @Parameter(property = "next.startTimeout", defaultValue = "60")
  private int startTimeout;

  /** The JDK (its home folder) to run the jar with. Default: the JDK running Maven. */
  @Parameter(property = "next.jvm", defaultValue = "${java.home}")
  private File jvm;

  /** Options for the server's JVM, e.g. {@code -Xmx256m}. */
  @Parameter(property = "next.jvmArguments")
  private List<String> jvmArguments;

  /** The runnable jar to start. */
  @Parameter(
      property = "next.jar",
      defaultValue = "${project.build.directory}/${project.build.finalName}.jar",
      required = true)
  private File jar;

  /** Skips starting the server. */
  @Parameter(property = "next.start.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping next:start");
      return;
    }
    Optional<String> host = Optional.ofNullable(hostname).filter(h -> !h.isBlank());
    List<String> command = new ArrayList<>();
    command.add(jvm.toPath().resolve("bin").resolve("java").toString());
    if (jvmArguments != null) {
      jvmArguments.stream().filter(a -> !a.isBlank()).forEach(command::add);
    }
    command.addAll(List.of("-jar", jar.getAbsolutePath(), "--port", Integer.toString(port)));
    host.ifPresent(h -> command.addAll(List.of("--hostname", h)));
    // A custom server may read PORT as Next.js's example does.
    Map<String, String> environment = Map.of("PORT", Integer.toString(port));

    Packaging.call(() -> {
      if (!Files.isRegularFile(jar.toPath())) {
        throw new BuildException(Messages.noJarToStart(Packaging.relative(project, jar.toPath())));
      }
      Ports.checkFree(host, port);
      return null;
    });
    if (background) {
      startInBackground(command, environment);
    } else {
      runInForeground(command, environment);
    }
  }

  private void startInBackground(List<String> command, Map<String, String> environment)
      throws MojoExecutionException, MojoFailureException {
    Path log = Packaging.workDirectory(project).resolve("server.log");
    ServerProcess.Running server = Packaging.call(() -> {
      ServerProcess.Running running =
          ServerProcess.startInBackground(command, environment, log, port, Duration.ofSeconds(startTimeout));
      Files.writeString(StopMojo.pidFile(project), Long.toString(running.pid()));
      return running;
    });
    String url = "http://" + Optional.ofNullable(hostname).filter(h -> !h.isBlank()).orElse("localhost") + ":"
        + server.port();
    project.getProperties().setProperty("next.server.port", Integer.toString(server.port()));
    project.getProperties().setProperty("next.server.url", url);
    getLog().info("Server started in the background (pid " + server.pid() + ") on " + url + "; output in "
        + Packaging.relative(project, log));
  }

  private void runInForeground(List<String> command, Map<String, String> environment)
      throws MojoExecutionException, MojoFailureException {
    try {
      int status = ServerProcess.runInForeground(command, environment);
      if (status != 0) {
        throw new MojoFailureException(Messages.serverExitedWhileRunning(status).text());
      }
    } catch (java.io.IOException e) {
      throw new MojoExecutionException("Could not start " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted while the server ran", e);
    }
  }
}
