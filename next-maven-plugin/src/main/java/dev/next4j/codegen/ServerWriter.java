package dev.next4j.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.next4j.codegen.PageConstructors.Services;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteRule.Condition;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code NextServer}: a {@code main} that serves the routes, and {@code app(options)} for a
 * custom server, with the pom's settings compiled in as the {@code CONFIG} constant.
 *
 * <pre>{@code
 * public static final NextConfig CONFIG = NextConfig.builder().basePath("/docs").build();
 * public static void main(String[] args) { NextApp.serve(args, NextServer::app); }
 * // with next-helidon among the dependencies: NextApp.serve(args, NextServer::app, new HelidonEngine())
 * public static NextApp app(NextOptions options) {
 *   return NextApp.create(Routes.table(), CONFIG, options, PublicFileIndex.load(NextServer.class));
 * }
 * }</pre>
 */
final class ServerWriter {
  static final ClassName NEXT_APP = ClassName.get("dev.next4j.runtime", "NextApp");
  static final ClassName NEXT_CONFIG = ClassName.get("dev.next4j.runtime", "NextConfig");
  static final ClassName NEXT_OPTIONS = ClassName.get("dev.next4j.runtime", "NextOptions");
  static final ClassName ROUTE_RULE = ClassName.get("dev.next4j.runtime", "RouteRule");
  static final ClassName KIND = ROUTE_RULE.nestedClass("Kind");
  static final ClassName CONDITION = ROUTE_RULE.nestedClass("Condition");
  static final ClassName ENV = ClassName.get("dev.next4j.runtime", "Env");
  static final ClassName PUBLIC_FILE_INDEX = ClassName.get("dev.next4j.runtime.generated", "PublicFileIndex");

  private ServerWriter() {}

  static JavaFile write(RouteModel model, GeneratedNames names, ServerSettings settings, List<RouteRule> rules) {
    return write(model, names, settings, rules, Services.NONE, ServerEngine.JDK);
  }

  /** The same for a site without services whose {@code main} serves on {@code engine}. */
  static JavaFile write(
      RouteModel model, GeneratedNames names, ServerSettings settings, List<RouteRule> rules, ServerEngine engine) {
    return write(model, names, settings, rules, Services.NONE, engine);
  }

  /**
   * The same for a site with services: with a {@code _Context}, {@code app(options)} builds it once
   * and gives it to the app to close, and {@code app(options, context)} serves over one the caller
   * built and closes.
   */
  static JavaFile write(
      RouteModel model, GeneratedNames names, ServerSettings settings, List<RouteRule> rules, Services services) {
    return write(model, names, settings, rules, services, ServerEngine.JDK);
  }

