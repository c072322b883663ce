package dev.next4j.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainClassTest {
  @TempDir Path project;

  @Test
  void theGeneratedNextServerIsTheMainClassByDefault() throws IOException, BuildException {
    Path generated = writeGenerated("com/acme/NextServer.java");
    Path classes = Compiler.compile(project.resolve("target"), Map.of(
        "com/acme/NextServer.java", "package com.acme; public final class NextServer { public static void main(String[] a) {} }"));

    assertThat(MainClass.resolve(Optional.empty(), classes, generated, project)).isEqualTo("com.acme.NextServer");
  }

  @Test
  void aCustomServerClassWithMainIsTheMainClass() throws IOException, BuildException {
    Path classes = Compiler.compile(project.resolve("target"), Map.of(
        "com/acme/Server.java", "package com.acme; public class Server { public static void main(String[] a) {} }"));

    assertThat(MainClass.resolve(Optional.of("com.acme.Server"), classes, project.resolve("none"), project))
        .isEqualTo("com.acme.Server");
  }

  @Test
  void anUnknownMainClassIsNamedWithTheFileThatIsMissing() throws IOException {
    Path classes = Files.createDirectories(project.resolve("target/classes"));

    assertThatThrownBy(() -> MainClass.resolve(Optional.of("com.acme.Servr"), classes, project.resolve("none"), project))
        .isInstanceOf(BuildException.class)
        .hasMessage("[next.main-class-not-found] <mainClass> com.acme.Servr is not a class of this project: target/classes/com/acme/Servr.class"
            + " does not exist. Set <mainClass> (or -Dnext.mainClass) to the fully qualified name of your server class.");
  }

  @Test
  void aMainClassWithoutMainIsRefused() throws IOException {
    Path classes = Compiler.compile(project.resolve("target"), Map.of(
        "com/acme/Server.java", "package com.acme; public class Server { public void main(String[] a) {} }"));

    assertThatThrownBy(() -> MainClass.resolve(Optional.of("com.acme.Server"), classes, project.resolve("none"), project))
        .isInstanceOf(BuildException.class)
        .hasMessage("[next.main-class-without-main] <mainClass> com.acme.Server has no public static void main(String[] args), so java -jar cannot"
            + " start it.");
  }

  @Test
  void aMainClassThatIsNotAClassNameIsRefused() {
    assertThatThrownBy(() -> MainClass.resolve(Optional.of("com/acme/Server.java"), project, project, project))
        .isInstanceOf(BuildException.class)
        .hasMessage("[next.invalid-main-class] <mainClass> \"com/acme/Server.java\" is not a fully qualified Java class name (like com.acme.Server).");
  }

  @Test
  void noGeneratedServerSaysToDeclareTheGenerateGoal() {
    assertThatThrownBy(() -> MainClass.resolve(
            Optional.empty(), project, project.resolve("target/generated-sources/next"), project))
        .isInstanceOf(BuildException.class)
        .hasMessage("[next.no-generated-server] No generated NextServer in target/generated-sources/next: declare the next:generate goal in the"
            + " plugin's executions (see the README), or set <mainClass> to your own server class.");
  }

  @Test
  void aGeneratedServerThatWasNotCompiledIsNamed() throws IOException {
    Path generated = writeGenerated("com/acme/NextServer.java");

    assertThatThrownBy(() -> MainClass.resolve(Optional.empty(), project.resolve("target/classes"), generated, project))
        .isInstanceOf(BuildException.class)
        .hasMessage("[next.server-not-compiled] com.acme.NextServer was generated but not compiled (target/classes/com/acme/NextServer.class is"
            + " missing): run mvn clean package.");
  }

  private Path writeGenerated(String path) throws IOException {
    Path generated = project.resolve("target/generated-sources/next");
    Path file = generated.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "// generated");
    return generated;
  }
}
