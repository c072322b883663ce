package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** Links to a post in every locale, as {@code <Link locale="...">} builds them. */
public final class Index implements Page<Routes.Index> {
  @Override
  public Response render(Request request, Routes.Index params) {
    Routes.BlogSlug post = new Routes.BlogSlug("hello world");
    Routes.Locales here = Routes.Locales.of(request.locale());
    return Response.text(String.join("\n",
        "locale " + here.tag(),
        "default " + post.href(Routes.Locales.EN_US),
        "fr " + post.href(Routes.Locales.FR),
        "nl " + post.href(Routes.Locales.NL_NL),
        "home fr " + params.href(Routes.Locales.FR),
        "on this host fr " + post.href(Routes.Locales.FR, request),
        "on this host en " + post.href(Routes.Locales.EN_US, request)));
  }
}
