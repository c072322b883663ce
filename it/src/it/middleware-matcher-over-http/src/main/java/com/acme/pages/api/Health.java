package com.acme.pages.api;

import com.acme.Routes;
import dev.next4j.runtime.ApiRoute;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

public final class Health implements ApiRoute<Routes.ApiHealth> {
  @Override
  public Response handle(Request request, Routes.ApiHealth params) {
    return Response.text("ok user=" + request.header("x-user").orElse("-"));
  }
}
