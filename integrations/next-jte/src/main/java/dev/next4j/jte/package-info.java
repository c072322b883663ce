/**
 * jte templates for next4j pages: {@link dev.next4j.jte.Templates} turns a precompiled template
 * into a {@code Response}; {@link dev.next4j.jte.compiler} compiles the templates to Java at build
 * time (next:generate and next:run call it).
 */
package dev.next4j.jte;
