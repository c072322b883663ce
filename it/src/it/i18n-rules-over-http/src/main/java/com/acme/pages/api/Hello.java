package com.acme.pages.api;

import com.acme.Routes;
import dev.next4j.runtime.ApiRoute;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

public final class Hello implements ApiRoute<Routes.ApiHello> {
  @Override
  public Response handle(Request request, Routes.ApiHello params) {
    return Response.text("hello " + request.locale());
  }
}
