package dev.next4j.maven;

import dev.next4j.build.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Stops the server {@code next:start} left running in the background (bound to {@code
 * post-integration-test}). Does nothing when none is running.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public final class StopMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** Skips stopping the server. */
  @Parameter(property = "next.stop.skip", defaultValue = "false")
  private boolean skip;

  /** {@code target/next/server.pid}: the process id of the server started in the background. */
  static Path pidFile(MavenProject project) throws IOException {
    return Files.createDirectories(Packaging.workDirectory(project)).resolve("server.pid");
  }

  /**
   * Whether {@code process} is (still) a JVM: a pid from an old file may since have been given to
   * another program, which must not be stopped. When the system does not say, it is taken to be.
   */
  private static boolean isJava(ProcessHandle process) {
    return process.info().command().map(command -> Path.of(command).getFileName().toString().startsWith("java"))
        .orElse(true);
  }

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("Skipping next:stop");
      return;
    }
    try {
      Path pidFile = pidFile(project);
      if (!Files.isRegularFile(pidFile)) {
        getLog().info("No server to stop (no " + Packaging.relative(project, pidFile) + ")");
        return;
      }
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(StopMojo::isJava);
      if (process.isPresent()) {
        ServerProcess.stop(process.get(), Duration.ofSeconds(10));
        getLog().info("Server stopped (pid " + pid + ")");
      } else {
        getLog().info("Server (pid " + pid + ") had already stopped");
      }
      Files.delete(pidFile);
    } catch (IOException | NumberFormatException e) {
      throw new MojoExecutionException("Could not stop the server: " + e.getMessage(), e);
    }
  }
}
