/** Thin Maven goals over {@link dev.next4j.codegen}, {@code dev.next4j.build} and {@code dev.next4j.image}: generate, build, run, start, image. */
package dev.next4j.maven;
