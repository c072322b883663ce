package com.acme.pages;

import com.acme.Routes;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;

public final class Broken implements StaticPage<Routes.Broken> {
  @Override
  public Response render(Routes.Broken params) {
    throw new IllegalStateException("no database at build time");
  }
}
