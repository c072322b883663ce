package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.codegen.JavaSourceText.Declaration;
import dev.next4j.codegen.JavaSourceText.PackageLine;
import dev.next4j.codegen.JavaSourceText.Supertype;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaSourceTextTest {
  @Test
  void readsThePackageLineAfterALicenseComment() {
    JavaSourceText text = JavaSourceText.of("/*\n * Licensed under ...\n */\n// more\npackage com.acme.pages.blog;\n\nclass A {}\n", "A");

    assertThat(text.packageLine()).contains(new PackageLine("com.acme.pages.blog", 5));
  }

  @Test
  void readsAPackageNameSpreadOverSpaces() {
    assertThat(JavaSourceText.of("package com . acme\n  .pages ;", "A").packageLine()).contains(new PackageLine("com.acme.pages", 1));
  }

  @Test
  void readsAPackageLineAfterAByteOrderMark() {
    assertThat(JavaSourceText.of("\uFEFFpackage com.acme.pages;", "A").packageLine()).contains(new PackageLine("com.acme.pages", 1));
  }

  @Test
  void findsNoPackageLineWhenTheFileHasNone() {
    assertThat(JavaSourceText.of("import java.util.List;\nclass A {}", "A").packageLine()).isEqualTo(Optional.empty());
  }

  @Test
  void findsNoPackageLineInsideAComment() {
    assertThat(JavaSourceText.of("// package com.acme.pages;\nclass A {}", "A").packageLine()).isEqualTo(Optional.empty());
  }

  @Test
  void seesAnImplementedStaticPage() {
    JavaSourceText text = JavaSourceText.of("package p;\npublic final class About\n    implements Page<X>,\n    StaticPage<Routes.About> {\n}", "About");

    assertThat(text.implementsInterface("StaticPage")).isTrue();
  }

  @Test
  void seesAQualifiedStaticPage() {
    JavaSourceText text = JavaSourceText.of("package p; class About implements dev.next4j.runtime.StaticPage<Routes.About> {}", "About");

    assertThat(text.implementsInterface("StaticPage")).isTrue();
  }

  @Test
  void ignoresStaticPageInCommentsStringsAndBodies() {
    JavaSourceText text = JavaSourceText.of("package p;\n/** Not a StaticPage<X>. */\nclass About /* StaticPage<X> */ implements Page<X> {\n"
        + "  String s = \"implements StaticPage<X> {\";\n  StaticPage<X> other;\n}", "About");

    assertThat(text.implementsInterface("StaticPage")).isFalse();
  }

  @Test
  void ignoresAnotherClassThatIsAStaticPage() {
    JavaSourceText text = JavaSourceText.of("package p; class Helper implements StaticPage<X> {} class About implements Page<X> {}", "About");

    assertThat(text.implementsInterface("StaticPage")).isFalse();
  }

  @Test
  void doesNotTakeAMoreSpecificNameForTheInterface() {
    JavaSourceText text = JavaSourceText.of("package p; class About implements MyStaticPage<X> {}", "About");

    assertThat(text.implementsInterface("StaticPage")).isFalse();
  }

  @Test
  void seesAStaticPageAfterAnAnnotationWithBraces() {
    JavaSourceText text = JavaSourceText.of("package p;\n@SuppressWarnings({\"a\", \"b\"})\nclass About implements StaticPage<X> {}", "About");

    assertThat(text.implementsInterface("StaticPage")).isTrue();
  }

  @Test
  void blanksCommentsAndLiteralsButKeepsLineBreaks() {
    assertThat(JavaSourceText.blankCommentsAndLiterals("a /* b\nc */ d // e\nf \"g\\\"h\" 'i' \"\"\"\nj\"\"\" k"))
        .isEqualTo("a     \n     d     \nf               \n     k");
  }

  @Test
  void readsTheDeclarationsSupertypesWithTheirTypeArguments() {
    JavaSourceText text = JavaSourceText.of("package p;\n\n@Deprecated\npublic final class $slug<T extends Object>\n"
        + "    implements @Ann Page<Routes.BlogSlug>, java.io.Serializable, Map<String, List<T>> {\n}", "$slug");

    assertThat(text.declaration()).contains(new Declaration("class", 4, false, List.of(
        new Supertype("Page", "Routes.BlogSlug"), new Supertype("java.io.Serializable", ""),
        new Supertype("Map", "String,List<T>"))));
  }

  @Test
  void seesASuperclassAndARecordsInterfacesAfterItsComponents() {
    assertThat(JavaSourceText.of("class About extends Base<X> implements Page<Routes.About> {}", "About").declaration())
        .contains(new Declaration("class", 1, true, List.of(new Supertype("Page", "Routes.About"))));
    assertThat(JavaSourceText.of("record About(List<String> a, int b) implements dev.next4j.runtime.Page<Routes.About> {}", "About")
        .declaration())
        .contains(new Declaration("record", 1, false, List.of(new Supertype("dev.next4j.runtime.Page", "Routes.About"))));
  }

  @Test
  void readsAnInterfacesExtendsAsInterfacesAndSkipsPermits() {
    assertThat(JavaSourceText.of("sealed interface A extends Page<X>, B permits C, D {}", "A").declaration())
        .contains(new Declaration("interface", 1, false, List.of(new Supertype("Page", "X"), new Supertype("B", ""))));
  }

  @Test
  void findsNoDeclarationWhenTheFileDeclaresAnotherName() {
    assertThat(JavaSourceText.of("package p;\nclass Other implements Page<X> {}", "About").declaration()).isEmpty();
  }

  @Test
  void aPlainClassHasNoSupertypes() {
    assertThat(JavaSourceText.of("package p;\n// implements Page<X>\npublic final class About {\n}", "About").declaration())
        .contains(new Declaration("class", 3, false, List.of()));
  }

  @Test
  void readsTheConstructorsOfTheTopLevelTypeOnly() {
    JavaSourceText text = JavaSourceText.of("package p;\n"
        + "public class Index implements Page<X> {\n"
        + "  static final Index SHARED = new Index();\n"
        + "  /** Index(String) in a comment; \"Index(int)\" in a string. */\n"
        + "  public Index(@Named(\"a\") final Map<String, List<Integer>> m, _Context c) { Index.helper(); }\n"
        + "  Index() { class Inner { Inner(int i) {} } }\n"
        + "  static void helper() {}\n"
        + "}\n", "Index");

    assertThat(text.constructors()).containsExactly(
        new JavaSourceText.Constructor(5, true, List.of("Map<String,List<Integer>>", "_Context")),
        new JavaSourceText.Constructor(6, false, List.of()));
  }

  @Test
  void aRecordHeaderIsItsCanonicalConstructor() {
    JavaSourceText text = JavaSourceText.of("package p;\npublic record Index(_Context context) implements Page<X> {}", "Index");

    assertThat(text.constructors()).containsExactly(new JavaSourceText.Constructor(2, true, List.of("_Context")));
  }

  @Test
  void aMethodWhoseNameEndsInTheTypesNameIsNotAConstructor() {
    JavaSourceText text = JavaSourceText.of("package p;\n"
        + "public class Item implements Page<X> {\n"
        + "  private Data loadItem(String id) { return null; }\n"
        + "  Response render(Request r, X p) { return view.Item(loadItem(\"a\")); }\n"
        + "}\n", "Item");

    assertThat(text.constructors()).isEmpty();
  }

  @Test
  void readsAPackageLineWhoseNameIsCutByACommentAsOneName() {
    assertThat(JavaSourceText.of("package com./* x */acme ;\nclass A {}", "A").packageLine())
        .contains(new JavaSourceText.PackageLine("com.acme", 1));
    assertThat(JavaSourceText.of("package com.acme.*;\nclass A {}", "A").packageLine()).isEmpty();
    assertThat(JavaSourceText.of("packagecom.acme;\nclass A {}", "A").packageLine()).isEmpty();
  }
}
