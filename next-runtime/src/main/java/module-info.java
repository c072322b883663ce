/**
 * next4j's runtime: serves the route table that generated code builds, on the JDK's HTTP server.
 *
 * <p>Users meet {@code dev.next4j.runtime}; generated {@code Routes} and {@code NextServer} call
 * {@code dev.next4j.runtime.generated}; hosts (the dev server of {@code next:run}) meet {@code
 * dev.next4j.runtime.host}; the binding of another HTTP engine implements {@code
 * dev.next4j.runtime.binding}. {@code dev.next4j.runtime.internal} is not exported.
 */
module dev.next4j.runtime {
  requires transitive jdk.httpserver;

  exports dev.next4j.runtime;
  exports dev.next4j.runtime.host;
  exports dev.next4j.runtime.binding;
  exports dev.next4j.runtime.generated;
}
