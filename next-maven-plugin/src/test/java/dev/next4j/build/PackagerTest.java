package dev.next4j.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagerTest {
  @TempDir Path project;
  private Path classes;
  private Path jar;
  private Path lib;

  @BeforeEach
  void aProjectWithACompiledCustomServerAndItsJar() throws IOException {
    classes = Compiler.compile(project.resolve("target"), Map.of(
        "com/acme/Server.java", "package com.acme; public class Server { public static void main(String[] a) {} }"));
    jar = TestJars.jar(project.resolve("target/site-1.0.jar"),
        Map.of("com/acme/Server.class", Files.readAllBytes(classes.resolve("com/acme/Server.class"))));
    lib = TestJars.textJar(project.resolve("next-runtime.jar"), Map.of("dev/next4j/runtime/Page.class", "page"));
  }

  @Test
  void theJarBecomesRunnableAndTheOriginalIsKept() throws Exception {
    Packager.Outcome outcome = Packager.run(request(Optional.of("com.acme.Server"), true));

    assertThat(outcome.mainClass()).isEqualTo("com.acme.Server");
    assertThat(RunnableJar.isRunnable(jar)).isTrue();
    assertThat(project.resolve("target/next/site-1.0.original.jar")).exists();
    assertThat(RunnableJar.isRunnable(project.resolve("target/next/site-1.0.original.jar"))).isFalse();
  }

  @Test
  void packagingARunnableJarAgainStartsFromTheOriginalAndGivesTheSameBytes() throws Exception {
    Packager.run(request(Optional.of("com.acme.Server"), true));
    byte[] first = Files.readAllBytes(jar);

    Packager.run(request(Optional.of("com.acme.Server"), true));

    assertThat(Files.readAllBytes(jar)).isEqualTo(first);
  }

  @Test
  void theJvmArchiveOfAnEarlierJarIsRemovedWithItsLauncher() throws Exception {
    Path archive = Files.writeString(project.resolve("target/site-1.0.aot"), "old cache");
    Path launcher = Files.writeString(project.resolve("target/site-1.0.sh"), "#!/bin/sh");
    Path other = Files.writeString(project.resolve("target/other.aot"), "not ours");

    Packager.Outcome outcome = Packager.run(request(Optional.of("com.acme.Server"), true));

    assertThat(outcome.removedArchives()).containsExactly(archive, launcher);
    assertThat(archive).doesNotExist();
    assertThat(launcher).doesNotExist();
    assertThat(other).exists();
  }

  @Test
  void aRunnableJarWhoseOriginalIsGoneAsksForACleanBuild() throws Exception {
    Packager.run(request(Optional.of("com.acme.Server"), true));
    Files.delete(project.resolve("target/next/site-1.0.original.jar"));

    assertThatThrownBy(() -> Packager.run(request(Optional.of("com.acme.Server"), true)))
        .isInstanceOf(BuildException.class)
        .hasMessage("[next.original-jar-missing] target/site-1.0.jar is already a runnable jar and the project jar it was made from"
            + " (target/next/site-1.0.original.jar) is gone: run mvn clean package.");
  }

  @Test
  void withoutNextRuntimeAsARuntimeDependencyTheBuildFails() {
    assertThatThrownBy(() -> Packager.run(request(Optional.of("com.acme.Server"), false)))
        .isInstanceOf(BuildException.class)
        .hasMessage("[next.runtime-not-a-dependency] dev.next4j:next-runtime is not a runtime dependency of this project, so the runnable jar would not"
            + " start: declare it with the default (compile) scope.");
  }

  @Test
  void withoutTheJarPluginsJarTheBuildFailsNamingIt() throws IOException {
    Files.delete(jar);

    assertThatThrownBy(() -> Packager.run(request(Optional.of("com.acme.Server"), true)))
        .isInstanceOf(BuildException.class)
        .hasMessage("[next.no-project-jar] No jar at target/site-1.0.jar to make runnable: next:package runs in the package phase after the"
            + " jar plugin, in a project with <packaging>jar</packaging>.");
  }

  @Test
  void anUnknownMainClassLeavesTheJarUntouched() throws IOException {
    byte[] before = Files.readAllBytes(jar);

    assertThatThrownBy(() -> Packager.run(request(Optional.of("com.acme.Nope"), true)))
        .isInstanceOf(BuildException.class)
        .hasMessageStartingWith("[next.main-class-not-found] <mainClass> com.acme.Nope is not a class of this project");
    assertThat(Files.readAllBytes(jar)).isEqualTo(before);
  }

  private Packager.Request request(Optional<String> mainClass, boolean hasRuntime) {
    return new Packager.Request(project, jar, project.resolve("target/next"), classes,
        project.resolve("target/generated-sources/next"), mainClass,
        List.of(new RunnableJar.Source("next-runtime.jar", lib)), hasRuntime);
  }
}
