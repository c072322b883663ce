package com.acme.stamp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** Writes com.acme.Stamp, once per compile, unless the compile already sees it. */
@SupportedAnnotationTypes("*")
public final class StampProcessor extends AbstractProcessor {
  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver() || processingEnv.getElementUtils().getTypeElement("com.acme.Stamp") != null) {
      return false;
    }
    try (Writer out = processingEnv.getFiler().createSourceFile("com.acme.Stamp").openWriter()) {
      out.write("package com.acme;\n\npublic final class Stamp {\n"
          + "  public static final String TEXT = \"stamped by a processor\";\n\n  private Stamp() {\n  }\n}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }
}
