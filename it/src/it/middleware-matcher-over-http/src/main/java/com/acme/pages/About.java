package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Cookie;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** Shows the request header middleware set and whether it sees the one middleware removed, and sets a cookie of its own. */
public final class About implements Page<Routes.About> {
  @Override
  public Response render(Request request, Routes.About params) {
    return Response.html("about user=" + request.header("x-user").orElse("-")
            + " debug=" + request.header("x-debug-token").orElse("-"))
        .withCookie(Cookie.of("page", "about"));
  }
}
