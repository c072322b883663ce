package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.next4j.junit.NextClient;
import dev.next4j.junit.NextTest;
import org.junit.jupiter.api.Test;

@NextTest(NextServer.class)
class PassingTest {
  @Test
  void home(NextClient client) {
    assertEquals("<h1>Welcome</h1>", client.get("/").bodyText());
  }

  @Test
  void post(NextClient client) {
    assertEquals("<h1>first</h1>", client.get(new Routes.BlogSlug("first")).bodyText());
  }
}
