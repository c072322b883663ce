/**
 * What an HTTP engine implements to serve a next4j app: {@link
 * dev.next4j.runtime.binding.ServerExchange}, one exchange, which {@code NextApp.serve(exchange)}
 * answers with the whole pipeline. The JDK's {@code HttpServer} is the binding built in; any other
 * engine adapts its requests to this interface and nothing else,
 * so every engine serves with the same checks, limits and semantics.
 */
package dev.next4j.runtime.binding;
