package com.acme.pages;

import com.acme.Routes;
import com.acme.Stamp;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a resource the pom copies to messages/, one from a folder made after start, and the processor's class. */
public final class Index implements Page<Routes.Index> {
  @Override
  public Response render(Request request, Routes.Index params) throws IOException {
    return Response.html("<p id=\"greeting\">" + read("/messages/greeting.txt") + "</p>"
        + "<p id=\"late\">" + read("/late.txt") + "</p>"
        + "<p id=\"stamp\">" + Stamp.TEXT + "</p>");
  }

  private static String read(String name) throws IOException {
    try (InputStream in = Index.class.getResourceAsStream(name)) {
      return in == null ? "missing " + name : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
