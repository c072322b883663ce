package com.example.pages;

import com.example.Routes;
import com.example.posts.Posts;
import dev.next4j.runtime.Html;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/**
 * {@code /}: links to the other pages, built with the typed route records, and to every post of
 * the posts repository it gets from the site's services ({@code _Context}).
 */
public final class Index implements Page<Routes.Index> {
  private final String blogTitle;
  private final Posts posts;

  public Index(_Context context) {
    this.blogTitle = context.blogTitle();
    this.posts = context.posts();
  }

  @Override
  public Response render(Request request, Routes.Index params) {
    StringBuilder list = new StringBuilder();
    for (Posts.Post post : posts.all()) {
      list.append("<li><a href=\"").append(new Routes.BlogSlug(post.slug()).href()).append("\">")
          .append(Html.text(post.title())).append("</a></li>");
    }
    return Response.html(_Layout.page("Hello from next4j",
        "<p>This page is " + Index.class.getName() + ", served at /.</p>"
            + "<ul>"
            + "<li><a href=\"" + new Routes.About().href() + "\">About</a></li>"
            + "<li><a href=\"" + new Routes.BlogSlug("first-post").href() + "\">A blog post</a></li>"
            + "<li><a href=\"" + new Routes.BlogSlug("no-such-post").href() + "\">A post that does not exist</a> (the 404 page)</li>"
            + "<li><a href=\"" + new Routes.ApiHello().href() + "\">An API route</a> (JSON through Jackson)</li>"
            + "<li><a href=\"" + new Routes.Subscribe().href() + "\">A form</a> (post, validate, redirect, cookie)</li>"
            + "</ul>"
            + "<h2>" + Html.text(blogTitle) + "</h2><ul>" + list + "</ul>"));
  }
}
