/**
 * The build-time half of the jte integration: {@link dev.next4j.jte.compiler.TemplateCompiler}
 * runs jte's compiler over {@code src/main/jte}. It needs {@code gg.jte:jte}, which
 * next-maven-plugin brings; a site's own class path has jte-runtime only.
 */
package dev.next4j.jte.compiler;
