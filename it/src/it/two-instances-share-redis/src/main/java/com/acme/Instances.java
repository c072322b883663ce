package com.acme;

/** Which process renders: the build's prerender run, or the instance serving on $PORT. */
public final class Instances {
  private Instances() {}

  public static String name() {
    String port = System.getenv("PORT");
    return port == null ? "the build" : "instance " + port;
  }
}
