package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;
import java.time.Duration;
import java.util.Optional;

/** ISR: stale one second after it was rendered, then regenerated in the background. */
public final class News implements StaticPage<Routes.News> {
  @Override
  public Response render(Routes.News params) {
    return Response.html("<h1>News</h1><p>" + System.nanoTime() + "</p>");
  }

  @Override
  public Optional<Duration> revalidate() {
    return Optional.of(Duration.ofSeconds(1));
  }
}
