package com.acme.pages.docs;

import com.acme.Routes;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;
import java.util.List;

/** fallback RENDER_ON_DEMAND (Next.js's 'blocking'): unlisted docs render on their first request. */
public final class $slug implements StaticPage<Routes.DocsSlug> {
  @Override
  public Response render(Routes.DocsSlug params) {
    return Response.html("<h1>Doc " + params.slug() + "</h1><p>" + System.nanoTime() + "</p>");
  }

  @Override
  public List<Routes.DocsSlug> paths() {
    return List.of(new Routes.DocsSlug("intro"));
  }

  @Override
  public Fallback fallback() {
    return Fallback.RENDER_ON_DEMAND;
  }
}
