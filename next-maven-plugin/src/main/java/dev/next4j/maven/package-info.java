/**
 * Thin Maven goals over {@link dev.next4j.codegen}, {@link dev.next4j.build}, {@link
 * dev.next4j.dev} and {@code dev.next4j.image}: generate, package, build, run, start, stop, image.
 * The only package of the plugin that uses Maven types (docs/architecture.md, "Package
 * boundaries").
 */
package dev.next4j.maven;
