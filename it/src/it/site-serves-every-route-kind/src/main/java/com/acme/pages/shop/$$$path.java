package com.acme.pages.shop;

import com.acme.Routes;
import dev.next4j.runtime.*;

public final class $$$path implements Page<Routes.ShopPath> {
  @Override
  public Response render(Request request, Routes.ShopPath params) {
    return Response.text("shop " + params.path());
  }
}
