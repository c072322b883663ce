package com.acme.pages;

import dev.next4j.runtime.Middleware;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** Refuses everything under /docs/private; marks every other response it sees. */
public final class _Middleware implements Middleware {
  @Override
  public Middleware.Result handle(Request request) {
    if (request.path().startsWith("/private")) {
      return Middleware.respond(Response.text("no").withStatus(401));
    }
    return Middleware.next().withHeader("X-Middleware", "seen");
  }
}
