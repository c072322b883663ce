package com.acme.pages.posts;

import com.acme.Routes;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;
import java.util.List;

/** hello in every locale, news in French only (getStaticPaths returning {params, locale}). */
public final class $slug implements StaticPage<Routes.PostsSlug> {
  @Override
  public Response render(Routes.PostsSlug params) {
    return render(params, "en-US");
  }

  @Override
  public Response render(Routes.PostsSlug params, String locale) {
    return Response.html("post " + params.slug() + " in " + locale);
  }

  @Override
  public List<LocalePath<Routes.PostsSlug>> localePaths(List<String> locales, String defaultLocale) {
    List<LocalePath<Routes.PostsSlug>> paths = new java.util.ArrayList<>();
    for (String locale : locales) {
      paths.add(new LocalePath<>(new Routes.PostsSlug("hello"), locale));
    }
    paths.add(new LocalePath<>(new Routes.PostsSlug("news"), "fr"));
    return paths;
  }
}
