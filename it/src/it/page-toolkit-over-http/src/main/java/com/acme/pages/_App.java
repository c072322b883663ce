package com.acme.pages;

import dev.next4j.jackson.JacksonCodec;
import dev.next4j.runtime.App;
import dev.next4j.runtime.JsonCodec;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.util.Optional;

/** Names the site's JSON codec once; pages read it through the request. */
public final class _App implements App {
  private static final JsonCodec JSON = new JacksonCodec();

  @Override
  public Response wrap(Request request, Response page) {
    return page;
  }

  @Override
  public Optional<JsonCodec> json() {
    return Optional.of(JSON);
  }
}
