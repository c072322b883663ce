package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

public final class A implements Page<Routes.A> {
  @Override
  public Response render(Request request, Routes.A params) {
    return Response.html("page a" + request.queryParam("from").map(f -> " from " + f).orElse(""));
  }
}
