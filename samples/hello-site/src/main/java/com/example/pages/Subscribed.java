package com.example.pages;

import com.example.Routes;
import dev.next4j.runtime.Html;
import dev.next4j.runtime.Page;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** {@code /subscribed}: where {@code /subscribe} redirects; reads the cookie it set. */
public final class Subscribed implements Page<Routes.Subscribed> {
  @Override
  public Response render(Request request, Routes.Subscribed params) {
    String email = request.cookie("subscriber")
        .map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8))
        .orElse(null);
    return Response.html(_Layout.page("Subscribed", email == null
        ? "<p>No subscription yet: <a href=\"" + new Routes.Subscribe().href() + "\">subscribe</a>.</p>"
        : "<p>Thank you, " + Html.text(email) + ".</p>"));
  }
}
