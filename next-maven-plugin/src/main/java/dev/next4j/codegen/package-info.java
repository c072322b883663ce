/**
 * The generator behind {@code next:generate}, in plain Java with no Maven types: it turns a pages
 * package into a typed route table ({@code Routes}) and a server ({@code NextServer}).
 *
 * <p>One class a stage, read top-down in {@link dev.next4j.codegen.NextGenerator}: {@code
 * PagesScanner} finds and reads the page files, {@code RouteModel} maps them to routes, {@code
 * RouteValidator} rejects what Next.js rejects (with {@code Diagnostics}; every text is in {@code
 * Messages}), {@code RouteOrder} puts routes in Next.js order, {@code GeneratedNames} decides every
 * generated name, {@code RoutesWriter} and {@code ServerWriter} write the sources with JavaPoet,
 * and {@code OutputFiles} writes only what changed, with the route manifest ({@code
 * RouteManifest}) and the source map ({@code SourceMap}) beside the sources.
 *
 * <p>It is the bottom layer of the plugin: {@code build}, {@code dev} and {@code maven} use it, it
 * uses none of them; shared concepts ({@code Messages}, {@code ProjectPaths}, {@code
 * GeneratedNames}, {@code RouteManifest}) are owned here. See docs/architecture.md.
 */
package dev.next4j.codegen;
