package com.acme.pages.blog;

import com.acme.Routes;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;
import java.util.List;

/** fallback NOT_FOUND (Next.js's false): only the listed posts exist. */
public final class $slug implements StaticPage<Routes.BlogSlug> {
  @Override
  public Response render(Routes.BlogSlug params) {
    return Response.html("<h1>Post " + params.slug() + "</h1>");
  }

  @Override
  public List<Routes.BlogSlug> paths() {
    return List.of(new Routes.BlogSlug("hello"), new Routes.BlogSlug("hello world"));
  }
}
