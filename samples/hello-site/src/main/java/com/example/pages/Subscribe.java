package com.example.pages;

import com.example.Routes;
import dev.next4j.runtime.Cookie;
import dev.next4j.runtime.FormPage;
import dev.next4j.runtime.Html;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code /subscribe}: a form that posts to its own page, is validated there, and redirects
 * (post/redirect/get). A valid address is remembered in a cookie that {@code /subscribed} reads.
 */
public final class Subscribe implements FormPage<Routes.Subscribe> {
  @Override
  public Response render(Request request, Routes.Subscribe params) {
    return Response.html(form("", ""));
  }

  @Override
  public Response post(Request request, Routes.Subscribe params) {
    String email = request.form().value("email").orElse("").trim();
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      return Response.html(form(email, "Please enter an e-mail address such as ada@example.com.")).withStatus(422);
    }
    Cookie subscriber = Cookie.of("subscriber", URLEncoder.encode(email, StandardCharsets.UTF_8))
        .withPath("/")
        .withMaxAge(Duration.ofDays(30))
        .withHttpOnly(true)
        .withSameSite(Cookie.SameSite.LAX);
    return Response.redirect(303, new Routes.Subscribed().href()).withCookie(subscriber);
  }

  private static String form(String email, String error) {
    return _Layout.page("Subscribe",
        (error.isEmpty() ? "" : "<p class=\"error\">" + Html.text(error) + "</p>")
            + "<form method=\"post\">"
            + "<label>E-mail <input name=\"email\" value=\"" + Html.attribute(email) + "\"></label>"
            + "<button>Subscribe</button></form>");
  }
}
