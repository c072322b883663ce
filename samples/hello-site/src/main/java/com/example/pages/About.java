package com.example.pages;

import com.example.Routes;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;

/** {@code /about}: a static page, the same for every request. */
public final class About implements StaticPage<Routes.About> {
  @Override
  public Response render(Routes.About params) {
    return Response.html(_Layout.page("About", "<p>File-system routing for Java, like Next.js.</p>"));
  }
}
