package bench.site.pages.blog;

import bench.site.Routes;
import bench.site.pages._Content;
import dev.next4j.runtime.Html;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** {@code /blog/[slug]}: the blog template with the slug (decoded by the router) escaped for HTML. */
public final class $slug implements Page<Routes.BlogSlug> {
  @Override
  public Response render(Request request, Routes.BlogSlug params) {
    return Response.html(_Content.BLOG.replace("{{slug}}", Html.text(params.slug())));
  }
}
