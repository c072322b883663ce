package dev.next4j.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFileTest {
  @TempDir Path work;

  @Test
  void readsTheNameTheMethodsAndWhatTheClassRefersTo() throws IOException {
    Path classes = Compiler.compile(work, Map.of("com/acme/Server.java", """
        package com.acme;
        public final class Server {
          static final long BIG = 1L << 40;
          static final double PI = 3.14;
          public static void main(String[] args) { System.out.println("é ☃ " + BIG + PI + args.length); }
        }
        """));

    ClassFile file = ClassFile.parse(Files.readAllBytes(classes.resolve("com/acme/Server.class")));

    assertThat(file.name()).isEqualTo("com/acme/Server");
    assertThat(file.hasMainMethod()).isTrue();
    assertThat(file.methods()).extracting(ClassFile.Member::name).containsExactly("<init>", "main");
    assertThat(file.superName()).isEqualTo("java/lang/Object");
    assertThat(file.interfaces()).isEmpty();
    assertThat(file.fields()).extracting(ClassFile.Member::name).containsExactly("BIG", "PI");
    ClassFile.Attribute big = file.fields().get(0).attributes().get(0);
    assertThat(big.name()).isEqualTo("ConstantValue");
    assertThat(file.constantValue(big.data().readUnsignedShort())).isEqualTo(1L << 40);
    assertThat(file.attributes()).extracting(ClassFile.Attribute::name).contains("SourceFile");
    assertThat(file.classReferences()).contains("java/lang/System", "java/io/PrintStream");
    assertThat(file.memberReferences()).map(Object::toString)
        .contains("java/lang/System.out:Ljava/io/PrintStream;", "java/io/PrintStream.println(Ljava/lang/String;)V");
  }

  @Test
  void aMainThatIsNotPublicStaticVoidWithStringArrayDoesNotCount() throws IOException {
    Path classes = Compiler.compile(work, Map.of(
        "a/InstanceMain.java", "package a; public class InstanceMain { public void main(String[] a) {} }",
        "a/PrivateMain.java", "package a; public class PrivateMain { static void main(String[] a) {} }",
        "a/IntMain.java", "package a; public class IntMain { public static int main(String[] a) { return 0; } }"));

    for (String name : new String[] {"InstanceMain", "PrivateMain", "IntMain"}) {
      ClassFile file = ClassFile.parse(Files.readAllBytes(classes.resolve("a/" + name + ".class")));
      assertThat(file.hasMainMethod()).as(name).isFalse();
    }
  }

  @Test
  void aPoolIndexOfTheWrongKindIsAClearError() throws IOException {
    Path classes = Compiler.compile(work, Map.of("a/A.java", "package a; public class A {}"));
    ClassFile file = ClassFile.parse(Files.readAllBytes(classes.resolve("a/A.class")));

    assertThatThrownBy(() -> file.className(0))
        .isInstanceOf(IOException.class)
        .hasMessage("not a well-formed class file: pool entry 0 is not a class");
  }

  @Test
  void truncatedBytesAreAClearError() throws IOException {
    Path classes = Compiler.compile(work, Map.of("a/A.java", "package a; public class A {}"));
    byte[] bytes = Files.readAllBytes(classes.resolve("a/A.class"));

    assertThatThrownBy(() -> ClassFile.parse(java.util.Arrays.copyOf(bytes, 40)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("not a well-formed class file: java.io.EOFException");
  }
}
