package com.example.pages.blog;

import com.example.Routes;
import com.example.pages._Layout;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** {@code /blog/[slug]}: one page for every post; the slug arrives typed and decoded. */
public final class $slug implements Page<Routes.BlogSlug> {
  @Override
  public Response render(Request request, Routes.BlogSlug params) {
    return Response.html(_Layout.page("Post: " + _Layout.escape(params.slug()), "<p>Route " + request.route() + "</p>"));
  }
}
