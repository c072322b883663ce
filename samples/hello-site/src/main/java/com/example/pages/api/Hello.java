package com.example.pages.api;

import com.example.Routes;
import dev.next4j.runtime.ApiRoute;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;

/**
 * {@code /api/hello}: an API route with JSON in and out through the site's codec (Jackson, named
 * by {@code _App}). GET greets the world; POST {@code {"name":"Ada"}} greets Ada. The greeting
 * comes from {@code .env}.
 */
public final class Hello implements ApiRoute<Routes.ApiHello> {
  /** What a POST sends. */
  public record Greet(String name) {}

  /** What the route answers. */
  public record Greeting(String message, String method) {}

  @Override
  public Response handle(Request request, Routes.ApiHello params) {
    String greeting = request.env().get("GREETING").orElse("Hello");
    String name = "world";
    if (request.method().equals("POST")) {
      Greet greet = request.json(Greet.class);   // malformed JSON: a 400 with the place
      if (greet.name() == null || greet.name().isBlank()) {
        return Response.json(new Greeting("name is missing", "POST"), request.jsonCodec()).withStatus(422);
      }
      name = greet.name();
    }
    return Response.json(new Greeting(greeting + ", " + name, request.method()), request.jsonCodec());
  }
}
