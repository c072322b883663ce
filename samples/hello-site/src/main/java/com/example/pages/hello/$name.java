package com.example.pages.hello;

import com.example.Routes;
import dev.next4j.jte.Templates;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import gg.jte.generated.precompiled.JtehelloGenerated;

/** {@code /hello/[name]}: a jte template, given the route's params record as it is. */
public final class $name implements Page<Routes.HelloName> {
  @Override
  public Response render(Request request, Routes.HelloName params) {
    return Templates.html(out -> JtehelloGenerated.render(out, null, params, request.route()));
  }
}
