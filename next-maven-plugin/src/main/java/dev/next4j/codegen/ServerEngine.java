package dev.next4j.codegen;

import com.palantir.javapoet.ClassName;
import java.util.Optional;

/**
 * The HTTP engine the generated {@code NextServer.main} serves on. The JDK's server is the default;
 * a site that depends on {@code dev.next4j:next-helidon} (outside the test scope) is served on
 * Helidon's, with no other setting: the plugin reads the pom's dependencies.
 */
public enum ServerEngine {
  /** The JDK's {@code HttpServer}: {@code NextApp.serve(args, NextServer::app)}. */
  JDK(null),

  /**
   * Helidon's web server (Java 21+): {@code NextApp.serve(args, NextServer::app, new
   * HelidonEngine())}.
   */
  HELIDON(ClassName.get("dev.next4j.helidon", "HelidonEngine"));

  /** The group of the artifacts that bring an engine. */
  public static final String GROUP_ID = "dev.next4j";

  /** The artifact whose dependency selects {@link #HELIDON}. */
  public static final String HELIDON_ARTIFACT = "next-helidon";

  private final ClassName engineClass;

  ServerEngine(ClassName engineClass) {
    this.engineClass = engineClass;
  }

  /** The engine class {@code main} passes to {@code NextApp.serve}; empty for the JDK's default. */
  Optional<ClassName> engineClass() {
    return Optional.ofNullable(engineClass);
  }

  /**
   * The engine for a site with a dependency on {@code groupId:artifactId} in {@code scope} (null
   * for the default scope); called once per dependency, the first engine found wins.
   */
  public static Optional<ServerEngine> ofDependency(String groupId, String artifactId, String scope) {
    if (GROUP_ID.equals(groupId) && HELIDON_ARTIFACT.equals(artifactId) && !"test".equals(scope)) {
      return Optional.of(HELIDON);
    }
    return Optional.empty();
  }
}
