package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;

/** Prerendered once per locale: Next.js's getStaticProps({locale}). */
public final class Guide implements StaticPage<Routes.Guide> {
  @Override
  public Response render(Routes.Guide params) {
    return render(params, "en-US");
  }

  @Override
  public Response render(Routes.Guide params, String locale) {
    return Response.html(locale.equals("fr") ? "<h1>Le guide</h1>" : "<h1>The guide (" + locale + ")</h1>");
  }
}
