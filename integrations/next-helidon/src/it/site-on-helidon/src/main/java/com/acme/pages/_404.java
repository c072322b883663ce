package com.acme.pages;

import dev.next4j.runtime.ErrorPage;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

public final class _404 implements ErrorPage {
  @Override
  public Response render(Request request, int status) {
    return Response.html("<h1>Nothing at " + request.path() + "</h1>");
  }
}
