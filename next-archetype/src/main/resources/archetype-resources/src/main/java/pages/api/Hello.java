package ${package}.pages.api;

import ${package}.Routes;
import dev.next4j.runtime.ApiRoute;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** {@code /api/hello}: an API route answers every method. */
public final class Hello implements ApiRoute<Routes.ApiHello> {
  @Override
  public Response handle(Request request, Routes.ApiHello params) {
    return Response.json("{\"message\":\"hello\",\"method\":\"" + request.method() + "\"}");
  }
}
