package com.example.pages.blog;

import com.example.Routes;
import com.example.pages._Layout;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.util.Map;

/**
 * {@code /blog/[slug]}: one page for every post; the slug arrives typed and decoded. A slug with
 * no post answers {@code Response.notFound()}, and the visitor gets the site's {@code _404}.
 */
public final class $slug implements Page<Routes.BlogSlug> {
  private static final Map<String, String> POSTS = Map.of(
      "first-post", "The first post.",
      "second-post", "Another one.");

  @Override
  public Response render(Request request, Routes.BlogSlug params) {
    String text = POSTS.get(params.slug());
    if (text == null) {
      return Response.notFound();
    }
    return Response.html(_Layout.page("Post: " + _Layout.escape(params.slug()),
        "<p>" + text + "</p><p>Route " + request.route() + "</p>"));
  }
}
