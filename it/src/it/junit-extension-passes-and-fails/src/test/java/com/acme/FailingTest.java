package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.next4j.junit.NextClient;
import dev.next4j.junit.NextTest;
import org.junit.jupiter.api.Test;

@NextTest(NextServer.class)
class FailingTest {
  @Test
  void homeHasTheOldTitle(NextClient client) {
    assertEquals("<h1>Hello</h1>", client.get("/").bodyText(), "the home page's title");
  }
}
