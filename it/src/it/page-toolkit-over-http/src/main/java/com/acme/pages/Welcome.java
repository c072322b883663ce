package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Html;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

public final class Welcome implements Page<Routes.Welcome> {
  @Override
  public Response render(Request request, Routes.Welcome params) {
    String user = request.cookie("user").orElse("nobody").replace("%40", "@");
    return Response.html("<h1>Welcome " + Html.text(user) + "</h1><p>avatar "
        + Html.text(request.queryParam("avatar").orElse("none")) + "</p>");
  }
}
