package dev.next4j.image;

import java.nio.file.Path;

/** Every text next:image shows a user when it stops. */
final class Messages {
  private Messages() {}

  static String noClasses(Path classes) {
    return "No compiled classes at " + classes + ": build the site first, e.g. mvn package next:image";
  }

  static String sameJarName(String name, Path first, Path second) {
    return "Two dependencies are both named " + name + " (" + first + " and " + second
        + "); the image keeps jars by file name: exclude one of them";
  }

  static String noRuntime() {
    return "next-runtime is not among the runtime dependencies: add dev.next4j:next-runtime to the pom's dependencies";
  }

  static String notAReference(String what, String reference, String reason) {
    return what + " '" + reference + "' is not an image reference (" + reason
        + "); write e.g. eclipse-temurin:17-jre, registry.example.com/team/site:1.0, scratch or tar://path/base.tar";
  }

  static String noTarBase(String reference, Path file) {
    return "The base image " + reference + " names " + file + ", which is not a file: make it with docker save or jib, or"
        + " use a registry base";
  }

  static String buildFailed(String base, boolean registryBase, String target, String reason) {
    return "Could not build the image " + target + " on " + base + ": " + reason
        + (registryBase
            ? " (a registry base is pulled from its registry: check the name, the network and your credentials in"
                + " ~/.docker/config.json, or use scratch or tar://<file> as next.image.base)"
            : "");
  }

  static String badFormat(String format) {
    return "next.image.format '" + format + "' is neither Docker nor OCI";
  }

  static String appCdsLeftOut(Path jsa) {
    return "Left the AppCDS archive " + jsa.getFileName() + " out of the image: it names the jar by its path on this"
        + " machine, so the JVM in the image would refuse it. An AOT cache does move: make one with a JDK 25 or newer,"
        + " e.g. mvn next:build -Dnext.aot -Dnext.jvm=/path/to/jdk-25 next:image";
  }

  static String badPort(int port) {
    return "next.image.port " + port + " is not a port (1-65535)";
  }
}
