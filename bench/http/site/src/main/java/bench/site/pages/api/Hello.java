package bench.site.pages.api;

import bench.site.Routes;
import dev.next4j.runtime.ApiRoute;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** {@code /api/hello}: a fixed JSON answer. */
public final class Hello implements ApiRoute<Routes.ApiHello> {
  @Override
  public Response handle(Request request, Routes.ApiHello params) {
    return Response.json("{\"hello\":\"world\"}");
  }
}
