package ${package}.pages;

import dev.next4j.runtime.ErrorPage;
import dev.next4j.runtime.Html;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** The page for unknown paths (Next.js's pages/404.js); the client gets status 404. */
public final class _404 implements ErrorPage {
  @Override
  public Response render(Request request, int status) {
    return Response.html(_Layout.page("Not found", "<p>Nothing at " + Html.text(request.path()) + ".</p>"));
  }
}
