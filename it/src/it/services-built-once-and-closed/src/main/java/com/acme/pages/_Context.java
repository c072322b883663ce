package com.acme.pages;

import dev.next4j.runtime.Env;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** The site's services: one id per context, a count of contexts built, a marker file written on close. */
public final class _Context implements AutoCloseable {
  private static final AtomicInteger BUILT = new AtomicInteger();

  private final String id = UUID.randomUUID().toString();
  private final Optional<String> marker;
  private final AtomicInteger served = new AtomicInteger();

  public _Context(Env env) {
    BUILT.incrementAndGet();
    this.marker = env.get("CLOSED_MARKER");
  }

  public String describe() {
    return "context " + id + " (contexts built: " + BUILT.get() + ", requests: " + served.incrementAndGet() + ")";
  }

  @Override
  public void close() throws IOException {
    if (marker.isPresent()) {
      Files.writeString(Path.of(marker.get()), "closed " + id + " after " + served.get() + " requests\n");
    }
  }
}
