package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

public final class B implements Page<Routes.B> {
  @Override
  public Response render(Request request, Routes.B params) {
    return Response.html("<!doctype html><html><body><h1>Page b</h1></body></html>");
  }
}
