package com.acme.pages.posts;

import com.acme.Routes;
import dev.next4j.runtime.HttpException;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** A post by id: an unknown id is the site's 404 page, returned or thrown. */
public final class $id implements Page<Routes.PostsId> {
  @Override
  public Response render(Request request, Routes.PostsId params) {
    if (params.id().equals("1")) {
      return Response.html("<h1>post 1</h1>");
    }
    if (params.id().equals("thrown")) {
      throw new HttpException(404, "no post called thrown");
    }
    return Response.notFound();
  }
}
