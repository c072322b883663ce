package com.acme.pages.blog;

import com.acme.Routes;
import dev.next4j.jte.Templates;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import gg.jte.generated.precompiled.blog.JtepostGenerated;

/** The route's params record goes into the template as it is; jte escapes the slug. */
public final class $slug implements Page<Routes.BlogSlug> {
  @Override
  public Response render(Request request, Routes.BlogSlug params) {
    return Templates.html(out -> JtepostGenerated.render(out, null, params, 42));
  }
}
