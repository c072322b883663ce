package dev.next4j.maven;

import dev.next4j.build.MainClass;
import dev.next4j.image.ImageBuilder;
import dev.next4j.image.ImageException;
import dev.next4j.image.ImageLayout;
import dev.next4j.image.ImageLog;
import dev.next4j.image.ImageSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Builds a container image of the site with Jib, without a Docker daemon, and writes it to {@code
 * target/<finalName>-image.tar} ({@code docker load -i} takes it), or pushes it to a registry with
 * {@code -Dnext.image.push}. Run it after the build:
 *
 * <pre>
 * mvn package next:image
 * docker load -i target/my-site-1.0-image.tar &amp;&amp; docker run -p 3000:3000 my-site:1.0
 * </pre>
 *
 * <p>Layers, from the least to the most often changed: {@code /app/libs} (the dependencies), {@code
 * /app/runtime} (next-runtime), {@code /app/classes} (the site's classes and resources), {@code
 * /app/prerendered} (prerendered pages, when there are any). The entrypoint runs the runnable jar's
 * main class on that class path, in {@code /app}, with {@code PORT} set and the port exposed. When
 * {@code mvn next:build -Dnext.aot} left an AOT cache beside the jar (JDK 25 and newer), the image
 * runs that jar with the cache instead; an AppCDS archive (older JDKs) is tied to the jar's path on
 * this machine and is left out, with a warning. The same files give the same image digest: Jib
 * fixes every time stamp.
 *
 * <p>A registry base (the default {@code eclipse-temurin:17-jre}) is pulled from its registry, with
 * the credentials of {@code ~/.docker/config.json}; {@code scratch} and {@code tar://<file>} (a
 * {@code docker save} tarball) need no network.
 */