  /**
   * The server of a site with {@code services} whose {@code main} serves on {@code engine}: {@code
   * NextApp.serve(args, NextServer::app)} for the JDK's server, {@code NextApp.serve(args,
   * NextServer::app, new HelidonEngine())} for Helidon's.
   */
  static JavaFile write(RouteModel model, GeneratedNames names, ServerSettings settings, List<RouteRule> rules,
      Services services, ServerEngine engine) {
    CodeBlock serve = engine.engineClass()
        .map(type -> CodeBlock.of("$T.serve(args, $T::app, new $T())", NEXT_APP, names.server(), type))
        .orElseGet(() -> CodeBlock.of("$T.serve(args, $T::app)", NEXT_APP, names.server()));
    TypeSpec.Builder server = TypeSpec.classBuilder(names.server())
        .addJavadoc("The server of the pages in {@code $L}.\n", model.pagesPackage())
        .addJavadoc("\n<p>{@code java -cp <classpath> $L [--port <port>] [--hostname <host>]} serves them: the port\n",
            names.server().canonicalName())
        .addJavadoc("comes from {@code --port}, then the {@code PORT} variable, then 3000; the bind address from\n")
        .addJavadoc("{@code --hostname}, then {@code NEXT_HOSTNAME}, then all interfaces. A custom server calls\n")
        .addJavadoc("{@link #app(NextOptions)} instead.\n")
        .addAnnotation(RoutesWriter.generatedAnnotation(model))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addField(FieldSpec.builder(NEXT_CONFIG, "CONFIG", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The configuration from the pom, checked when this class was generated.\n")
            .initializer(config(settings, rules))
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("main")
            .addJavadoc("Serves the pages until the process is stopped, printing the URL and the route count.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(String[].class, "args")
            .addStatement(serve)
            .build());
    if (services.contextClass().isEmpty()) {
      server.addMethod(MethodSpec.methodBuilder("app")
          .addJavadoc("The app for {@code options}, not yet prepared: what a custom server calls (Next.js's\n")
          .addJavadoc("{@code next(options)}). {@code options.conf()}, when given, replaces {@link #CONFIG}.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(NEXT_APP)
          .addParameter(NEXT_OPTIONS, "options")
          .addJavadoc("The files under {@code public/} are those the build indexed into this jar.\n")
          .addStatement("return $T.create($T.table(), CONFIG, options, $T.load($T.class))",
              NEXT_APP, names.routes(), PUBLIC_FILE_INDEX, names.server())
          .build());
    } else {
      ClassName context = services.contextName();
      server.addMethod(MethodSpec.methodBuilder("app")
          .addJavadoc("The app for {@code options}, not yet prepared: what a custom server calls (Next.js's\n")
          .addJavadoc("{@code next(options)}). {@code options.conf()}, when given, replaces {@link #CONFIG}.\n")
          .addJavadoc("\n<p>Builds the site's services, {@code $L}, once$L; the app closes them after\n", context.simpleName(),
              services.contextTakesEnv() ? ", with the app's environment" : "")
          .addJavadoc("its requests in flight finished, when they are {@code AutoCloseable}.\n")
          .addJavadoc("The files under {@code public/} are those the build indexed into this jar.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(NEXT_APP)
          .addParameter(NEXT_OPTIONS, "options")
          .addCode(services.contextTakesEnv()
              ? CodeBlock.of("$T context = new $T($T.of(options));\n", context, context, ENV)
              : CodeBlock.of("$T context = new $T();\n", context, context))
          .addStatement("return $T.create($T.table(context), CONFIG, options, $T.load($T.class), context)",
              NEXT_APP, names.routes(), PUBLIC_FILE_INDEX, names.server())
          .build());
      server.addMethod(MethodSpec.methodBuilder("app")
          .addJavadoc("The app for {@code options} over services the caller built and closes (a custom server's,\n")
          .addJavadoc("a test's): {@link #app(NextOptions)} without building {@code $L}, and without closing it.\n",
              context.simpleName())
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(NEXT_APP)
          .addParameter(NEXT_OPTIONS, "options")
          .addParameter(context, "context")
          .addStatement("return $T.create($T.table(context), CONFIG, options, $T.load($T.class))",
              NEXT_APP, names.routes(), PUBLIC_FILE_INDEX, names.server())
          .build());
    }
    return JavaFile.builder(names.server().packageName(), server.build())
        .addFileComment("$L", RoutesWriter.header(model))
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** The pom's i18n as a {@code new NextConfig.I18n(...)} expression (also for {@code Routes.Locales}). */
  static CodeBlock i18n(NextConfig.I18n i18n) {
    CodeBlock.Builder domains = CodeBlock.builder();
    for (int i = 0; i < i18n.domains().size(); i++) {
      NextConfig.I18n.Domain d = i18n.domains().get(i);
      domains.add("$Lnew $T.I18n.Domain($S, $S, $L, $L)", i > 0 ? ", " : "", NEXT_CONFIG, d.domain(), d.defaultLocale(),
          strings(d.locales()), d.http());
    }
    return CodeBlock.of("new $T.I18n($L, $S, $L, $T.of($L))", NEXT_CONFIG, strings(i18n.locales()), i18n.defaultLocale(),
        i18n.localeDetection(), List.class, domains.build());
  }

  private static CodeBlock strings(List<String> values) {
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class);
    for (int i = 0; i < values.size(); i++) {
      list.add("$L$S", i > 0 ? ", " : "", values.get(i));
    }
    return list.add(")").build();
  }

  /** {@code NextConfig.defaults()}, or a builder call setting only what differs from the defaults. */
  private static CodeBlock config(ServerSettings settings, List<RouteRule> rules) {
    ServerSettings defaults = ServerSettings.defaults();
    if (settings.equals(defaults) && rules.isEmpty()) {
      return CodeBlock.of("$T.defaults()", NEXT_CONFIG);
    }
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()$>$>", NEXT_CONFIG);
    if (!settings.basePath().equals(defaults.basePath())) {
      code.add("\n.basePath($S)", settings.basePath());
    }
    if (settings.trailingSlash() != defaults.trailingSlash()) {
      code.add("\n.trailingSlash($L)", settings.trailingSlash());
    }
    if (settings.poweredByHeader() != defaults.poweredByHeader()) {
      code.add("\n.poweredByHeader($L)", settings.poweredByHeader());
    }
    if (settings.generateEtags() != defaults.generateEtags()) {
      code.add("\n.generateEtags($L)", settings.generateEtags());
    }
    if (settings.compress() != defaults.compress()) {
      code.add("\n.compress($L)", settings.compress());
    }
    if (settings.bodySizeLimit() != defaults.bodySizeLimit()) {
      code.add("\n.bodySizeLimit($L)", settings.bodySizeLimit() + "L");
    }
    if (settings.caseSensitiveRoutes()) {
      code.add("\n.caseSensitiveRoutes(true)");
    }
    if (settings.skipTrailingSlashRedirect()) {
      code.add("\n.skipTrailingSlashRedirect(true)");
    }
    if (settings.i18n() != null) {
      code.add("\n.i18n($L)", i18n(settings.i18n()));
    }
    if (!rules.isEmpty()) {
      code.add("\n.rules($>");
      for (int i = 0; i < rules.size(); i++) {
        code.add("\n$L$L", rule(rules.get(i)), i + 1 < rules.size() ? "," : "");
      }
      code.add(")$<");
    }
    return code.add("\n.build()$<$<").build();
  }

  /** The {@code RouteRule} expression of {@code rule}. */
  private static CodeBlock rule(RouteRule rule) {
    CodeBlock.Builder code = CodeBlock.builder();
    switch (rule.kind()) {
      case REDIRECT -> code.add("$T.redirect($S, $S, $L)", ROUTE_RULE, rule.source(), rule.destination(), rule.statusCode());
      case HEADERS -> {
        code.add("$T.headers($S, $T.ofEntries(", ROUTE_RULE, rule.source(), Map.class);
        int i = 0;
        for (Map.Entry<String, String> header : rule.headers().entrySet()) {
          code.add("$L$T.entry($S, $S)", i++ == 0 ? "" : ", ", Map.class, header.getKey(), header.getValue());
        }
        code.add("))");
      }
      default -> code.add("$T.rewrite($T.$L, $S, $S)", ROUTE_RULE, KIND, rule.kind().name(), rule.source(),
          rule.destination());
    }
    for (Condition condition : rule.has()) {
      code.add(".has($L)", condition(condition));
    }
    for (Condition condition : rule.missing()) {
      code.add(".missing($L)", condition(condition));
    }
    if (!rule.basePath()) {
      code.add(".basePath(false)");
    }
    if (!rule.locale()) {
      code.add(".locale(false)");
    }
    return code.build();
  }

  private static CodeBlock condition(Condition condition) {
    String factory = condition.type().configName();
    if (condition.type() == Condition.Type.HOST) {
      return CodeBlock.of("$T.host($S)", CONDITION, condition.value().orElseThrow());
    }
    return condition.value().isPresent()
        ? CodeBlock.of("$T.$L($S, $S)", CONDITION, factory, condition.key(), condition.value().get())
        : CodeBlock.of("$T.$L($S)", CONDITION, factory, condition.key());
  }
}
