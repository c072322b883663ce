package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.*;

public final class Index implements Page<Routes.Index> {
  @Override
  public Response render(Request request, Routes.Index params) {
    String link = new Routes.BlogSlug("hello world").href();
    return Response.html("<h1>Home</h1><a href=\"" + link + "\">first post</a>");
  }
}
