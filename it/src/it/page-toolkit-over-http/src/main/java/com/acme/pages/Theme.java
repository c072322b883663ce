package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Cookie;
import dev.next4j.runtime.HttpException;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** Sets a cookie from the query: a value no cookie may hold is the client's mistake, a 400. */
public final class Theme implements Page<Routes.Theme> {
  @Override
  public Response render(Request request, Routes.Theme params) {
    String theme = request.queryParam("theme").orElse("light");
    Cookie cookie;
    try {
      cookie = Cookie.of("theme", theme);
    } catch (IllegalArgumentException e) {
      throw HttpException.badRequest("theme: " + e.getMessage());
    }
    return Response.html("<p>theme set</p>").withCookie(cookie);
  }
}
