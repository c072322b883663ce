package dev.next4j.maven;

import dev.next4j.codegen.Diagnostic;
import dev.next4j.codegen.GeneratedNames;
import dev.next4j.codegen.GenerationResult;
import dev.next4j.codegen.GeneratorConfig;
import dev.next4j.codegen.Messages;
import dev.next4j.codegen.NextGenerator;
import dev.next4j.codegen.ProjectPaths;
import dev.next4j.codegen.PublicFileCheck;
import dev.next4j.codegen.RouteManifest;
import dev.next4j.codegen.TemplateSources;
import dev.next4j.jte.compiler.TemplateCompiler;
import dev.next4j.runtime.generated.PublicFileIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProject;

/**
 * Scans the pages package, checks it as Next.js would, and generates {@code Routes} (the typed
 * route table) and {@code NextServer} (the server's main class) into {@code outputDirectory}, which
 * becomes a compile source root; then compiles the jte templates of {@code templatesDirectory}
 * ({@code src/main/jte}), if there is one, to Java in {@code templatesOutputDirectory}. Every
 * problem in the pages is reported at its file, then the build
 * fails once. When nothing changed since the last build, nothing is rewritten.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractPagesMojo {
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip()) {
      getLog().info("next: skipped (next.skip)");
      return;
    }
    MavenProject project = project();
    GeneratorConfig config = generatorConfig(project.getCompileSourceRoots().stream().map(Path::of).toList());
    GenerationResult result;
    try {
      result = NextGenerator.generate(config);
    } catch (IOException e) {
      throw new MojoExecutionException("next: could not generate the routes: " + e, e);
    }
    if (result instanceof GenerationResult.Failed failed) {
      List<Diagnostic> diagnostics = failed.diagnostics();
      diagnostics.forEach(diagnostic -> getLog().error(diagnostic.format()));
      throw new MojoFailureException("next: " + diagnostics.size() + (diagnostics.size() == 1 ? " problem" : " problems")
          + " found; each is listed above at its file.");
    }
    GenerationResult.Generated generated = (GenerationResult.Generated) result;
    project.addCompileSourceRoot(outputDirectory().getPath());
    generateTemplates(project);
    indexPublicFiles(project, config);
    getLog().info("next: " + generated.routeCount() + (generated.routeCount() == 1 ? " route" : " routes")
        + " in " + GeneratedNames.routesClass(generated.generatedPackage()) + " (" + generated.written().size() + " files written, "
        + generated.unchanged().size() + " unchanged)");
  }

  /**
   * Indexes {@code public/} (of the first resource folder that has one) into {@code
   * target/generated-resources/next}, which becomes a resource folder so the index and the gzip
   * variants go into the jar, and fails at both files when a public file has a page's path.
   */
  private void indexPublicFiles(MavenProject project, GeneratorConfig config)
      throws MojoExecutionException, MojoFailureException {
    Path publicDir = project.getResources().stream()
        .map(r -> Path.of(r.getDirectory()).resolve("public"))
        .filter(Files::isDirectory)
        .findFirst()
        .orElse(config.projectDir().resolve("src/main/resources/public"));
    Path resources = Path.of(project.getBuild().getDirectory(), "generated-resources", "next");
    PublicFileIndex.Written written;
    RouteManifest manifest;
    try {
      written = PublicFileIndex.write(publicDir, resources);
      manifest = RouteManifest.read(config.manifestFile());
    } catch (IOException | IllegalArgumentException e) {
      throw new MojoExecutionException("next: could not index the public files in " + publicDir + ": " + e.getMessage(), e);
    }
    Resource resource = new Resource();
    resource.setDirectory(resources.toString());
    project.addResource(resource);
    for (String link : written.skippedLinks()) {
      getLog().warn("next: public/" + link + " is a symbolic link; it is not served (copy the file into public/ instead)");
    }
    List<Diagnostic> conflicts = PublicFileCheck.check(config.projectDir(), publicDir, written.keys(), manifest);
    if (!conflicts.isEmpty()) {
      conflicts.forEach(diagnostic -> getLog().error(diagnostic.format()));
      throw new MojoFailureException("next: " + conflicts.size() + " problems found; each is listed above at its file.");
    }
    if (!written.keys().isEmpty()) {
      getLog().info("next: " + written.keys().size() + (written.keys().size() == 1 ? " public file" : " public files")
          + " indexed from " + config.projectDir().relativize(publicDir.toAbsolutePath()).toString().replace('\\', '/'));
    }
  }

  /** Whether a declared dependency gives the compiled templates jte-runtime. */
  private static boolean bringsJteRuntime(Dependency dependency) {
    return ("dev.next4j".equals(dependency.getGroupId()) && "next-jte".equals(dependency.getArtifactId()))
        || ("gg.jte".equals(dependency.getGroupId()) && dependency.getArtifactId().startsWith("jte"));
  }

  /** Compiles the jte templates, if the project has any, to a compile source root of their own. */
  private void generateTemplates(MavenProject project) throws MojoExecutionException, MojoFailureException {
    TemplateSources templates = templateSources();
    TemplateCompiler.Result result;
    try {
      result = templates.generate();
    } catch (IOException | RuntimeException e) {
      throw new MojoExecutionException(
          "next: could not compile the jte templates in " + templates.templatesDir() + ": " + e, e);
    }
    if (result instanceof TemplateCompiler.Failed failed) {
      getLog().error(templates.diagnostic(failed).format());
      throw new MojoFailureException("next: a jte template could not be compiled; it is listed above at its file.");
    }
    if (templates.present()) {
      if (project.getDependencies().stream().noneMatch(GenerateMojo::bringsJteRuntime)) {
        String folder = ProjectPaths.relative(project.getBasedir().toPath(), templates.templatesDir());
        getLog().warn(Messages.templatesWithoutRuntime(folder).text());
      }
      TemplateCompiler.Generated generated = (TemplateCompiler.Generated) result;
      project.addCompileSourceRoot(templates.outputDir().toString());
      getLog().info("next: " + generated.templates() + (generated.templates() == 1 ? " jte template" : " jte templates")
          + " compiled to " + templates.outputDir() + " (" + generated.written().size() + " files written)");
    }
  }
}
