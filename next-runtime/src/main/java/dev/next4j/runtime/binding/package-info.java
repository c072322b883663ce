/**
 * What an HTTP engine implements to serve a next4j app: {@link
 * dev.next4j.runtime.binding.ServerExchange}, one exchange, which {@code NextApp.serve(exchange)}
 * answers with the whole pipeline, and {@link dev.next4j.runtime.binding.HttpEngine}, which starts
 * a server for {@code NextApp.serve(args, factory, engine)} (the generated {@code main}). The JDK's
 * {@code HttpServer} is the binding built in; another engine (the optional {@code next-helidon})
 * adapts its requests to these interfaces and nothing else, so every engine serves with the same
 * checks, limits and semantics.
 */
package dev.next4j.runtime.binding;
