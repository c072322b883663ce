package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.next4j.junit.NextClient;
import dev.next4j.junit.NextTest;
import org.junit.jupiter.api.Test;

@NextTest(value = NextServer.class, inProcess = true)
class InProcessTest {
  @Test
  void missingPageIs404(NextClient client) {
    assertEquals(404, client.get("/nowhere").status());
  }
}
