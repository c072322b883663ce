/**
 * The hook a host uses to run apps and serve part of them itself: the dev server of {@code mvn
 * next:run} is the one host next4j has. Production code never installs one.
 *
 * <p>A host is an {@link dev.next4j.runtime.host.AppHost} put in the {@link
 * dev.next4j.runtime.host.HostSlot}. Every dev-mode app ({@code NextOptions.dev()}) made while one
 * is installed asks it once, when the app is created, for a {@link
 * dev.next4j.runtime.host.HostedApp}, and from then on, for each request:
 *
 * <ol>
 *   <li>{@link dev.next4j.runtime.host.HostedApp#serve} before routing, for requests through
 *       {@code app.requestHandler()}: the host answers its own paths (the live-reload stream);
 *   <li>{@link dev.next4j.runtime.host.HostedApp#serving}: the route table to serve now, or an
 *       answer that replaces routing (the error page of a broken build);
 *   <li>{@link dev.next4j.runtime.host.HostedApp#filter} on every response, before ETag, gzip and
 *       HEAD handling (the live-reload script goes into HTML).
 * </ol>
 *
 * <p>An app made without a host (every production app) keeps a null reference and pays one null
 * check per request; the slot is never read after creation. The slot is static because a custom
 * server builds its own {@code NextOptions}: it is the one channel through which {@code next:run}
 * reaches an app it did not make, which is why the dev server and the app share one copy of {@code
 * next-runtime} (see {@code docs/architecture.md}).
 */
package dev.next4j.runtime.host;
