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
  void homeListsThePostsOfTheServicesItWasHanded(NextClient client) {
    Response home = client.get("/");

    assertTrue(home.bodyText().contains("<h2>The blog</h2><ul><li><a href=\"/blog/first-post\">The first post</a></li>"
        + "<li><a href=\"/blog/second-post\">Another one</a></li></ul>"), home.bodyText());
  }

  @Test
  void blogPostByItsRouteRecord(NextClient client) {
    Response post = client.get(new Routes.BlogSlug("first-post"));

    assertEquals(200, post.status());
    assertTrue(post.bodyText().contains("Post: The first post"), post.bodyText());
  }

  @Test
  void aPostThatDoesNotExistIsTheSites404(NextClient client) {
    Response missing = client.get(new Routes.BlogSlug("no-such-post"));

    assertEquals(404, missing.status());
    assertTrue(missing.bodyText().contains("Nothing at /blog/no-such-post."), missing.bodyText());
  }

  @Test
  void apiRouteReadsAndWritesJson(NextClient client) {
    Response hello = client.post(new Routes.ApiHello().href(), "{\"name\":\"Ada\"}", "Content-Type", "application/json");
    Response malformed = client.post(new Routes.ApiHello().href(), "{\"name\":", "Content-Type", "application/json");

    assertEquals(200, hello.status());
    assertEquals("{\"message\":\"Hello, Ada\",\"method\":\"POST\"}", hello.bodyText());
    assertEquals(400, malformed.status());
    assertTrue(malformed.bodyText().startsWith("malformed JSON at line 1"), malformed.bodyText());
  }

  @Test
  void theFormValidatesSetsACookieAndRedirects(NextClient client) {
    Response invalid = client.post(new Routes.Subscribe().href(), "email=nope", "Content-Type", "application/x-www-form-urlencoded");
    Response valid = client.post(new Routes.Subscribe().href(), "email=ada%40example.com",
        "Content-Type", "application/x-www-form-urlencoded");

    assertEquals(422, invalid.status());
    assertEquals(303, valid.status());
    assertEquals("/subscribed", valid.header("location").orElse(""));
    assertTrue(valid.header("set-cookie").orElse("").startsWith("subscriber=ada%40example.com; Max-Age=2592000; Path=/"),
        valid.headers().toString());
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
