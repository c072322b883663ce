package dev.next4j.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.next4j.codegen.PageConstructors.Services;
import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.codegen.RouteModel.Segment;
import dev.next4j.codegen.RouteModel.Special;
import dev.next4j.runtime.NextConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Routes}: the route table in matching order, and one params record per route with
 * an {@code href()} that builds its URL.
 *
 * <pre>{@code
 * public static RouteTable table() {
 *   return TableBuilder.of(
 *           Route.<Index>page("/", new Params<>(0), new com.acme.pages.Index()), // src/.../pages/Index.java implements Page<Routes.Index>
 *           Route.<BlogSlug>page("/blog/[slug]", new Params<>(1), new com.acme.pages.blog.$slug(), literal("blog"), param("slug"))) // ...
 *       .notFound(new com.acme.pages._404()) // src/main/java/com/acme/pages/_404.java implements ErrorPage
 *       .build();
 * }
 * private static final class Params<P extends Record> implements ParamsFactory<P> {
 *   ...
 *   public P params(Request r) {
 *     return (P) switch (route) {
 *       case 0 -> new Index();
 *       case 1 -> new BlogSlug(r.param("slug"));
 *       ...
 * public record BlogSlug(String slug) { ... public String href() { return "/blog/" + Routes.encode(slug); } }
 * }</pre>
 *
 * <p>Every table line ends in a comment naming its page file and what it must implement, and the
 * record is an explicit type argument: when a page does not implement its route's interface with
 * its record, javac reports one plain error ({@code $slug cannot be converted to Page<BlogSlug>})
 * and quotes that line, which leads to the file. Page classes are written fully qualified, so no
 * import can clash with a record's name.
 *
 * <p>Each route's segments are written out already split and classified ({@code literal}, {@code
 * param}, {@code catchAll}, {@code optionalCatchAll} from {@code dev.next4j.runtime.generated.Segment}),
 * in the order {@link RouteOrder} decided, after {@link RouteValidator} checked them: the runtime
 * trusts the table and builds its trie from it without parsing, checking or sorting.
 *
 * <p>Params records are built by one {@code Params} class per table class, switching on the
 * route's index, not by a lambda per route: the JVM spins a class for each lambda when it is first
 * evaluated, and on a site of a hundred pages that was most of the server's startup.
 */
final class RoutesWriter {
  static final ClassName ROUTE = ClassName.get("dev.next4j.runtime.generated", "Route");
  static final ClassName ROUTE_TABLE = ClassName.get("dev.next4j.runtime", "RouteTable");
  static final ClassName TABLE_BUILDER = ClassName.get("dev.next4j.runtime.generated", "TableBuilder");
  static final ClassName SEGMENT = ClassName.get("dev.next4j.runtime.generated", "Segment");
  static final ClassName PARAMS_FACTORY = ClassName.get("dev.next4j.runtime.generated", "ParamsFactory");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName LOCALE_LINKS = ClassName.get("dev.next4j.runtime.generated", "LocaleLinks");
  private static final ClassName REQUEST = ClassName.get("dev.next4j.runtime", "Request");
  private static final ClassName LIST = ClassName.get(List.class);
  private static final TypeName STRING = ClassName.get(String.class);
  private static final TypeName STRING_LIST = ParameterizedTypeName.get(LIST, ClassName.get(String.class));
  private static final TypeName ROUTE_LIST = ParameterizedTypeName.get(LIST, ROUTE);

  private final RouteModel model;
  private final List<PageRoute> routes;
  private final GeneratedNames names;
  private final ServerSettings settings;
  private final Services services;

  private RoutesWriter(
      RouteModel model, List<PageRoute> routes, GeneratedNames names, ServerSettings settings, Services services) {
    this.model = model;
    this.routes = routes;
    this.names = names;
    this.settings = settings;
    this.services = services;
  }

  /**
   * The {@code Routes} source for {@code routes}, which are in matching order; a table that {@code
   * names} splits goes into nested classes, one per part.
   */
  static JavaFile write(RouteModel model, List<PageRoute> routes, GeneratedNames names, ServerSettings settings) {
    return write(model, routes, names, settings, Services.NONE);
  }

  /**
   * The same for a site with services: with a {@code _Context}, the table is {@code
   * table(_Context context)}, and the pages {@code services} names are built with it.
   */
  static JavaFile write(
      RouteModel model, List<PageRoute> routes, GeneratedNames names, ServerSettings settings, Services services) {
    return new RoutesWriter(model, routes, names, settings, services).file();
  }

  /** The file comment both generated files start with; {@code OutputFiles} recognises its files by it. */
  static String header(RouteModel model) {
    return OutputFiles.MARKER + " from the pages in " + GeneratedNames.comment(String.join(", ", model.pagesDirs()))
        + ".\nDo not edit: the next build overwrites this file.";
  }

  static AnnotationSpec generatedAnnotation(RouteModel model) {
    return AnnotationSpec.builder(GENERATED)
        .addMember("value", "$S", NextGenerator.class.getName())
        .addMember("comments", "$S", "from " + model.pagesPackage())
        .build();
  }

  private JavaFile file() {
    TypeSpec.Builder type = TypeSpec.classBuilder(names.routes())
        .addJavadoc("The routes of the pages in {@code $L}, in matching order, with a params record for each.\n", model.pagesPackage())
        .addJavadoc("\n<p>A page implements its route's kind with its record, e.g. {@code Page<Routes.BlogSlug>}, and a\n")
        .addJavadoc("link is built from a record, so a deleted page breaks the build where it is linked:\n")
        .addJavadoc("{@code new Routes.BlogSlug(\"hello world\").href()} is {@code /blog/hello%20world}.\n")
        .addAnnotation(generatedAnnotation(model))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(table());
    for (PageRoute route : routes) {
      type.addType(record(route));
    }
    if (!routes.isEmpty() && names.tableParts().isEmpty()) {
      type.addType(paramsClass(routes));
    }
    type.addTypes(tableParts());
    if (settings.i18n() != null) {
      type.addType(locales(settings.i18n()));
    }
    type.addMethods(helpers());
    JavaFile.Builder file = JavaFile.builder(names.routes().packageName(), type.build())
        .addFileComment("$L", header(model))
        .skipJavaLangImports(true)
        .indent("  ");
    String[] factories = routes.stream().flatMap(r -> r.segments().stream())
        .map(RoutesWriter::segmentFactory).distinct().sorted().toArray(String[]::new);
    if (factories.length > 0) {
      file.addStaticImport(SEGMENT, factories);
    }
    return file.build();
  }

  // ---- the table ----

  private MethodSpec table() {
    List<Special> specials = model.specials();
    CodeBlock.Builder code = CodeBlock.builder();
    if (routes.isEmpty()) {
      code.add("return $T.of()\n", TABLE_BUILDER);
    } else if (names.tableParts().isEmpty()) {
      code.add("return $T.of(\n$>$>$>$>", TABLE_BUILDER);
      for (int i = 0; i < routes.size(); i++) {
        PageRoute route = routes.get(i);
        String after = i < routes.size() - 1 ? "," : ")";
        code.add("$L$L // $L\n", entry(route, i), after, comment(route));
      }
      code.add("$<$<$<$<");
    } else {
      // A table this big cannot be one expression, nor one class: the JVM limits a method's code to
      // 64 KiB and a class's constants to 65,535. Each part is a class of its own.
      code.addStatement("$T routes = new $T<>($L)", ROUTE_LIST, ClassName.get(ArrayList.class), routes.size());
      for (String part : names.tableParts()) {
        code.addStatement(services.contextClass().isPresent() ? "$L.addTo(routes, context)" : "$L.addTo(routes)", part);
      }
      code.add("return $T.of(routes)\n", TABLE_BUILDER);
    }
    code.add("$>$>");
    for (Special special : specials) {
      code.add(".$L(new $L($L)) // $L implements $L\n", withMethod(special), special.pageClass(),
          arguments(special.pageClass()), GeneratedNames.comment(special.source()), specialInterface(special));
    }
    code.add(".build();\n$<$<");
    MethodSpec.Builder table = MethodSpec.methodBuilder("table")
        .addJavadoc("The route table in Next.js matching order, each page made by a direct constructor call, each\n")
        .addJavadoc("route's segments already split, so the runtime builds its trie without parsing or sorting.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ROUTE_TABLE);
    services.contextClass().ifPresent(unused -> table
        .addJavadoc("The pages whose constructor takes {@code $L} get {@code context}.\n", PageConstructors.CONTEXT)
        .addParameter(services.contextName(), "context"));
    return table.addCode(code.build()).build();
  }

  /** The nested classes of a split table, each adding its share of the routes in order. */
  private List<TypeSpec> tableParts() {
    List<TypeSpec> parts = new ArrayList<>();
    int size = names.routesPerPart();
    for (int n = 0; n < names.tableParts().size(); n++) {
      int from = n * size;
      List<PageRoute> chunk = routes.subList(from, Math.min(routes.size(), from + size));
      MethodSpec.Builder addTo = MethodSpec.methodBuilder("addTo")
          .addModifiers(Modifier.STATIC)
          .addParameter(ROUTE_LIST, "routes");
      services.contextClass().ifPresent(context -> addTo.addParameter(services.contextName(), "context"));
      for (int i = 0; i < chunk.size(); i++) {
        PageRoute route = chunk.get(i);
        addTo.addCode("routes.add($L); // $L\n", entry(route, i), comment(route));
      }
      parts.add(TypeSpec.classBuilder(names.tableParts().get(n))
          .addJavadoc("$L of the table.\n", chunk.size() == 1
              ? "Route " + (from + 1) : "Routes " + (from + 1) + " to " + (from + chunk.size()))
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
          .addMethod(addTo.build())
          .addType(paramsClass(chunk))
          .build());
    }
    return parts;
  }

  /**
   * {@code Route.<BlogSlug>page("/blog/[slug]", new Params<>(1), new com.acme.pages.blog.$slug(),
   * literal("blog"), param("slug"))}, {@code index} being the route's place in its table class.
   */
  private CodeBlock entry(PageRoute route, int index) {
    // The explicit type argument makes javac say "$slug cannot be converted to Page<BlogSlug>"
    // rather than report an inference failure.
    String record = names.record(route).simpleName();
    CodeBlock.Builder entry = CodeBlock.builder().add("$T.<$L>$L($S, new $L<>($L), ", ROUTE,
        record, factory(route), route.pattern(), GeneratedNames.PARAMS, index);
    if (route.kind() == RouteModel.Kind.STATIC) {
      // A static page's records become the URLs to prerender through their href().
      entry.add("$L::href, ", record);
    }
    entry.add("new $L($L)", route.pageClass(), arguments(route.pageClass()));
    for (Segment segment : route.segments()) {
      // The factory's name inline, so that JavaPoet writes it through the static import.
      entry.add(", $T." + segmentFactory(segment) + "($S)", SEGMENT, segment.name());
    }
    return entry.add(")").build();
  }

  /** What {@code pageClass}'s constructor is called with: the context, or nothing. */
  private String arguments(String pageClass) {
    return services.takesContext(pageClass) ? "context" : "";
  }

  /** The {@code dev.next4j.runtime.generated.Segment} factory for {@code segment}'s kind. */
  static String segmentFactory(Segment segment) {
    return switch (segment.type()) {
      case STATIC -> "literal";
      case DYNAMIC -> "param";
      case CATCH_ALL -> "catchAll";
      case OPTIONAL_CATCH_ALL -> "optionalCatchAll";
    };
  }

  /** The class that builds the params record of each of {@code table}'s routes, by index. */
  private TypeSpec paramsClass(List<PageRoute> table) {
    TypeVariableName p = TypeVariableName.get("P", ClassName.get(Record.class));
    CodeBlock.Builder body = CodeBlock.builder().add("return (P) switch (route) {\n$>");
    for (int i = 0; i < table.size(); i++) {
      PageRoute route = table.get(i);
      body.add("case $L -> new $L($L);\n", i, names.record(route).simpleName(), paramArguments(route));
    }
    body.add("default -> throw new $T($S + route);\n", IllegalStateException.class, "no route at index ")
        .add("$<};\n");
    return TypeSpec.classBuilder(GeneratedNames.PARAMS)
        .addJavadoc("Builds each route's params record from the routed request, by the route's index.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariable(p)
        .addSuperinterface(ParameterizedTypeName.get(PARAMS_FACTORY, p))
        .addField(int.class, "route", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(int.class, "route")
            .addStatement("this.route = route")
            .build())
        .addMethod(MethodSpec.methodBuilder("params")
            .addAnnotation(Override.class)
            .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
            .addModifiers(Modifier.PUBLIC)
            .returns(p)
            .addParameter(REQUEST, "r")
            .addCode(body.build())
            .build())
        .build();
  }

  /** The comment that ends a table line: the page file, and what it implements. */
  private String comment(PageRoute route) {
    String kind = switch (route.kind()) {
      case PAGE -> "Page";
      case STATIC -> "StaticPage";
      case API -> "ApiRoute";
    };
    return GeneratedNames.comment(route.source()) + " implements " + kind + "<Routes." + names.record(route).simpleName() + ">";
  }

  private static String factory(PageRoute route) {
    return switch (route.kind()) {
      case PAGE -> "page";
      case STATIC -> "staticPage";
      case API -> "api";
    };
  }

  private static CodeBlock paramArguments(PageRoute route) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (Segment param : route.params()) {
      arguments.add(CodeBlock.of("r.$L($S)", param.isCatchAll() ? "params" : "param", param.name()));
    }
    return CodeBlock.join(arguments, ", ");
  }

  private static String specialInterface(Special special) {
    return switch (special.kind()) {
      case APP -> "App";
      case MIDDLEWARE -> "Middleware";
      case NOT_FOUND, ERROR -> "ErrorPage";
    };
  }

  private static String withMethod(Special special) {
    return switch (special.kind()) {
      case APP -> "app";
      case MIDDLEWARE -> "middleware";
      case NOT_FOUND -> "notFound";
      case ERROR -> "error";
    };
  }

  // ---- one record per route ----

  private TypeSpec record(PageRoute route) {
    ClassName name = names.record(route);
    List<String> components = GeneratedNames.components(route);
    List<Segment> params = route.params();
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    MethodSpec.Builder checks = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    for (int i = 0; i < params.size(); i++) {
      Segment param = params.get(i);
      String component = components.get(i);
      constructor.addParameter(ParameterSpec.builder(param.isCatchAll() ? STRING_LIST : STRING, component).build());
      if (param.isCatchAll()) {
        checks.addStatement("$L = $T.requireSegments($S, $L, $L)", component, names.routes(), component, component,
            param.type() == Segment.Type.OPTIONAL_CATCH_ALL);
      } else {
        checks.addStatement("$T.requireSegment($S, $L)", names.routes(), component, component);
      }
    }
    TypeSpec.Builder record = TypeSpec.recordBuilder(name)
        .addJavadoc("{@code $L}: {@code $L}.\n", route.pattern(), GeneratedNames.comment(route.source()))
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(constructor.build());
    if (!params.isEmpty()) {
      record.addMethod(checks.build());
    }
    record.addMethod(MethodSpec.methodBuilder("href")
        .addModifiers(Modifier.PUBLIC)
        .returns(STRING)
        .addStatement("return $L", href(route, components))
        .build());
    if (settings.i18n() != null && route.kind() != RouteModel.Kind.API) {
      record.addMethods(localizedHrefs(settings.i18n()));
    }
    return record.build();
  }

  /**
   * The expression for a route's URL: the base path, then the segments, static ones as literals.
   * An optional catch-all with no segments gives its folder's path ({@code /shop}, or {@code /}).
   */
  private CodeBlock href(PageRoute route, List<String> components) {
    String prefix = settings.basePath();
    List<CodeBlock> parts = new ArrayList<>();
    boolean optionalCatchAll = false;
    int component = 0;
    for (Segment segment : route.segments()) {
      String name = segment.isParam() ? components.get(component++) : "";
      switch (segment.type()) {
        case STATIC -> prefix += "/" + segment.name();
        case DYNAMIC -> parts.add(CodeBlock.of("$S + $T.encode($L)", prefix + "/", names.routes(), name));
        case CATCH_ALL -> parts.add(CodeBlock.of("$S + $T.join($L)", prefix + "/", names.routes(), name));
        case OPTIONAL_CATCH_ALL -> {
          String bare = parts.isEmpty() && prefix.isEmpty() ? "/" : prefix;
          parts.add(CodeBlock.of("$L.isEmpty() ? $S : $S + $T.join($L)", name, bare, prefix + "/", names.routes(), name));
          optionalCatchAll = true;
        }
      }
      prefix = segment.isParam() ? "" : prefix;
    }
    if (parts.isEmpty()) {
      String path = prefix.isEmpty() ? "/" : prefix;
      return CodeBlock.of("$S", settings.trailingSlash() && !path.endsWith("/") ? path + "/" : path);
    }
    if (!prefix.isEmpty()) {
      parts.add(CodeBlock.of("$S", prefix));
    }
    if (optionalCatchAll && parts.size() > 1) {
      // The optional catch-all's conditional is last (a catch-all ends a route): parenthesise it in a sum.
      parts.set(parts.size() - 1, CodeBlock.of("($L)", parts.get(parts.size() - 1)));
    }
    CodeBlock path = CodeBlock.join(parts, " + ");
    return settings.trailingSlash() ? CodeBlock.of("$T.withTrailingSlash($L)", names.routes(), path) : path;
  }

  // ---- i18n: the site's locales, and each page's URL in one ----

  /**
   * {@code Routes.Locales}: one constant per configured locale, so that a link to a locale the site
   * does not declare does not compile, and the {@code LocaleLinks} the records' localized {@code
   * href}s ask.
   */
  private TypeSpec locales(NextConfig.I18n i18n) {
    ClassName locales = names.routes().nestedClass(GeneratedNames.LOCALES);
    List<String> constants = GeneratedNames.localeConstants(i18n.locales());
    TypeSpec.Builder type = TypeSpec.enumBuilder(locales)
        .addJavadoc("The locales of the site's i18n config, for a page's URL in one: a page record's\n")
        .addJavadoc("{@code href(Routes.Locales.$L)}. A locale the config does not list is not a constant.\n",
            constants.get(constants.size() - 1))
        .addModifiers(Modifier.PUBLIC);
    for (int i = 0; i < constants.size(); i++) {
      String tag = i18n.locales().get(i);
      type.addEnumConstant(constants.get(i), TypeSpec.anonymousClassBuilder("$S", tag)
          .addJavadoc(tag.equals(i18n.defaultLocale())
              ? "{@code $L}, the default locale: its URLs have no locale prefix.\n" : "{@code $L}.\n",
              GeneratedNames.comment(tag))
          .build());
    }
    String list = String.join(", ", i18n.locales());
    return type
        .addField(FieldSpec.builder(LOCALE_LINKS, "LINKS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T(\n$>$>$L,\n$S, $L)$<$<", LOCALE_LINKS, ServerWriter.i18n(i18n), settings.basePath(),
                settings.trailingSlash())
            .build())
        .addField(STRING, "tag", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(STRING, "tag")
            .addStatement("this.tag = tag")
            .build())
        .addMethod(MethodSpec.methodBuilder("tag")
            .addJavadoc("The locale as configured, and as {@code request.locale()} gives it.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(STRING)
            .addStatement("return tag")
            .build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addJavadoc("The locale {@code tag} names, ignoring case ({@code Locales.of(request.locale())}); a tag\n")
            .addJavadoc("that is not one of the site's locales is an {@code IllegalArgumentException}.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(locales)
            .addParameter(STRING, "tag")
            .addStatement("$T.requireNonNull(tag, $S)", Objects.class, "tag")
            .beginControlFlow("for ($T locale : values())", locales)
            .beginControlFlow("if (locale.tag.equalsIgnoreCase(tag))")
            .addStatement("return locale")
            .endControlFlow()
            .endControlFlow()
            .addStatement("throw new $T($S + tag + $S)", IllegalArgumentException.class, "not a locale of this site: \"",
                "\" (its i18n locales are [" + list + "])")
            .build())
        .build();
  }

  /**
   * A page record's {@code href(Locales locale)}, and with domain routing {@code href(Locales
   * locale, Request here)}, which links to the domain serving the locale as Next.js does on a locale
   * domain. API routes get none: Next.js does not localize {@code /api} links.
   */
  private List<MethodSpec> localizedHrefs(NextConfig.I18n i18n) {
    ClassName locales = names.routes().nestedClass(GeneratedNames.LOCALES);
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(MethodSpec.methodBuilder("href")
        .addJavadoc("This page's URL in {@code locale}: the default locale's has no prefix, another's has it after\n")
        .addJavadoc("the base path ({@code <Link locale=\"fr\">}).\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(STRING)
        .addParameter(locales, "locale")
        .addStatement("return $T.LINKS.href(locale.tag(), href())", locales)
        .build());
    if (!i18n.domains().isEmpty()) {
      methods.add(MethodSpec.methodBuilder("href")
          .addJavadoc("This page's URL in {@code locale} for a link on the page that answers {@code here}: on one of\n")
          .addJavadoc("the i18n domains, the URL on the domain that serves {@code locale}, if one does.\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(STRING)
          .addParameter(locales, "locale")
          .addParameter(REQUEST, "here")
          .addStatement("return $T.LINKS.href(locale.tag(), href(), here)", locales)
          .build());
    }
    return methods;
  }

  // ---- private helpers the records call, written only when some record needs them ----

  private List<MethodSpec> helpers() {
    boolean single = routes.stream().flatMap(r -> r.params().stream()).anyMatch(p -> !p.isCatchAll());
    boolean catchAll = routes.stream().flatMap(r -> r.params().stream()).anyMatch(Segment::isCatchAll);
    boolean dynamicTrailingSlash = settings.trailingSlash() && routes.stream().anyMatch(r -> !r.params().isEmpty());
    List<MethodSpec> helpers = new ArrayList<>();
    if (single) {
      helpers.add(MethodSpec.methodBuilder("requireSegment")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addParameter(STRING, "name")
          .addParameter(STRING, "value")
          .addStatement("$T.requireNonNull(value, name)", Objects.class)
          .beginControlFlow("if (value.isEmpty())")
          .addStatement("throw new $T(name + $S)", IllegalArgumentException.class, " must not be empty")
          .endControlFlow()
          .build());
    }
    if (catchAll) {
      helpers.add(MethodSpec.methodBuilder("requireSegments")
          .addJavadoc("{@code values}, copied; a required catch-all has at least one, and none is empty.\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(STRING_LIST)
          .addParameter(STRING, "name")
          .addParameter(STRING_LIST, "values")
          .addParameter(TypeName.BOOLEAN, "optional")
          .addStatement("$T copy = $T.copyOf($T.requireNonNull(values, name))", STRING_LIST, LIST, Objects.class)
          .beginControlFlow("if (!optional && copy.isEmpty())")
          .addStatement("throw new $T(name + $S)", IllegalArgumentException.class, " must have at least one segment")
          .endControlFlow()
          .beginControlFlow("if (copy.contains($S))", "")
          .addStatement("throw new $T(name + $S + copy)", IllegalArgumentException.class, " must not have an empty segment: ")
          .endControlFlow()
          .addStatement("return copy")
          .build());
      helpers.add(MethodSpec.methodBuilder("join")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(STRING)
          .addParameter(STRING_LIST, "segments")
          .addStatement("return segments.stream().map($T::encode).collect($T.joining($S))",
              names.routes(), Collectors.class, "/")
          .build());
    }
    if (single || catchAll) {
      helpers.add(MethodSpec.methodBuilder("encode")
          .addJavadoc("Percent-encodes every UTF-8 byte but {@code A-Z a-z 0-9 - . _ ~}, so that decoding the\n")
          .addJavadoc("segment once, as the router does, gives back exactly {@code segment}.\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(STRING)
          .addParameter(STRING, "segment")
          .addStatement("$T out = new $T(segment.length())", StringBuilder.class, StringBuilder.class)
          .beginControlFlow("for (byte b : segment.getBytes($T.UTF_8))", StandardCharsets.class)
          .addStatement("int c = b & 0xff")
          .beginControlFlow(
              "if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~')")
          .addStatement("out.append((char) c)")
          .nextControlFlow("else")
          .addStatement("out.append('%').append($S.charAt(c >> 4)).append($S.charAt(c & 0xf))", "0123456789ABCDEF",
              "0123456789ABCDEF")
          .endControlFlow()
          .endControlFlow()
          .addStatement("return out.toString()")
          .build());
    }
    if (dynamicTrailingSlash) {
      helpers.add(MethodSpec.methodBuilder("withTrailingSlash")
          .addJavadoc("{@code path} with a trailing slash ({@code trailingSlash} is on), unless its last segment\n")
          .addJavadoc("looks like a file name ({@code a.txt}), which Next.js serves without one.\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(STRING)
          .addParameter(STRING, "path")
          .addStatement("$T last = path.substring(path.lastIndexOf('/') + 1)", STRING)
          .addStatement("return path.endsWith($S) || last.matches($S) ? path : path + $S", "/", "[^/]+\\.\\w+", "/")
          .build());
    }
    return helpers;
  }
}
