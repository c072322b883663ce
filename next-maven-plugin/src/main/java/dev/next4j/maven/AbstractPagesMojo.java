package dev.next4j.maven;

import dev.next4j.codegen.GeneratorConfig;
import dev.next4j.codegen.RuleSpec;
import dev.next4j.codegen.ServerEngine;
import dev.next4j.runtime.NextConfig;
import dev.next4j.codegen.ServerSettings;
import dev.next4j.codegen.TemplateSources;
import dev.next4j.runtime.RouteRule.Kind;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters that say where the pages are and how the generated server behaves, shared by the
 * goals that generate the routes ({@code next:generate}, and {@code next:run} on every change), so
 * both read the same {@code <configuration>} the same way.
 */
public abstract class AbstractPagesMojo extends AbstractMojo {
  /**
   * The package that holds the pages, e.g. {@code com.acme.pages}. By default, the one package
   * under the source roots whose last name is {@code pages}.
   */
  @Parameter(property = "next.pagesPackage")
  private String pagesPackage;

  /**
   * The package for the generated {@code Routes} and {@code NextServer}. By default, the pages
   * package's parent ({@code com.acme} for {@code com.acme.pages}).
   */
  @Parameter(property = "next.generatedPackage")
  private String generatedPackage;

  /** Where the generated sources go; added as a compile source root. */
  @Parameter(property = "next.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/next")
  private File outputDirectory;

  /**
   * The route manifest: one tab-separated line per route ({@code pattern kind class source}), read
   * by the production build's route report.
   */
  @Parameter(property = "next.manifestFile", defaultValue = "${project.build.directory}/next/routes.tsv")
  private File manifestFile;

  /**
   * The path prefix the site lives under, e.g. {@code /docs} (Next.js's {@code basePath}). Empty
   * for none; otherwise it starts with {@code /} and does not end with one.
   */
  @Parameter(property = "next.basePath", defaultValue = "")
  private String basePath;

  /** Whether URLs end in a slash ({@code /about/}); the other form is redirected with a 308. */
  @Parameter(property = "next.trailingSlash", defaultValue = "false")
  private boolean trailingSlash;

  /** Whether responses carry an {@code X-Powered-By} header. */
  @Parameter(property = "next.poweredByHeader", defaultValue = "true")
  private boolean poweredByHeader;

  /** Whether pages carry an {@code ETag} and answer {@code If-None-Match} with 304. */
  @Parameter(property = "next.generateEtags", defaultValue = "true")
  private boolean generateEtags;

  /** Whether responses are gzip-compressed for clients that accept it. */
  @Parameter(property = "next.compress", defaultValue = "true")
  private boolean compress;

  /**
   * The largest request body accepted, in bytes; a larger one is answered with 413 (Next.js's
   * {@code api.bodyParser.sizeLimit}).
   */
  @Parameter(property = "next.bodySizeLimit", defaultValue = "1048576")
  private long bodySizeLimit;

  /**
   * Redirects (Next.js's {@code redirects()}), in order; the first match answers. See {@link
   * Redirect}.
   */
  @Parameter
  private List<Redirect> redirects;

  /** Rewrites run after files and static pages, before dynamic routes (a plain {@code rewrites()} list). */
  @Parameter
  private List<Rewrite> rewrites;

  /** Rewrites run before files and pages ({@code rewrites().beforeFiles}). */
  @Parameter
  private List<Rewrite> beforeFilesRewrites;

  /** Rewrites run when no page or dynamic route answered ({@code rewrites().fallback}). */
  @Parameter
  private List<Rewrite> fallbackRewrites;

  /** Response headers for matching paths (Next.js's {@code headers()}). See {@link Header}. */
  @Parameter
  private List<Header> headers;

  /**
   * Whether the trailing-slash 308s are left out (Next.js's {@code skipTrailingSlashRedirect}): a
   * path is served with or without its trailing slash.
   */
  @Parameter(property = "next.skipTrailingSlashRedirect", defaultValue = "false")
  private boolean skipTrailingSlashRedirect;

  /** Whether rule sources match with case (Next.js's {@code experimental.caseSensitiveRoutes}). */
  @Parameter(property = "next.caseSensitiveRoutes", defaultValue = "false")
  private boolean caseSensitiveRoutes;

  /**
   * i18n sub-path routing (Next.js's {@code i18n}): {@code <locales>}, {@code <defaultLocale>},
   * {@code <localeDetection>} and {@code <domains>}; checked when generating ({@code
   * next.invalid-i18n}).
   */
  @Parameter
  private I18n i18n;

  /**
   * The jte templates' folder ({@code .jte} files; jte's own convention). When it exists, the
   * templates are compiled to Java into {@code templatesOutputDirectory}, a compile source root.
   */
  @Parameter(property = "next.templatesDirectory", defaultValue = "${project.basedir}/src/main/jte")
  private File templatesDirectory;

