package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

public final class Index implements Page<Routes.Index> {
  @Override
  public Response render(Request request, Routes.Index params) {
    return Response.html("home " + request.locale());
  }
}
