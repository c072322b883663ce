package ${package}.pages;

import ${package}.Routes;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/** {@code /}: links are built from the typed route records, so a deleted page breaks the build. */
public final class Index implements Page<Routes.Index> {
  @Override
  public Response render(Request request, Routes.Index params) {
    return Response.html(_Layout.page("Hello from next4j",
        "<p>Edit this page in pages/Index.java and save: mvn next:run reloads it.</p>"
            + "<ul>"
            + "<li><a href=\"" + new Routes.BlogSlug("hello world").href() + "\">A blog post</a></li>"
            + "<li><a href=\"" + new Routes.ApiHello().href() + "\">An API route</a></li>"
            + "</ul>"));
  }
}
