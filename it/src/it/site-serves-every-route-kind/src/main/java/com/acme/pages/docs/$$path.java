package com.acme.pages.docs;

import com.acme.Routes;
import dev.next4j.runtime.*;

public final class $$path implements Page<Routes.DocsPath> {
  @Override
  public Response render(Request request, Routes.DocsPath params) {
    return Response.text("docs " + params.path());
  }
}
