package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.codegen.GenerationResult.Failed;
import dev.next4j.codegen.GenerationResult.Generated;
import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site's services: {@code _Context}, and the pages whose constructor takes it. */
class PageConstructorsTest {
  private static final String ROUTES = "target/generated-sources/next/com/acme/Routes.java";
  private static final String SERVER = "target/generated-sources/next/com/acme/NextServer.java";

  @TempDir Path dir;

  private Site site() {
    return new Site(dir);
  }

  private static String page(String folders, String name, String kind, String body) {
    return "package com.acme.pages" + folders + ";\n\nimport com.acme.Routes;\nimport com.acme.pages._Context;\n"
        + "import dev.next4j.runtime.*;\n\npublic final class " + name + " implements " + kind + " {\n" + body + "}\n";
  }

  /** A context built with the app's Env that writes {@code closed} to the file {@code MARKER} names when closed. */
  private Site siteWithContext() {
    return site()
        .file(Site.PAGES + "/_Context.java", "package com.acme.pages;\n\nimport dev.next4j.runtime.Env;\n\n"
            + "public final class _Context implements AutoCloseable {\n"
            + "  private final Env env;\n"
            + "  public static int built;\n"
            + "  public _Context(Env env) { this.env = env; built++; }\n"
            + "  public String greeting() { return env.get(\"GREETING\").orElse(\"none\"); }\n"
            + "  @Override public void close() throws java.io.IOException {\n"
            + "    java.nio.file.Files.writeString(java.nio.file.Path.of(env.require(\"MARKER\")), \"closed\");\n"
            + "  }\n"
            + "}\n")
        .file(Site.PAGES + "/Index.java", page("", "Index", "Page<Routes.Index>",
            "  private final _Context context;\n"
                + "  /** Takes the services. */\n"
                + "  public Index(final @SuppressWarnings(\"unused\") _Context context) { this.context = context; }\n"
                + "  public Index() { this(null); }\n"
                + "  @Override public Response render(Request request, Routes.Index params) {\n"
                + "    return Response.text(context.greeting());\n"
                + "  }\n"))
        .file(Site.PAGES + "/About.java", page("", "About", "Page<Routes.About>",
            "  @Override public Response render(Request request, Routes.About params) { return Response.text(\"about\"); }\n"))
        .file(Site.PAGES + "/api/Hello.java", page(".api", "Hello", "ApiRoute<Routes.ApiHello>",
            "  private final _Context context;\n"
                + "  public Hello(com.acme.pages._Context context) { this.context = context; }\n"
                + "  @Override public Response handle(Request request, Routes.ApiHello params) {\n"
                + "    return Response.text(\"api \" + context.greeting());\n"
                + "  }\n"))
        .file(Site.PAGES + "/_404.java", page("", "_404", "ErrorPage",
            "  private final _Context context;\n"
                + "  public _404(_Context context) { this.context = context; }\n"
                + "  @Override public Response render(Request request, int status) {\n"
                + "    return Response.text(\"missing \" + context.greeting()).withStatus(status);\n  }\n"))
        .file(".env", "GREETING=hello from .env\nMARKER=" + dir.resolve("closed.txt") + "\n");
  }

  @Test
  void pagesWhoseConstructorTakesTheContextGetItFromTheTable() throws Exception {
    assertThat(siteWithContext().generate()).isInstanceOf(Generated.class);

    String routes = Files.readString(dir.resolve(ROUTES));
    assertThat(routes).contains("public static RouteTable table(_Context context) {",
        "new com.acme.pages.Index(context)", "new com.acme.pages.About()", "new com.acme.pages.api.Hello(context)",
        ".notFound(new com.acme.pages._404(context))");
    String server = Files.readString(dir.resolve(SERVER));
    assertThat(server).contains("_Context context = new _Context(Env.of(options));",
        "return NextApp.create(Routes.table(context), CONFIG, options, PublicFileIndex.load(NextServer.class), context);",
        "public static NextApp app(NextOptions options, _Context context) {");
    assertThat(SourceMap.read(dir.resolve("target/next/generated-lines.tsv")).text())
        .contains("src/main/java/com/acme/pages/Index.java", "src/main/java/com/acme/pages/api/Hello.java",
            "src/main/java/com/acme/pages/_404.java");
  }

