package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

public final class Index implements Page<Routes.Index> {
  private final _Context context;

  public Index(_Context context) {
    this.context = context;
  }

  @Override
  public Response render(Request request, Routes.Index params) {
    return Response.text("index: " + context.describe());
  }
}
