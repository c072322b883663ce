package com.acme.pages;

import com.acme.Instances;
import com.acme.Routes;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;
import java.time.Duration;
import java.util.Optional;

/** ISR: stale two seconds after it was rendered; says which instance rendered it (PORT), and when. */
public final class News implements StaticPage<Routes.News> {
  @Override
  public Response render(Routes.News params) {
    return Response.html("<h1>News</h1><p>by " + Instances.name() + " at " + System.nanoTime() + "</p>");
  }

  @Override
  public Optional<Duration> revalidate() {
    return Optional.of(Duration.ofSeconds(2));
  }
}
