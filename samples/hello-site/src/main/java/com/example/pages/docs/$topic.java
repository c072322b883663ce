package com.example.pages.docs;

import com.example.Routes;
import com.example.pages._Layout;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.StaticPage;
import java.util.List;
import java.util.Map;

/**
 * {@code /docs/[topic]}: a static page with paths. The build prerenders one HTML page per topic
 * listed in {@link #paths()}; an unlisted topic is a 404 (the default fallback, Next.js's {@code
 * fallback: false}).
 */
public final class $topic implements StaticPage<Routes.DocsTopic> {
  private static final Map<String, String> TOPICS = Map.of(
      "routing", "File names are routes: pages/blog/$slug.java serves /blog/[slug].",
      "static-pages", "A StaticPage is rendered at build time and served from memory.");

  @Override
  public Response render(Routes.DocsTopic params) {
    String text = TOPICS.get(params.topic());
    return Response.html(_Layout.page("Docs: " + _Layout.escape(params.topic()), "<p>" + _Layout.escape(text) + "</p>"));
  }

  @Override
  public List<Routes.DocsTopic> paths() {
    return TOPICS.keySet().stream().sorted().map(Routes.DocsTopic::new).toList();
  }
}
