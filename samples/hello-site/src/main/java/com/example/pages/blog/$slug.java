package com.example.pages.blog;

import com.example.Routes;
import com.example.pages._Context;
import com.example.pages._Layout;
import com.example.posts.Posts;
import dev.next4j.runtime.Html;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/**
 * {@code /blog/[slug]}: one page for every post, read from the site's posts repository, which the
 * route table hands to the constructor (see {@code _Context}); the slug arrives typed and decoded.
 * A slug with no post answers {@code Response.notFound()}, and the visitor gets the site's {@code _404}.
 */
public final class $slug implements Page<Routes.BlogSlug> {
  private final Posts posts;

  public $slug(_Context context) {
    this.posts = context.posts();
  }

  @Override
  public Response render(Request request, Routes.BlogSlug params) {
    return posts.find(params.slug())
        .map(post -> Response.html(_Layout.page("Post: " + Html.text(post.title()),
            "<p>" + Html.text(post.text()) + "</p><p>Route " + request.route() + "</p>")))
        .orElseGet(Response::notFound);
  }
}
