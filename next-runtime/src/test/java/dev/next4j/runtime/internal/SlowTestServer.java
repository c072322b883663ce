package dev.next4j.runtime.internal;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.generated.TestRoutes;

/** A server main whose {@code /slow} page takes {@code slow.millis} (default 2000) ms, printing
 * {@code slow page started} when it begins, for the shutdown tests. */
public final class SlowTestServer {
  private SlowTestServer() {}

  public static void main(String[] args) {
    long millis = Long.getLong("slow.millis", 2000);
    NextApp.serve(args, options -> NextApp.create(TestRoutes.table(
        TestRoutes.page("/slow", r -> new TestSite.None(), (request, p) -> {
          System.out.println("slow page started");
          System.out.flush();
          Thread.sleep(millis);
          return Response.html("slow page done");
        }),
        TestRoutes.page("/fast", r -> new TestSite.None(), (request, p) -> Response.html("fast"))), NextConfig.defaults(), options));
  }
}