@Mojo(
    name = "image",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public final class ImageMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${settings.offline}", readonly = true)
  private boolean offline;

  /**
   * The image to build on: a registry image ({@code eclipse-temurin:21-jre}, {@code
   * registry.example.com/base/java:17}), {@code scratch} (nothing: only for tests, it has no
   * {@code java}), or {@code tar://<file>}, a {@code docker save} tarball relative to the project.
   * It must have {@code java} on its {@code PATH}.
   */
  @Parameter(property = "next.image.base", defaultValue = ImageSpec.DEFAULT_BASE, required = true)
  private String base;

  /** The image's name and tag; with {@code push}, the registry it goes to, e.g. {@code registry.example.com/team/site:1.0}. */
  @Parameter(property = "next.image.tag", defaultValue = "${project.artifactId}:${project.version}", required = true)
  private String tag;

  /** Where the image is written when it is not pushed. */
  @Parameter(
      property = "next.image.tarball",
      defaultValue = "${project.build.directory}/${project.build.finalName}-image.tar",
      required = true)
  private File tarball;

  /** Push the image to the registry {@code tag} names instead of writing the tarball. */
  @Parameter(property = "next.image.push", defaultValue = "false")
  private boolean push;

  /** {@code Docker} (the default: what {@code docker load} and every registry take) or {@code OCI}. */
  @Parameter(property = "next.image.format", defaultValue = "Docker", required = true)
  private String format;

  /** The port the server listens on in the container: exposed, and set as {@code PORT}. */
  @Parameter(property = "next.image.port", defaultValue = "3000")
  private int port;

  /** JVM options put before the class path, e.g. {@code -XX:MaxRAMPercentage=75} (comma-separated on the command line). */
  @Parameter(property = "next.image.jvmFlags")
  private List<String> jvmFlags;

  /** More environment variables for the container, e.g. {@code <environment><TZ>UTC</TZ></environment>}. */
  @Parameter
  private Map<String, String> environment;

  /** More image labels; the image always gets {@code org.opencontainers.image.title} and {@code .version}. */
  @Parameter
  private Map<String, String> labels;

  /** Prerendered pages to ship in their own layer at {@code /app/prerendered}; absent or empty means none. */
  @Parameter(property = "next.image.prerendered", defaultValue = "${project.build.directory}/next/prerendered")
  private File prerenderedDirectory;

  /**
   * The class the image starts, when it is your own server rather than the generated {@code
   * NextServer}: a class of this project with a {@code main} method (a custom server).
   */
  @Parameter(property = "next.mainClass")
  private String mainClass;

  /** Where the generate goal wrote {@code NextServer} (the generate goal's {@code outputDirectory}). */
  @Parameter(
      property = "next.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/next",
      required = true)
  private File outputDirectory;

  /** Skips building the image. */
  @Parameter(property = "next.image.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping next:image");
      return;
    }
    if (!Packaging.isJarProject(project)) {
      getLog().info("Skipping next:image: the packaging is " + project.getPackaging() + ", not jar");
      return;
    }
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    String main = Packaging.call(() -> MainClass.resolve(
        Optional.ofNullable(mainClass).filter(s -> !s.isBlank()), classes, outputDirectory.toPath(),
        project.getBasedir().toPath()));
    ImageLayout.Site site = new ImageLayout.Site(
        classes, classPath(), Optional.of(prerenderedDirectory.toPath()), main,
        jvmFlags == null ? List.of() : jvmFlags, ImageLayout.Archive.beside(Packaging.jar(project), mavenLog()));
    Map<String, String> allLabels = new LinkedHashMap<>();
    allLabels.put("org.opencontainers.image.title", project.getArtifactId());
    allLabels.put("org.opencontainers.image.version", project.getVersion());
    if (labels != null) {
      allLabels.putAll(labels);
    }
    Path work = Packaging.workDirectory(project);
    ImageSpec spec = new ImageSpec(
        base, tag, tarball.toPath(), push, format, port, environment == null ? Map.of() : environment, allLabels,
        project.getBasedir().toPath(), work.resolve("image-cache"), offline);

    ImageLayout layout;
    ImageBuilder.Result result;
    try {
      layout = ImageLayout.of(site);
      site.archive().ifPresent(archive -> getLog().info(
          "Using the AOT cache " + Packaging.relative(project, archive.archive()) + ": the image runs "
              + Packaging.relative(project, archive.jar()) + " with it"));
      result = ImageBuilder.build(spec, layout, mavenLog());
      Files.createDirectories(work);
      Files.writeString(work.resolve("image.digest"), result.digest() + "\n", StandardCharsets.UTF_8);
      Files.writeString(work.resolve("image.id"), result.imageId() + "\n", StandardCharsets.UTF_8);
    } catch (ImageException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted while building the image", e);
    }
    StringBuilder layers = new StringBuilder();
    for (ImageLayout.Layer layer : layout.layers()) {
      layers.append(layers.length() == 0 ? "" : ", ").append(layer.name()).append(" (").append(layer.entries().size())
          .append(layer.entries().size() == 1 ? " file)" : " files)");
    }
    getLog().info("Image " + result.reference() + " " + result.digest() + " on " + base + ": " + layers);
    getLog().info(result.pushed()
        ? "Pushed " + result.reference()
        : "Wrote " + Packaging.relative(project, tarball.toPath()) + "; load it with: docker load -i "
            + Packaging.relative(project, tarball.toPath()));
  }

  /** The runtime class path in Maven's order, next-runtime marked. */
  private List<ImageLayout.Jar> classPath() throws MojoFailureException {
    List<ImageLayout.Jar> jars = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getFile() == null || !artifact.getArtifactHandler().isAddedToClasspath()) {
        continue;
      }
      if (!artifact.getFile().isFile()) {
        throw new MojoFailureException("The dependency " + artifact.getId() + " is the folder " + artifact.getFile()
            + ", not a jar: run the package phase in the same command, e.g. mvn package next:image");
      }
      boolean runtime = Packaging.GROUP_ID.equals(artifact.getGroupId()) && Packaging.RUNTIME.equals(artifact.getArtifactId());
      jars.add(new ImageLayout.Jar(artifact.getFile().getName(), artifact.getFile().toPath(), runtime));
    }
    return jars;
  }

  private ImageLog mavenLog() {
    return new ImageLog() {
      @Override
      public void info(String message) {
        getLog().info(message);
      }

      @Override
      public void warn(String message) {
        getLog().warn(message);
      }
    };
  }
}
