package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

public final class About implements Page<Routes.About> {
  @Override
  public Response render(Request request, Routes.About params) {
    return Response.html("about " + request.locale());
  }
}
