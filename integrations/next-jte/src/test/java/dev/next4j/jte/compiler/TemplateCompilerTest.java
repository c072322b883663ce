package dev.next4j.jte.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.jte.compiler.TemplateCompiler.Failed;
import dev.next4j.jte.compiler.TemplateCompiler.Generated;
import dev.next4j.jte.compiler.TemplateCompiler.TemplateLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCompilerTest {
  @TempDir Path project;

  private Path templates() {
    return project.resolve("src/main/jte");
  }

  private Path output() {
    return project.resolve("target/generated-sources/jte");
  }

  private void write(String relative, String text) throws IOException {
    Path file = templates().resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void compilesEachTemplateToATypedClassInTheJtePackage() throws IOException {
    write("blog/post.jte", """
        @param String title
        @param int views
        <h1>${title}</h1><p>${views}</p>
        """);

    Generated generated = (Generated) TemplateCompiler.generate(templates(), output());

    Path source = output().resolve("gg/jte/generated/precompiled/blog/JtepostGenerated.java");
    assertThat(generated.templates()).isEqualTo(1);
    assertThat(generated.written()).containsExactly(source.toAbsolutePath().normalize());
    assertThat(Files.readString(source))
        .contains("package gg.jte.generated.precompiled.blog;")
        .contains("public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, "
            + "gg.jte.html.HtmlInterceptor jteHtmlInterceptor, String title, int views)");
  }

  @Test
  void aSecondRunRewritesNothingAndARemovedTemplateLosesItsSource() throws IOException {
    write("a.jte", "@param String x\n<p>${x}</p>\n");
    write("b.jte", "<p>b</p>\n");
    TemplateCompiler.generate(templates(), output());

    Generated again = (Generated) TemplateCompiler.generate(templates(), output());
    assertThat(again.written()).isEmpty();
    assertThat(again.deleted()).isEmpty();

    Files.delete(templates().resolve("b.jte"));
    write("a.jte", "@param String x\n<p>${x}!</p>\n");
    Generated third = (Generated) TemplateCompiler.generate(templates(), output());
    Path a = output().resolve("gg/jte/generated/precompiled/JteaGenerated.java").toAbsolutePath().normalize();
    Path b = output().resolve("gg/jte/generated/precompiled/JtebGenerated.java").toAbsolutePath().normalize();
    assertThat(third.written()).containsExactly(a);
    assertThat(third.deleted()).containsExactly(b);
    assertThat(b).doesNotExist();
  }

  @Test
  void aTemplateJteCannotParseFailsAtItsFileAndLineAndChangesNothing() throws IOException {
    write("ok.jte", "<p>ok</p>\n");
    TemplateCompiler.generate(templates(), output());
    write("shop/cart.jte", """
        @param String name
        <h1>${name}</h1>
        @if(name.isEmpty())
        <p>empty</p>
        """);

    Failed failed = (Failed) TemplateCompiler.generate(templates(), output());

    assertThat(failed.template()).isEqualTo("shop/cart.jte");
    assertThat(failed.line()).isEqualTo(5);
    assertThat(failed.message()).isEqualTo("Missing @endif");
    assertThat(output().resolve("gg/jte/generated/precompiled/JteokGenerated.java")).exists();
    assertThat(output().resolve("gg/jte/generated/precompiled/shop")).doesNotExist();
  }

  @Test
  void aParameterCalledParamsFailsAtItsLineInsteadOfInTheGeneratedJava() throws IOException {
    write("post.jte", """
        @import java.util.List
        @param List<String> params
        <p>${params.size()}</p>
        """);

    Failed failed = (Failed) TemplateCompiler.generate(templates(), output());

    assertThat(failed.template()).isEqualTo("post.jte");
    assertThat(failed.line()).isEqualTo(2);
    assertThat(failed.message()).startsWith("a template parameter cannot be called 'params'");
  }

  @Test
  void noTemplatesFolderMeansNoTemplatesAndNoStaleSources() throws IOException {
    write("a.jte", "<p>a</p>\n");
    TemplateCompiler.generate(templates(), output());
    Files.delete(templates().resolve("a.jte"));
    Files.delete(templates());

    Generated generated = (Generated) TemplateCompiler.generate(templates(), output());

    assertThat(generated.templates()).isZero();
    assertThat(generated.deleted()).hasSize(1);
  }

  @Test
  void aLineOfTheGeneratedSourceMapsBackToItsTemplateLine() throws IOException {
    write("blog/post.jte", """
        @param String title

        <h1>${title.toUpperCase()}</h1>
        """);
    TemplateCompiler.generate(templates(), output());
    Path source = output().resolve("gg/jte/generated/precompiled/blog/JtepostGenerated.java");
    List<String> lines = Files.readAllLines(source);
    int javaLine = 1 + indexOfLineContaining(lines, "title.toUpperCase()");

    assertThat(TemplateCompiler.templateLineOf(source, javaLine)).contains(new TemplateLine("blog/post.jte", 3));
    assertThat(TemplateCompiler.templateLineOf(source, 10_000)).isEmpty();
    assertThat(TemplateCompiler.templateLineOf(project.resolve("Missing.java"), 1)).isEmpty();
  }

  private static int indexOfLineContaining(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no line contains " + text + ": " + lines);
  }
}
