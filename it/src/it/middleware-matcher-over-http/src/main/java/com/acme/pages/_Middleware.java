package com.acme.pages;

import dev.next4j.runtime.Cookie;
import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteRule;
import java.util.List;

/**
 * Runs for /about and for posts unless the client sends X-Skip: it names the user for the page,
 * keeps the client's X-Debug-Token from it, adds two Link values and a cookie, and sends
 * /blog/secret to /about.
 */
public final class _Middleware implements Middleware {
  @Override
  public List<Middleware.Matcher> matcher() {
    return List.of(
        Middleware.Matcher.of("/about"),
        Middleware.Matcher.of("/blog/:slug").missing(RouteRule.Condition.header("x-skip")));
  }

  @Override
  public Middleware.Result handle(Request request) {
    if (request.path().equals("/blog/secret")) {
      return Middleware.respond(Response.redirect("/about"));
    }
    return Middleware.next()
        .withRequestHeader("X-User", "ada")
        .withoutRequestHeader("X-Debug-Token")
        .addHeader("Link", "</a.css>; rel=preload")
        .addHeader("Link", "</b.js>; rel=preload")
        .withCookie(Cookie.of("mw", "1"))
        .withHeader("X-Middleware", "ran");
  }
}
