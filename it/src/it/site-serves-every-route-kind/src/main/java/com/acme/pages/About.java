package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.*;

public final class About implements StaticPage<Routes.About> {
  @Override
  public Response render(Routes.About params) {
    return Response.html("<h1>About</h1>");
  }
}
