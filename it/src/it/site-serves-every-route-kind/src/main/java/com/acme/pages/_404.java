package com.acme.pages;

import dev.next4j.runtime.*;

public final class _404 implements ErrorPage {
  @Override
  public Response render(Request request, int status) {
    return Response.html("<h1>Nothing at " + request.path() + "</h1>");
  }
}
