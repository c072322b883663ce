package com.acme.pages.api;

import com.acme.Routes;
import dev.next4j.runtime.ApiRoute;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.util.TreeMap;

public final class Echo implements ApiRoute<Routes.ApiEcho> {
  @Override
  public Response handle(Request request, Routes.ApiEcho params) {
    return Response.text("echo " + request.path() + " " + new TreeMap<>(request.query()));
  }
}
