package com.acme.pages;

import dev.next4j.runtime.ErrorPage;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

public final class _404 implements ErrorPage {
  private final _Context context;

  public _404(_Context context) {
    this.context = context;
  }

  @Override
  public Response render(Request request, int status) {
    return Response.text("not found: " + context.describe()).withStatus(status);
  }
}
