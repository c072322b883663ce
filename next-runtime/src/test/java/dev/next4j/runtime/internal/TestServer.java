package dev.next4j.runtime.internal;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;

/** A server main as the plugin generates it, for the tests that run {@code NextApp.serve} in a JVM of its own. */
public final class TestServer {
  private TestServer() {}

  public static void main(String[] args) {
    NextApp.serve(args, options -> NextApp.create(TestSite.table(), NextConfig.defaults(), options));
  }
}
