/** Thin Maven goals over {@link dev.next4j.codegen}: generate, build, run, start. */
package dev.next4j.maven;
