package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.next4j.junit.NextClient;
import dev.next4j.junit.NextTest;
import dev.next4j.runtime.Response;
import org.junit.jupiter.api.Test;

/** The site served by its generated server on a free port, asked as a browser would ask it. */
@NextTest(NextServer.class)
class SiteTest {
  @Test
  void homeLinksToTheOtherPages(NextClient client) {
    Response home = client.get("/");

    assertEquals(200, home.status());
    assertTrue(home.bodyText().contains("<a href=\"/blog/first-post\">A blog post</a>"), home.bodyText());
  }

  @Test
  void blogPostByItsRouteRecord(NextClient client) {
    Response post = client.get(new Routes.BlogSlug("hello world"));

    assertEquals(200, post.status());
    assertTrue(post.bodyText().contains("Post: hello world"), post.bodyText());
  }

  @Test
  void apiRouteAnswersPost(NextClient client) {
    Response hello = client.post(new Routes.ApiHello().href(), "");

    assertEquals("{\"message\":\"hello\",\"method\":\"POST\"}", hello.bodyText());
  }

  @Test
  void unknownPathIsTheSites404(NextClient client) {
    Response missing = client.get("/nowhere");

    assertEquals(404, missing.status());
    assertTrue(missing.bodyText().contains("Nothing at /nowhere."), missing.bodyText());
  }
}
