package com.acme.pages.blog;

import com.acme.Routes;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** Copied from Index.java and not updated: its record is still Index's. */
public final class $slug implements Page<Routes.Index> {
  @Override
  public Response render(Request request, Routes.Index params) {
    return Response.html("<h1>Post</h1>");
  }
}
