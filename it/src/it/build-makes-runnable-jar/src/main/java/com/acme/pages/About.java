package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;

public final class About implements StaticPage<Routes.About> {
  @Override
  public Response render(Routes.About params) {
    return Response.html("<h1>About us</h1>");
  }
}
