package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Cookie;
import dev.next4j.runtime.Form;
import dev.next4j.runtime.FormLimits;
import dev.next4j.runtime.FormPage;
import dev.next4j.runtime.Html;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.UploadedFile;
import java.util.Optional;

/** A form that posts, validates and redirects (post/redirect/get), setting a cookie. */
public final class Signup implements FormPage<Routes.Signup> {
  private static final FormLimits LIMITS = FormLimits.defaults().withMaxFieldBytes(1000).withMaxFileBytes(10_000);

  @Override
  public Response render(Request request, Routes.Signup params) {
    return Response.html(form("", ""));
  }

  @Override
  public Response post(Request request, Routes.Signup params) {
    Form form = request.form(LIMITS);
    String email = form.value("email").orElse("").trim();
    Optional<UploadedFile> avatar = form.file("avatar");
    if (form.value("fail").isPresent()) {
      throw new IllegalStateException("the page failed after reading the form");
    }
    if (!email.contains("@")) {
      return Response.html(form(email, "enter an e-mail address")).withStatus(422);
    }
    String size = avatar.map(file -> "&avatar=" + file.size()).orElse("");
    return Response.redirect(303, "/welcome?ok=1" + size)
        .withCookie(Cookie.of("user", email.replace("@", "%40")).withPath("/").withHttpOnly(true));
  }

  private static String form(String email, String error) {
    return "<form method=post enctype=multipart/form-data><p>" + Html.text(error) + "</p>"
        + "<input name=email value=\"" + Html.attribute(email) + "\"><input type=file name=avatar></form>";
  }
}
