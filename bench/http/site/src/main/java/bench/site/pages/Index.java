package bench.site.pages;

import bench.site.Routes;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/**
 * {@code /}: the fixed page. A {@code Page}, not a {@code StaticPage}, so that every request runs
 * the pipeline as the bare server's handler does.
 */
public final class Index implements Page<Routes.Index> {
  @Override
  public Response render(Request request, Routes.Index params) {
    return Response.html(_Content.HOME);
  }
}
