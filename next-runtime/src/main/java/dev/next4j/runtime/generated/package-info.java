/**
 * The entry points of generated code: what {@code Routes.table()} and {@code NextServer} call, and
 * what the runtime's dispatcher reads. Users do not call these; they meet {@code dev.next4j.runtime}
 * ({@code Page}, {@code Request}, {@code RouteTable}, {@code NextApp}, ...).
 *
 * <ul>
 *   <li>{@link dev.next4j.runtime.generated.TableBuilder}: the routes in matching order, then the
 *       special pages; {@code build()} makes the {@link dev.next4j.runtime.RouteTable}.
 *   <li>{@link dev.next4j.runtime.generated.Route}: one route, its {@link
 *       dev.next4j.runtime.generated.Segment}s pre-split by the plugin, its handler, and the {@link
 *       dev.next4j.runtime.generated.ParamsFactory} that builds its typed params record.
 *   <li>{@link dev.next4j.runtime.generated.Routing}: the table's trie and special pages; its
 *       {@code match} gives a {@link dev.next4j.runtime.generated.Match}.
 *   <li>{@link dev.next4j.runtime.generated.LocaleLinks}: a page's URL in a locale, for the
 *       {@code href(Routes.Locales)} of a site with i18n.
 * </ul>
 *
 * <p>The plugin's generator is the one authority on routes: it parses page names, checks the set
 * and orders it. Nothing here parses a pattern string, checks a conflict or sorts; see
 * docs/architecture.md for the pipeline.
 */
package dev.next4j.runtime.generated;
