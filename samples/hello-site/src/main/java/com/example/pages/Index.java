package com.example.pages;

import com.example.Routes;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** {@code /}: links to the other pages, built with the typed route records. */
public final class Index implements Page<Routes.Index> {
  @Override
  public Response render(Request request, Routes.Index params) {
    return Response.html(_Layout.page("Hello from next4j",
        "<p>This page is " + Index.class.getName() + ", served at /.</p>"
            + "<ul>"
            + "<li><a href=\"" + new Routes.About().href() + "\">About</a></li>"
            + "<li><a href=\"" + new Routes.BlogSlug("first-post").href() + "\">A blog post</a></li>"
            + "<li><a href=\"" + new Routes.BlogSlug("no-such-post").href() + "\">A post that does not exist</a> (the 404 page)</li>"
            + "<li><a href=\"" + new Routes.ApiHello().href() + "\">An API route</a> (JSON through Jackson)</li>"
            + "<li><a href=\"" + new Routes.Subscribe().href() + "\">A form</a> (post, validate, redirect, cookie)</li>"
            + "</ul>"));
  }
}
