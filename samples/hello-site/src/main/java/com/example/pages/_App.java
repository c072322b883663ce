package com.example.pages;

import dev.next4j.jackson.JacksonCodec;
import dev.next4j.runtime.App;
import dev.next4j.runtime.JsonCodec;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.util.Optional;

/** Wraps every page (here: as it is) and names the site's JSON codec, once. */
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
