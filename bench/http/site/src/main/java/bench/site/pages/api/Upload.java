package bench.site.pages.api;

import bench.site.Routes;
import dev.next4j.runtime.ApiRoute;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/**
 * {@code /api/upload}: reads the whole body into memory and answers its length, for bench/load.sh's
 * parallel-POST test of the body buffer budget (GET answers 0 without reading anything).
 */
public final class Upload implements ApiRoute<Routes.ApiUpload> {
  @Override
  public Response handle(Request request, Routes.ApiUpload params) {
    int bytes = request.method().equals("POST") ? request.body().length : 0;
    return Response.json("{\"bytes\":" + bytes + "}");
  }
}
