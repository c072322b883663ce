#set( $symbol_dollar = '$' )
package ${package}.pages.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.Routes;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import org.junit.jupiter.api.Test;

/** Pages are plain classes: a test renders one with a request, no server needed. */
class SlugTest {
  @Test
  void linkToAPostIsPercentEncoded() {
    assertEquals("/blog/hello%20world", new Routes.BlogSlug("hello world").href());
  }

  @Test
  void slugIsEscaped() {
    String slug = "<script>alert(1)</script>";
    Response response = new ${symbol_dollar}slug().render(Request.get(new Routes.BlogSlug(slug).href()), new Routes.BlogSlug(slug));

    assertEquals(200, response.status());
    assertTrue(response.bodyText().contains("<h1>Post: &lt;script&gt;alert(1)&lt;/script&gt;</h1>"), response.bodyText());
    assertFalse(response.bodyText().contains("<script>"), response.bodyText());
  }
}
