package dev.next4j.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReflectionCheckTest {
  @TempDir Path work;

  @Test
  void cleanCodeWithLambdasRecordsAndStringSwitchesPasses() throws IOException {
    Path classes = Compiler.compile(work, Map.of("a/Clean.java", """
        package a;
        import java.util.function.Function;
        public final class Clean {
          record Params(String slug) {}
          static final Function<String, Params> PARAMS = Params::new;
          static String route(String path) {
            return switch (path) { case "/" -> "index"; default -> "other " + path; };
          }
          static java.io.InputStream resource() { return Clean.class.getResourceAsStream("/public/a.txt"); }
        }
        """));

    assertThat(ReflectionCheck.strict().scan(classes)).isEmpty();
  }

  @Test
  void eachForbiddenLookupIsNamedWithItsClassAndReference() throws IOException {
    Path classes = Compiler.compile(work, Map.of("a/Dirty.java", """
        package a;
        public final class Dirty {
          static Object byName() throws Exception { return Class.forName("a.Dirty"); }
          static Object fields() { return Dirty.class.getDeclaredFields(); }
          static Object services() { return java.util.ServiceLoader.load(Runnable.class); }
          static Object annotation() { return Dirty.class.getAnnotation(Deprecated.class); }
          static Object scan() throws Exception { return Dirty.class.getClassLoader().getResources("a"); }
        }
        """));

    // Sorted by reference; a reflection type seen only in a signature is caught through the signature.
    assertThat(ReflectionCheck.strict().scan(classes)).map(ReflectionCheck.Finding::toString).containsExactly(
        "a/Dirty: java/lang/Class.forName(Ljava/lang/String;)Ljava/lang/Class; (loads a class by name)",
        "a/Dirty: java/lang/Class.getAnnotation(Ljava/lang/Class;)Ljava/lang/annotation/Annotation;"
            + " (looks up annotations at run time)",
        "a/Dirty: java/lang/Class.getDeclaredFields()[Ljava/lang/reflect/Field; (uses java.lang.reflect)",
        "a/Dirty: java/lang/ClassLoader.getResources(Ljava/lang/String;)Ljava/util/Enumeration;"
            + " (scans the classpath)",
        "a/Dirty: java/util/ServiceLoader (uses ServiceLoader)",
        "a/Dirty: java/util/ServiceLoader.load(Ljava/lang/Class;)Ljava/util/ServiceLoader; (uses ServiceLoader)");
  }

  @Test
  void aReflectionTypeUsedDirectlyIsNamedAsAClass() throws IOException {
    Path classes = Compiler.compile(work, Map.of("a/Invoke.java", """
        package a;
        public final class Invoke {
          static Object call(java.lang.reflect.Method m) throws Exception { return m.invoke(null); }
        }
        """));

    assertThat(ReflectionCheck.strict().scan(classes)).map(ReflectionCheck.Finding::toString).containsExactly(
        "a/Invoke: java/lang/reflect/Method (uses java.lang.reflect)",
        "a/Invoke: java/lang/reflect/Method.invoke(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;"
            + " (uses java.lang.reflect)");
  }

  @Test
  void aMethodHandleLookupFailsStrictlyAndPassesWhereAllowed() throws IOException {
    Path classes = Compiler.compile(work, Map.of("a/Handles.java", """
        package a;
        import java.lang.invoke.*;
        public final class Handles {
          static MethodHandle executor() throws Exception {
            return MethodHandles.publicLookup().findStatic(java.util.concurrent.Executors.class,
                "newVirtualThreadPerTaskExecutor", MethodType.methodType(java.util.concurrent.ExecutorService.class));
          }
        }
        """));

    assertThat(ReflectionCheck.strict().scan(classes)).map(ReflectionCheck.Finding::toString).containsExactly(
        "a/Handles: java/lang/invoke/MethodHandles$Lookup.findStatic(Ljava/lang/Class;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/MethodHandle; (looks up a method handle by name)");
    assertThat(ReflectionCheck.allowing(ReflectionCheck.Rule.METHOD_HANDLE_LOOKUP).scan(classes)).isEmpty();
  }

  @Test
  void aJarIsScannedEntryByEntry() throws IOException {
    Path classes = Compiler.compile(work, Map.of("a/Dirty.java", """
        package a;
        public final class Dirty {
          static Object byName() throws Exception { return Class.forName("a.Dirty"); }
        }
        """));
    Path jar = TestJars.jar(work.resolve("dirty.jar"), Map.of("a/Dirty.class", Files.readAllBytes(classes.resolve("a/Dirty.class"))));

    assertThat(ReflectionCheck.strict().scan(jar)).map(ReflectionCheck.Finding::toString).containsExactly(
        "a/Dirty: java/lang/Class.forName(Ljava/lang/String;)Ljava/lang/Class; (loads a class by name)");
  }

  @Test
  void aFileThatIsNotAClassFileIsNamedInTheError() throws IOException {
    Path bogus = Files.writeString(work.resolve("Bogus.class"), "not a class");

    assertThatThrownBy(() -> ReflectionCheck.strict().scan(bogus))
        .isInstanceOf(IOException.class)
        .hasMessage(bogus + ": not a class file: it does not start with 0xCAFEBABE");
  }

  @Test
  void findingsListEveryReferenceNotOnlyTheFirst() throws IOException {
    Path classes = Compiler.compile(work, Map.of("a/Two.java", """
        package a;
        public final class Two {
          static Object one() throws Exception { return Class.forName("x"); }
        }
        """, "a/Three.java", """
        package a;
        public final class Three {
          static Object one() throws Exception { return Three.class.getDeclaredMethods(); }
        }
        """));

    List<ReflectionCheck.Finding> findings = ReflectionCheck.strict().scan(classes);

    assertThat(findings).map(ReflectionCheck.Finding::toString).containsExactly(
        "a/Three: java/lang/Class.getDeclaredMethods()[Ljava/lang/reflect/Method; (uses java.lang.reflect)",
        "a/Two: java/lang/Class.forName(Ljava/lang/String;)Ljava/lang/Class; (loads a class by name)");
  }
}
