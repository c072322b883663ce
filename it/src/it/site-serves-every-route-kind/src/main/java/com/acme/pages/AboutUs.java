package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.*;

public final class AboutUs implements Page<Routes.AboutUs> {
  @Override
  public Response render(Request request, Routes.AboutUs params) {
    return Response.html("<h1>About us</h1>");
  }
}
