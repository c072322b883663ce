/**
 * The production build behind {@code next:package}, {@code next:build}, {@code next:start} and
 * {@code next:stop}, in plain Java with no Maven types: the runnable jar ({@code Packager}, {@code
 * RunnableJar}, {@code MainClass}), the route report from the route manifest, the reflection check,
 * the AOT cache, and running the built server ({@code ServerProcess}, with the port rules of
 * {@code Ports}). It owns the plugin's one class-file reader, {@code ClassFile}.
 *
 * <p>It uses {@link dev.next4j.codegen} (messages, paths, the manifest) and nothing of {@code dev}
 * or {@code maven}; see docs/architecture.md.
 */
package dev.next4j.build;
