package dev.next4j.build;

import java.util.List;

/** Every message the production build shows a user, in one place. */
public final class Messages {
  private Messages() {}

  public static String mainClassNotInProject(String mainClass, String expectedFile) {
    return "<mainClass> " + mainClass + " is not a class of this project: " + expectedFile + " does not exist."
        + " Set <mainClass> (or -Dnext.mainClass) to the fully qualified name of your server class.";
  }

  public static String mainClassNotAName(String mainClass) {
    return "<mainClass> \"" + mainClass + "\" is not a fully qualified Java class name (like com.acme.Server).";
  }

  public static String mainClassWithoutMain(String mainClass) {
    return "<mainClass> " + mainClass + " has no public static void main(String[] args), so java -jar cannot start it.";
  }

  public static String noGeneratedServer(String generatedSources) {
    return "No generated NextServer in " + generatedSources + ": declare the next:generate goal in the plugin's"
        + " executions (see the README), or set <mainClass> to your own server class.";
  }

  public static String severalGeneratedServers(List<String> classes) {
    return "Several generated NextServer classes (" + String.join(", ", classes) + "): run mvn clean, or set"
        + " <mainClass> to the one to start.";
  }

  public static String serverNotCompiled(String mainClass, String expectedFile) {
    return mainClass + " was generated but not compiled (" + expectedFile + " is missing): run mvn clean package.";
  }

  public static String noProjectJar(String jar) {
    return "No jar at " + jar + " to make runnable: next:package runs in the package phase after the jar plugin,"
        + " in a project with <packaging>jar</packaging>.";
  }

  public static String originalJarMissing(String jar, String original) {
    return jar + " is already a runnable jar and the project jar it was made from (" + original + ") is gone:"
        + " run mvn clean package.";
  }

  public static String runtimeNotInside() {
    return "dev.next4j:next-runtime is not a runtime dependency of this project, so the runnable jar would not start:"
        + " declare it with the default (compile) scope.";
  }

  public static String noRouteManifest(String manifest) {
    return "No route manifest at " + manifest + ": declare the next:generate goal in the plugin's executions"
        + " (see the README).";
  }

  public static String noPages() {
    return "The pages package has no pages: the server will answer every request with 404."
        + " Add a page, e.g. pages/Index.java for /.";
  }

  public static String notAJdk(java.nio.file.Path home) {
    return "<jvm> " + home + " is not a JDK: it has no release file.";
  }

  public static String jdkWithoutVersion(java.nio.file.Path home) {
    return "<jvm> " + home + ": its release file names no JAVA_VERSION.";
  }

  public static String noArchiveWritten(String archive, java.nio.file.Path log) {
    return "The JVM did not write " + archive + "; its output is in " + log + ".";
  }

  public static String noJarToStart(String jar) {
    return "No runnable jar at " + jar + ": build it first with mvn next:build (or mvn package).";
  }

  public static String portInUse(int port) {
    return "Port " + port + " is already in use: stop the program using it, or start on another port with"
        + " -Dnext.port=" + (port == 65535 ? 3000 : port + 1) + ".";
  }

  public static String serverExited(int status, String lastLine) {
    return "The server exited with status " + status + " before it was ready" + (lastLine.isEmpty() ? "." : ": " + lastLine);
  }

  public static String serverExitedWhileRunning(int status) {
    return "The server exited with status " + status + " (its output is above).";
  }

  public static String serverNotReady(String url, long seconds, String log) {
    return "The server did not answer " + url + " within " + seconds + " s; its output is in " + log
        + " (raise -Dnext.startTimeout if it needs longer).";
  }
}
