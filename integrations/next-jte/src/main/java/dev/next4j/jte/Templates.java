package dev.next4j.jte;

import dev.next4j.runtime.Response;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.Objects;

/**
 * Renders a precompiled jte template into a next4j {@link Response}, HTML-escaped by jte's
 * {@code ContentType.Html} rules: {@code ${value}} is escaped for where it stands (element text,
 * an attribute value), {@code $unsafe{value}} is not.
 *
 * <p>The templates live in {@code src/main/jte}; {@code next:generate} compiles each one to a Java
 * class in {@code target/generated-sources/jte}, package {@value #PACKAGE} plus the template's
 * folder, named {@code Jte<name>Generated} ({@code blog/post.jte} becomes {@code
 * gg.jte.generated.precompiled.blog.JtepostGenerated}). Its static {@code render} method takes the
 * template's {@code @param}s, typed, after the output and an HTML interceptor ({@code null}: none).
 * Nothing is parsed or compiled when the site runs; jte-runtime is all it needs.
 *
 * <pre>{@code
 * // src/main/jte/blog/post.jte
 * @import com.acme.Routes.BlogSlugParams
 * @param BlogSlugParams params
 * <h1>Post ${params.slug()}</h1>
 *
 * // src/main/java/com/acme/pages/blog/$slug.java
 * public final class $slug implements Page<BlogSlugParams> {
 *   public Response render(Request request, BlogSlugParams params) {
 *     return Templates.html(out -> JtepostGenerated.render(out, null, params));
 *   }
 * }
 * }</pre>
 */
public final class Templates {
  /** The package the generated template classes are in, below it the template's folders (jte's default). */
  public static final String PACKAGE = "gg.jte.generated.precompiled";

  private Templates() {}

  /** A call of one generated template's {@code render}, with its parameters already bound. */
  @FunctionalInterface
  public interface Template {
    /** Writes the template to {@code output}. */
    void render(HtmlTemplateOutput output);
  }

  /** The HTML {@code template} writes, user content escaped. */
  public static String render(Template template) {
    Objects.requireNonNull(template, "template");
    StringOutput text = new StringOutput(1024);
    template.render(new OwaspHtmlTemplateOutput(text));
    return text.toString();
  }

  /** A 200 {@code text/html; charset=utf-8} response with what {@code template} writes. */
  public static Response html(Template template) {
    return Response.html(render(template));
  }
}
