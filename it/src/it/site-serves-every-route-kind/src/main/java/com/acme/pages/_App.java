package com.acme.pages;

import com.acme.pages._layout.Layout;
import dev.next4j.runtime.*;

public final class _App implements App {
  @Override
  public Response wrap(Request request, Response page) {
    return page.withBody("<main>" + Layout.nav() + page.bodyText() + "</main>");
  }
}
