package dev.next4j.jte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.jte.compiler.TemplateCompiler;
import dev.next4j.runtime.Response;
import gg.jte.html.HtmlTemplateOutput;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
  @Test
  void userContentIsEscapedForWhereItStands() {
    String html = Templates.render(out -> {
      out.writeContent("<a href=\"");
      out.setContext("a", "href");
      out.writeUserContent("\"><script>x</script>");
      out.setContext("a", null);
      out.writeContent("\">");
      out.writeUserContent("<b>Tom & Jerry</b>");
      out.writeContent("</a>");
    });

    assertThat(html).isEqualTo("<a href=\"&#34;>&lt;script>x&lt;/script>\">&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</a>");
  }

  @Test
  void htmlIsA200HtmlResponseWithTheTemplatesOutput() {
    Response response = Templates.html(out -> out.writeContent("<p>hi</p>"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<p>hi</p>");
  }

  /** Params record in, escaped HTML out: the template compiled by jte, the Java by javac, as a build does. */
  @Test
  void aCompiledTemplateRendersATypedRecordEscaped(@TempDir Path dir) throws Exception {
    Path templates = dir.resolve("jte");
    Path sources = dir.resolve("sources");
    Path generated = dir.resolve("generated");
    Files.createDirectories(templates.resolve("blog"));
    Files.createDirectories(sources.resolve("site"));
    Files.writeString(sources.resolve("site/PostParams.java"),
        "package site; public record PostParams(String slug) {}\n");
    Files.writeString(templates.resolve("blog/post.jte"), """
        @import site.PostParams
        @param PostParams post
        <h1 title="${post.slug()}">Post ${post.slug()}</h1>
        """);
    TemplateCompiler.generate(templates, generated);
    Path classes = dir.resolve("classes");
    javac(List.of(sources, generated), classes);

    try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> params = loader.loadClass("site.PostParams");
      Object record = params.getConstructor(String.class).newInstance("<img src=x onerror=alert(1)>");
      Class<?> template = loader.loadClass(Templates.PACKAGE + ".blog.JtepostGenerated");
      Method render = template.getMethod("render", HtmlTemplateOutput.class, gg.jte.html.HtmlInterceptor.class, params);

      String html = Templates.render(out -> {
        try {
          render.invoke(null, out, null, record);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      });

      assertThat(html).isEqualTo("<h1 title=\"&lt;img src=x onerror=alert(1)>\">"
          + "Post &lt;img src=x onerror=alert(1)&gt;</h1>\n");
    }
  }

  private static void javac(List<Path> roots, Path classes) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> files = new java.util.ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(f -> f.toString().endsWith(".java")).map(Path::toString).forEach(files::add);
      }
    }
    Files.createDirectories(classes);
    List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-cp",
        Path.of(HtmlTemplateOutput.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()));
    args.addAll(files);
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    assertThat(javac.run(null, errors, errors, args.toArray(String[]::new))).as("javac: %s", errors).isZero();
  }
}
