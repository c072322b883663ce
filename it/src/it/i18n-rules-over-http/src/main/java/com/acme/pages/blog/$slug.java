package com.acme.pages.blog;

import com.acme.Routes;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

public final class $slug implements Page<Routes.BlogSlug> {
  @Override
  public Response render(Request request, Routes.BlogSlug params) {
    return Response.html("post " + params.slug() + " " + request.locale());
  }
}
