package com.acme.pages.api;

import com.acme.Routes;
import dev.next4j.runtime.ApiRoute;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** On-demand revalidation, as Next.js's res.revalidate(path): POST /api/revalidate?path=/stamp. */
public final class Revalidate implements ApiRoute<Routes.ApiRevalidate> {
  @Override
  public Response handle(Request request, Routes.ApiRevalidate params) {
    String path = request.queryParam("path").orElseThrow();
    request.revalidate(path);
    return Response.json("{\"revalidated\":\"" + path + "\"}");
  }
}
