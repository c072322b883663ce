package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;

/** Prerendered: its text names the JVM that rendered it, which is the build's. */
public final class Index implements StaticPage<Routes.Index> {
  @Override
  public Response render(Routes.Index params) {
    String renderer = System.getProperty("sun.java.command", "?").contains("--prerender") ? "build" : "server";
    return Response.html("<h1>Home</h1><p>rendered by the " + renderer + "</p>" + "<!-- padding -->".repeat(100));
  }
}
