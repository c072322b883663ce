/**
 * Thin Maven goals over {@link dev.next4j.codegen}, {@link dev.next4j.build} and {@link
 * dev.next4j.dev}: generate, package, build, run, start, stop. The only package of the plugin that
 * uses Maven types (docs/architecture.md, "Package boundaries").
 */
package dev.next4j.maven;
