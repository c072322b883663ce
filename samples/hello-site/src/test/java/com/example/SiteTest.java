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
    Response post = client.get(new Routes.BlogSlug("first-post"));

    assertEquals(200, post.status());
    assertTrue(post.bodyText().contains("Post: first-post"), post.bodyText());
  }

  @Test
  void aPostThatDoesNotExistIsTheSites404(NextClient client) {
    Response missing = client.get(new Routes.BlogSlug("no-such-post"));

    assertEquals(404, missing.status());
    assertTrue(missing.bodyText().contains("Nothing at /blog/no-such-post."), missing.bodyText());
  }

  @Test
  void apiRouteAnswersPost(NextClient client) {
    Response hello = client.post(new Routes.ApiHello().href(), "{\"name\":\"Ada\"}", "Content-Type", "application/json");

    assertEquals(200, hello.status());
    assertEquals("{\"message\":\"Hello, Ada\",\"method\":\"POST\"}", hello.bodyText());
  }

  @Test
  void unknownPathIsTheSites404(NextClient client) {
    Response missing = client.get("/nowhere");

    assertEquals(404, missing.status());
    assertTrue(missing.bodyText().contains("Nothing at /nowhere."), missing.bodyText());
  }

  @Test
  void docsTopicsArePrerenderedAndServedStored(NextClient client) {
    Response routing = client.get(new Routes.DocsTopic("routing"));
    Response unlisted = client.get(new Routes.DocsTopic("unlisted"));

    assertEquals(200, routing.status());
    assertTrue(routing.bodyText().contains("File names are routes"), routing.bodyText());
    assertEquals("s-maxage=31536000, stale-while-revalidate", routing.header("cache-control").orElse(""));
    assertTrue(routing.header("etag").orElse("").matches("\"[A-Za-z0-9_-]+\""), routing.headers().toString());
    assertEquals(404, unlisted.status());
  }
}
