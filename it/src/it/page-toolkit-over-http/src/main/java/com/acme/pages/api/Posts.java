package com.acme.pages.api;

import com.acme.Routes;
import dev.next4j.runtime.ApiRoute;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.util.List;

/** A JSON API route: reads a post with the site's codec (Jackson) and answers with JSON. */
public final class Posts implements ApiRoute<Routes.ApiPosts> {
  public record NewPost(String title, List<String> tags) {}

  public record Created(long id, String title, int tags) {}

  @Override
  public Response handle(Request request, Routes.ApiPosts params) {
    NewPost post = request.json(NewPost.class);
    return Response.json(new Created(1, post.title(), post.tags() == null ? 0 : post.tags().size()), request.jsonCodec())
        .withStatus(201);
  }
}
