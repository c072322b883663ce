package com.acme.pages.api;

import com.acme.Routes;
import com.acme.pages._Context;
import dev.next4j.runtime.ApiRoute;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

public final class Info implements ApiRoute<Routes.ApiInfo> {
  private final _Context context;

  public Info(_Context context) {
    this.context = context;
  }

  @Override
  public Response handle(Request request, Routes.ApiInfo params) {
    return Response.text("api: " + context.describe());
  }
}
