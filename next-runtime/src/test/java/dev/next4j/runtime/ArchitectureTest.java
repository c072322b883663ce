package dev.next4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.binding.ServerExchange;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's boundaries (docs/architecture.md, "Package boundaries"): it names nothing of the
 * plugin and nothing outside the JDK, and its public API does not hand out internal types.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path CLASSES = Path.of("target/classes");
  private static final String INTERNAL = "dev.next4j.runtime.internal.";

  /**
   * Packages the runtime must not name: the plugin's, and any third party's ({@code org.*} and
   * {@code com.*} other than the JDK's {@code org.w3c}, {@code org.xml}, {@code org.ietf} and
   * {@code com.sun.net.httpserver}).
   */
  private static final Pattern FORBIDDEN = Pattern.compile(
      "\\b(?:dev\\.next4j\\.(?:codegen|build|dev|maven)|org\\.(?!(?:w3c|xml|ietf)\\b)[a-z]+"
          + "|com\\.(?!sun\\.net\\.httpserver\\b)[a-z]+)"
          + "(?:\\.[A-Za-z_$][\\w$]*)*");

  @Test
  void theRuntimeNamesNothingOfThePluginNorOfAThirdParty() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Matcher name = FORBIDDEN.matcher(code(Files.readString(file)));
        while (name.find()) {
          found.add(SOURCES.relativize(file).toString().replace('\\', '/') + " names " + name.group());
        }
      }
    }
    assertThat(found).isEmpty();
  }

  /**
   * The engine-neutral pipeline names no JDK server type, so that another HTTP engine's binding
   * serves through it unchanged: the exported binding package, {@code HttpBinding} (the checks,
   * limits and response writing) and the access log.
   */
  @Test
  void theEngineNeutralPipelineNamesNoJdkServerType() throws IOException {
    List<Path> neutral = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES.resolve("dev/next4j/runtime/binding"))) {
      files.sorted().forEach(neutral::add);
    }
    neutral.add(SOURCES.resolve("dev/next4j/runtime/internal/HttpBinding.java"));
    neutral.add(SOURCES.resolve("dev/next4j/runtime/internal/AccessLog.java"));
    List<String> found = new ArrayList<>();
    for (Path file : neutral) {
      if (code(Files.readString(file)).contains("com.sun.net.httpserver")) {
        found.add(SOURCES.relativize(file).toString().replace('\\', '/'));
      }
    }
    assertThat(neutral).hasSizeGreaterThan(3);
    assertThat(found).isEmpty();
  }

  @Test
  void theCheckSeesANameInCodeButNotInACommentOrString() {
    Matcher name = FORBIDDEN.matcher(code("""
        /** Unlike org.apache.maven.Foo, */
        class A { String s = "dev.next4j.codegen.X"; dev.next4j.codegen.RouteModel model; }
        """));

    assertThat(name.find()).isTrue();
    assertThat(name.group()).isEqualTo("dev.next4j.codegen.RouteModel");
    assertThat(name.find()).isFalse();
  }

  @Test
  void thePublicApiHandsOutNoInternalType() throws Exception {
    List<String> found = new ArrayList<>();
    List<Class<?>> types = new ArrayList<>();
    for (String pkg : List.of("dev.next4j.runtime", "dev.next4j.runtime.binding")) {
      try (Stream<Path> files = Files.list(CLASSES.resolve(pkg.replace('.', '/')))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
          String name = file.getFileName().toString().replaceFirst("\\.class$", "");
          types.add(Class.forName(pkg + "." + name, false, getClass().getClassLoader()));
        }
      }
    }
    assertThat(types).contains(NextApp.class, RouteTable.class, Request.class, ServerExchange.class);
    for (Class<?> type : types) {
      if (!isVisible(type)) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        check(found, method, method.getGenericReturnType());
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        check(found, constructor, null);
      }
      for (Field field : type.getDeclaredFields()) {
        if (isVisible(field.getModifiers())) {
          addIfInternal(found, field.toString(), field.getGenericType());
        }
      }
      addIfInternal(found, type.getName() + " extends", type.getGenericSuperclass());
      for (Type parent : type.getGenericInterfaces()) {
        addIfInternal(found, type.getName() + " implements", parent);
      }
    }
    assertThat(found).isEmpty();
  }

  private static void check(List<String> found, Executable member, Type returned) {
    if (!isVisible(member.getModifiers()) || member.isSynthetic()) {
      return;
    }
    if (returned != null) {
      addIfInternal(found, member.toString(), returned);
    }
    for (Type parameter : member.getGenericParameterTypes()) {
      addIfInternal(found, member.toString(), parameter);
    }
    for (Type thrown : member.getGenericExceptionTypes()) {
      addIfInternal(found, member.toString(), thrown);
    }
  }

  private static void addIfInternal(List<String> found, String where, Type type) {
    if (type != null && type.getTypeName().contains(INTERNAL)) {
      found.add(where + " exposes " + type.getTypeName());
    }
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** {@code source} without comments and string, text-block and char literals. */
  private static String code(String source) {
    return source.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
        .replaceAll("(?s)/\\*.*?\\*/", " ")
        .replaceAll("//[^\\n]*", " ")
        .replaceAll("\"(?:\\\\.|[^\"\\\\\\n])*\"", "\"\"")
        .replaceAll("'(?:\\\\.|[^'\\\\\\n])*'", "''");
  }
}
