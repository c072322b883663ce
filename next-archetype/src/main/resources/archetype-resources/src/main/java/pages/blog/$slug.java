#set( $symbol_dollar = '$' )
package ${package}.pages.blog;

import ${package}.Routes;
import ${package}.pages._Layout;
import dev.next4j.runtime.Html;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** {@code /blog/[slug]}: the slug arrives decoded and typed; it is escaped before it is written. */
public final class ${symbol_dollar}slug implements Page<Routes.BlogSlug> {
  @Override
  public Response render(Request request, Routes.BlogSlug params) {
    return Response.html(_Layout.page("Post: " + Html.text(params.slug()),
        "<p><a href=\"" + new Routes.Index().href() + "\">Home</a></p>"));
  }
}
