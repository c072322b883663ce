package com.acme.pages;

import com.acme.Instances;
import com.acme.Routes;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;

/** Never stale on its own: only on-demand revalidation renders it again. */
public final class Stamp implements StaticPage<Routes.Stamp> {
  @Override
  public Response render(Routes.Stamp params) {
    return Response.html("<p>stamp by " + Instances.name() + " at " + System.nanoTime() + "</p>");
  }
}