  /** Where the Java sources compiled from the jte templates go. */
  @Parameter(property = "next.templatesOutputDirectory", defaultValue = "${project.build.directory}/generated-sources/jte")
  private File templatesOutputDirectory;

  /** Skips this goal; for {@code next:generate}, the generated folder is then not added as a source root. */
  @Parameter(property = "next.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The generator's configuration, looking for the pages package under {@code sourceRoots}. */
  GeneratorConfig generatorConfig(List<Path> sourceRoots) {
    return new GeneratorConfig(
        project.getBasedir().toPath(),
        sourceRoots,
        optional(pagesPackage),
        optional(generatedPackage),
        outputDirectory.toPath().toAbsolutePath().normalize(),
        manifestFile.toPath(),
        new ServerSettings(
            basePath == null ? "" : basePath, trailingSlash, poweredByHeader, generateEtags, compress, bodySizeLimit,
            rules(), caseSensitiveRoutes, i18n(), skipTrailingSlashRedirect),
        engine());
  }

  /**
   * The HTTP engine the generated {@code NextServer.main} serves on: Helidon's when the pom depends
   * on {@code dev.next4j:next-helidon} outside the test scope, else the JDK's.
   */
  private ServerEngine engine() {
    for (Dependency dependency : project.getDependencies()) {
      Optional<ServerEngine> engine =
          ServerEngine.ofDependency(dependency.getGroupId(), dependency.getArtifactId(), dependency.getScope());
      if (engine.isPresent()) {
        return engine.get();
      }
    }
    return ServerEngine.JDK;
  }

  /** The pom's {@code <i18n>} as the runtime's value (unchecked: the generator checks it), or null. */
  private NextConfig.I18n i18n() {
    if (i18n == null) {
      return null;
    }
    List<NextConfig.I18n.Domain> domains = new ArrayList<>();
    if (i18n.domains != null) {
      for (I18n.Domain d : i18n.domains) {
        domains.add(new NextConfig.I18n.Domain(d.domain == null ? "" : d.domain.trim(),
            d.defaultLocale == null ? "" : d.defaultLocale.trim(), trimmed(d.locales), Boolean.TRUE.equals(d.http)));
      }
    }
    return new NextConfig.I18n(trimmed(i18n.locales), i18n.defaultLocale == null ? "" : i18n.defaultLocale.trim(),
        !Boolean.FALSE.equals(i18n.localeDetection), domains);
  }

  private static List<String> trimmed(List<String> values) {
    return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v.trim()).toList();
  }

  /** The rules of the pom, each with its kind and its place in its list. */
  private List<RuleSpec> rules() {
    List<RuleSpec> rules = new ArrayList<>();
    for (int i = 0; redirects != null && i < redirects.size(); i++) {
      Redirect r = redirects.get(i);
      rules.add(new RuleSpec(Kind.REDIRECT, i, r.source, r.destination, r.permanent, r.statusCode, null,
          conditions(r.has), conditions(r.missing), r.basePath, r.locale));
    }
    addRewrites(rules, Kind.BEFORE_FILES, beforeFilesRewrites);
    addRewrites(rules, Kind.AFTER_FILES, rewrites);
    addRewrites(rules, Kind.FALLBACK, fallbackRewrites);
    for (int i = 0; headers != null && i < headers.size(); i++) {
      Header h = headers.get(i);
      rules.add(new RuleSpec(Kind.HEADERS, i, h.source, null, null, null,
          h.headers == null ? null : new LinkedHashMap<>(h.headers), conditions(h.has), conditions(h.missing),
          h.basePath, h.locale));
    }
    return rules;
  }

  private static void addRewrites(List<RuleSpec> rules, Kind kind, List<Rewrite> rewrites) {
    for (int i = 0; rewrites != null && i < rewrites.size(); i++) {
      Rewrite r = rewrites.get(i);
      rules.add(new RuleSpec(kind, i, r.source, r.destination, null, null, null, conditions(r.has),
          conditions(r.missing), r.basePath, r.locale));
    }
  }

  private static List<RuleSpec.ConditionSpec> conditions(List<Condition> conditions) {
    List<RuleSpec.ConditionSpec> specs = new ArrayList<>();
    for (Condition c : conditions == null ? List.<Condition>of() : conditions) {
      specs.add(new RuleSpec.ConditionSpec(c.type, c.key, c.value));
    }
    return specs;
  }

  /** The project's jte templates and where their Java goes. */
  TemplateSources templateSources() {
    return new TemplateSources(project.getBasedir().toPath(), templatesDirectory.toPath(), templatesOutputDirectory.toPath());
  }

  MavenProject project() {
    return project;
  }

  boolean skip() {
    return skip;
  }

  File outputDirectory() {
    return outputDirectory;
  }

  static Optional<String> optional(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
