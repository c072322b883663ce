package com.acme.pages.blog;

import com.acme.Routes;
import dev.next4j.runtime.*;

public final class Index implements Page<Routes.Blog> {
  @Override
  public Response render(Request request, Routes.Blog params) {
    return Response.html("<h1>Blog</h1>");
  }
}
