package dev.next4j.image;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to build the image on and where to put it.
 *
 * @param base the base image: {@code scratch}, {@code tar://<file>} (a {@code docker save} tarball,
 *     relative to {@code projectDirectory}), or a registry reference such as {@code eclipse-temurin:17-jre}
 * @param tag the image's name and tag, e.g. {@code site:1.0} or {@code registry.example.com/team/site:1.0}
 * @param tarball where the image is written when it is not pushed
 * @param push whether to push {@code tag} to its registry instead of writing the tarball
 * @param format {@code Docker} (what {@code docker load} and every registry take) or {@code OCI}
 * @param port the port the server listens on: exposed, and given to it as {@code PORT}
 * @param environment more environment variables (they win over {@code PORT})
 * @param labels image labels
 * @param projectDirectory where a relative {@code tar://} base is found
 * @param cacheDirectory Jib's cache of application layers
 * @param offline whether Maven runs offline: a registry base then comes from Jib's cache only
 */
public record ImageSpec(
    String base,
    String tag,
    Path tarball,
    boolean push,
    String format,
    int port,
    Map<String, String> environment,
    Map<String, String> labels,
    Path projectDirectory,
    Path cacheDirectory,
    boolean offline) {
  /** The base next:image uses unless told otherwise. */
  public static final String DEFAULT_BASE = "eclipse-temurin:17-jre";

  public ImageSpec {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(tarball, "tarball");
    Objects.requireNonNull(format, "format");
    // Sorted, not Map.copyOf: its order changes from one JVM to the next, and so would the image's digest.
    environment = Collections.unmodifiableMap(new TreeMap<>(environment));
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    Objects.requireNonNull(projectDirectory, "projectDirectory");
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
  }

  /** The environment the image sets: {@code PORT}, unless the user sets it, and the user's variables. */
  public Map<String, String> imageEnvironment() {
    Map<String, String> env = new TreeMap<>();
    env.put("PORT", Integer.toString(port));
    env.putAll(environment);
    return env;
  }
}
