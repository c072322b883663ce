package com.acme.pages.api.users;

import com.acme.Routes;
import dev.next4j.runtime.*;

public final class $id implements ApiRoute<Routes.ApiUsersId> {
  @Override
  public Response handle(Request request, Routes.ApiUsersId params) {
    return Response.json("{\"id\":\"" + params.id() + "\"}");
  }
}
