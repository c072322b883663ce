package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** A page without services is built as before. */
public final class Plain implements Page<Routes.Plain> {
  @Override
  public Response render(Request request, Routes.Plain params) {
    return Response.text("plain");
  }
}