  @Test
  void theGeneratedServerBuildsTheContextOnceWithTheEnvAndTheAppClosesIt() throws Exception {
    Site site = siteWithContext();
    site.generate();
    Path classes = dir.resolve("classes");
    assertThat(Javac.compile(classes, site.path("src/main/java"), site.path("target/generated-sources/next"))).isEmpty();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> server = loader.loadClass("com.acme.NextServer");
      NextApp app = (NextApp) server.getMethod("app", NextOptions.class)
          .invoke(null, NextOptions.builder().dir(dir).build());
      Response index = app.handle(Request.get("/"));
      Response api = app.handle(Request.get("/api/hello"));
      Response missing = app.handle(Request.get("/nowhere"));

      assertThat(index.bodyText()).isEqualTo("hello from .env");
      assertThat(api.bodyText()).isEqualTo("api hello from .env");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.bodyText()).isEqualTo("missing hello from .env");
      assertThat(loader.loadClass("com.acme.pages._Context").getField("built").getInt(null)).isEqualTo(1);
      assertThat(dir.resolve("closed.txt")).doesNotExist();

      app.close();

      assertThat(dir.resolve("closed.txt")).hasContent("closed");
    }
  }

  @Test
  void anAppOverAContextTheCallerBuiltLeavesItOpen() throws Exception {
    Site site = siteWithContext();
    site.generate();
    Path classes = dir.resolve("classes");
    assertThat(Javac.compile(classes, site.path("src/main/java"), site.path("target/generated-sources/next"))).isEmpty();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> contextType = loader.loadClass("com.acme.pages._Context");
      Object context = contextType.getConstructor(dev.next4j.runtime.Env.class)
          .newInstance(dev.next4j.runtime.Env.load(dir, "production"));
      NextApp app = (NextApp) loader.loadClass("com.acme.NextServer").getMethod("app", NextOptions.class, contextType)
          .invoke(null, NextOptions.builder().dir(dir).build(), context);

      assertThat(app.handle(Request.get("/")).bodyText()).isEqualTo("hello from .env");
      app.close();
      assertThat(dir.resolve("closed.txt")).doesNotExist();
    }
  }

  @Test
  void aSiteWithoutAContextIsGeneratedAsBefore() throws Exception {
    site().page("Index.java", "implements Page<Routes.Index>").generate();

    assertThat(Files.readString(dir.resolve(ROUTES))).contains("public static RouteTable table() {", "new com.acme.pages.Index()");
    assertThat(Files.readString(dir.resolve(SERVER))).contains("return NextApp.create(Routes.table(), CONFIG, options,")
        .doesNotContain("_Context");
  }

  @Test
  void constructorsTheTableCannotCallFailAtTheirFile() throws Exception {
    site()
        .file(Site.PAGES + "/_Context.java", "package com.acme.pages;\n\npublic final class _Context {\n"
            + "  public _Context(String url) {}\n  _Context() {}\n}\n")
        .file(Site.PAGES + "/Index.java", page("", "Index", "Page<Routes.Index>",
            "  public Index(String name) {}\n  @Override public Response render(Request r, Routes.Index p) { return null; }\n"))
        .file(Site.PAGES + "/About.java", page("", "About", "Page<Routes.About>",
            "  private About() {}\n  @Override public Response render(Request r, Routes.About p) { return null; }\n"));

    GenerationResult result = site().generate();

    assertThat(((Failed) result).diagnostics()).extracting(Diagnostic::format).containsExactly(
        Site.PAGES + "/About.java:8: error: [next.page-constructor] The class in About.java has no constructor the route"
            + " table can call (found non-public About()); declare public About() or public About(_Context context) to get"
            + " the site's services.",
        Site.PAGES + "/Index.java:8: error: [next.page-constructor] The class in Index.java has no constructor the route"
            + " table can call (found public Index(String)); declare public Index() or public Index(_Context context) to get"
            + " the site's services.",
        Site.PAGES + "/_Context.java:4: error: [next.context-constructor] _Context in " + Site.PAGES + "/_Context.java has no"
            + " constructor the generated server can call (found public _Context(String), non-public _Context()); declare"
            + " public _Context() or public _Context(Env env), which gets the app's environment (.env files under the"
            + " process environment).");
  }

  @Test
  void aPageThatTakesAContextTheSiteDoesNotHaveFailsAtItsFile() throws Exception {
    site().file(Site.PAGES + "/Index.java", page("", "Index", "Page<Routes.Index>",
        "  public Index(_Context context) {}\n  @Override public Response render(Request r, Routes.Index p) { return null; }\n"));

    GenerationResult result = site().generate();

    assertThat(((Failed) result).diagnostics()).extracting(Diagnostic::format).containsExactly(
        Site.PAGES + "/Index.java:8: error: [next.no-context] The constructor Index(_Context) in Index.java takes the site's"
            + " services, but there is no " + Site.PAGES + "/_Context.java; write that class (public _Context() or public"
            + " _Context(Env env)), or give Index a public constructor without parameters.");
  }

  @Test
  void aContextThatIsNotAClassFails() throws Exception {
    site().page("Index.java", "implements Page<Routes.Index>")
        .file(Site.PAGES + "/_Context.java", "package com.acme.pages;\n\npublic interface _Context {}\n");

    GenerationResult result = site().generate();

    assertThat(((Failed) result).diagnostics()).extracting(Diagnostic::format).containsExactly(
        Site.PAGES + "/_Context.java:3: error: [next.context-not-a-class] " + Site.PAGES + "/_Context.java must declare a"
            + " public class (or record) named _Context: the site's services, built once when the app is made and handed"
            + " to every page whose constructor takes it.");
  }

  @Test
  void aRecordPageTakesTheContextThroughItsComponents() throws Exception {
    site().file(Site.PAGES + "/_Context.java", "package com.acme.pages;\n\npublic record _Context() {}\n")
        .file(Site.PAGES + "/Index.java", "package com.acme.pages;\n\nimport com.acme.Routes;\nimport dev.next4j.runtime.*;\n\n"
            + "public record Index(_Context context) implements Page<Routes.Index> {\n"
            + "  @Override public Response render(Request r, Routes.Index p) { return Response.text(\"x\"); }\n}\n");

    assertThat(site().generate()).isInstanceOf(Generated.class);
    assertThat(Files.readString(dir.resolve(ROUTES), StandardCharsets.UTF_8)).contains("new com.acme.pages.Index(context)");
    assertThat(Files.readString(dir.resolve(SERVER))).contains("_Context context = new _Context();");
    assertThat(Javac.compile(dir.resolve("classes"), site().path("src/main/java"),
        site().path("target/generated-sources/next"))).isEqualTo(List.of());
  }

  @Test
  void aPageThatGainsAContextConstructorIsGeneratedAgainUnderTheDevServersCache() throws Exception {
    GeneratorCache cache = new GeneratorCache();
    siteWithContext().file(Site.PAGES + "/About.java", page("", "About", "Page<Routes.About>",
        "  @Override public Response render(Request request, Routes.About params) { return Response.text(\"a\"); }\n"));
    assertThat(NextGenerator.generate(site().config(), cache)).isInstanceOf(Generated.class);
    assertThat(Files.readString(dir.resolve(ROUTES))).contains("new com.acme.pages.About()");

    // Same size and time would let the fingerprint stop early; the cache must see the new constructor.
    site().file(Site.PAGES + "/About.java", page("", "About", "Page<Routes.About>",
        "  public About(_Context context) {}\n"
            + "  @Override public Response render(Request request, Routes.About params) { return Response.text(\"b\"); }\n"));
    assertThat(NextGenerator.generate(site().config(), cache)).isInstanceOf(Generated.class);

    assertThat(Files.readString(dir.resolve(ROUTES))).contains("new com.acme.pages.About(context)");
  }
}
