package com.acme.pages.getting_started;

import com.acme.Routes;
import dev.next4j.runtime.*;

public final class Index implements Page<Routes.GettingStarted> {
  @Override
  public Response render(Request request, Routes.GettingStarted params) {
    return Response.html("<h1>Getting started</h1>");
  }
}
