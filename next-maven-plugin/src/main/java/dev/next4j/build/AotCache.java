package dev.next4j.build;

import dev.next4j.codegen.Messages;
import dev.next4j.codegen.RouteManifest;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a JVM archive of the classes a built server loads, so later starts skip loading and
 * linking them: an AOT cache ({@code -XX:AOTCacheOutput}) on JDK 24 and newer, an AppCDS archive
 * ({@code -XX:ArchiveClassesAtExit}) before. It starts the jar once, requests a few pages, stops
 * it, and writes a launcher script beside the jar that starts it with the archive.
 *
 * <pre>{@code
 * AotCache.Result r = AotCache.create(AotCache.Jvm.of(javaHome), Path.of("target/site.jar"),
 *     List.of("/", "/about"), Path.of("target/next/aot-training.log"), Duration.ofSeconds(60));
 * // r.archive() = target/site.aot, r.launcher() = target/site.sh
 * }</pre>
 */
public final class AotCache {
  private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)");
  /** The first JDK with {@code -XX:AOTCacheOutput} (JEP 483 and 514). */
  private static final int AOT_CACHE_SINCE = 25;

  private AotCache() {}

  /** A JDK: its home and feature version (17, 21, 25...). */
  public record Jvm(Path home, int feature) {
    /** The JDK at {@code home}, its version read from {@code home/release}. */
    public static Jvm of(Path home) throws BuildException, IOException {
      Path release = home.resolve("release");
      if (!Files.isRegularFile(release)) {
        throw new BuildException(Messages.notAJdk(home));
      }
      Matcher matcher = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
      if (!matcher.find()) {
        throw new BuildException(Messages.jdkWithoutVersion(home));
      }
      return new Jvm(home, Integer.parseInt(matcher.group(1)));
    }

    public Path java() {
      return home.resolve("bin").resolve("java");
    }

    /** Whether this JDK makes AOT caches rather than AppCDS archives. */
    public boolean hasAotCache() {
      return feature >= AOT_CACHE_SINCE;
    }
  }

  /** The archive written, the launcher that uses it, and the JVM option that reads it. */
  public record Result(Path archive, Path launcher, String option) {}

  /**
   * Trains and writes the archive for {@code jar}, then the launcher.
   *
   * @param paths the URL paths to request while training (pages with no route parameters)
   * @param log where the training run's output goes
   */
  public static Result create(Jvm jvm, Path jar, List<String> paths, Path log, Duration timeout)
      throws BuildException, IOException {
    Path absoluteJar = jar.toAbsolutePath().normalize();
    String base = baseName(absoluteJar);
    Path archive = absoluteJar.resolveSibling(base + (jvm.hasAotCache() ? ".aot" : ".jsa"));
    Files.deleteIfExists(archive); // an AppCDS archive is written read-only, and a stale one must not survive
    String writeOption = (jvm.hasAotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive;
    String readOption = jvm.hasAotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";

    int port = Ports.free();
    List<String> command = List.of(
        jvm.java().toString(), writeOption, "-jar", absoluteJar.toString(), "--port", Integer.toString(port));
    ServerProcess.Running server = ServerProcess.startInBackground(
        command, Map.of("PORT", Integer.toString(port)), log, port, timeout);
    for (String path : paths) {
      request(server.url().resolve(path));
    }
    request(server.url().resolve("/_next4j/aot-training-not-found"));
    // The JVM writes the archive as it exits; an AOT cache takes a few seconds more to assemble.
    ServerProcess.stop(server.process().toHandle(), timeout);
    if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
      throw new BuildException(Messages.noArchiveWritten(archive.getFileName().toString(), log));
    }
    Path launcher = absoluteJar.resolveSibling(base + ".sh");
    Files.writeString(launcher, launcherScript(jvm, absoluteJar.getFileName().toString(), archive.getFileName().toString(),
        readOption), StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException notPosix) {
      // on Windows the script is run with sh explicitly
    }
    return new Result(archive, launcher, readOption);
  }

  /** The launcher: it starts the jar beside it with the archive beside it and the JVM that made it. */
  static String launcherScript(Jvm jvm, String jarName, String archiveName, String readOption) {
    return String.join("\n",
        "#!/bin/sh",
        "# Starts " + jarName + " with the JVM archive made at build time (mvn next:build -Dnext.aot).",
        "# The archive fits only this jar and this JDK; set JAVA to another java and the JVM warns and",
        "# starts without it. Arguments go to the server, e.g. --port 8080.",
        "dir=$(CDPATH= cd -- \"$(dirname -- \"$0\")\" && pwd)",
        "exec \"${JAVA:-" + jvm.java() + "}\" " + readOption + "\"$dir/" + archiveName + "\" -jar \"$dir/" + jarName
            + "\" \"$@\"",
        "");
  }

  /** The URL paths worth requesting while training: pages without route parameters, never API routes. */
  public static List<String> trainingPaths(RouteManifest manifest) {
    List<String> paths = new ArrayList<>();
    for (RouteManifest.Row row : manifest.routes()) {
      if (row.kind() != RouteManifest.Kind.API && !row.pattern().contains("[")) {
        paths.add(row.pattern());
      }
    }
    return List.copyOf(paths);
  }

  private static void request(URI url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(10_000);
      try {
        connection.getResponseCode();
        var body = connection.getErrorStream() != null ? connection.getErrorStream() : connection.getInputStream();
        body.readAllBytes();
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      // a page that fails still trained the classes it loaded
    }
  }

  private static String baseName(Path jar) {
    String name = jar.getFileName().toString();
    return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
  }
}
