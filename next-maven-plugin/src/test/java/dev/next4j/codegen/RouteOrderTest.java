package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.codegen.RouteModel.PageRoute;
import dev.next4j.codegen.RouteModel.Segment;
import dev.next4j.testing.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class RouteOrderTest {
  @TempDir Path dir;

  /** Every {@code sorting} case of Next.js's conformance data, by its source. */
  @TestFactory
  @SuppressWarnings("unchecked")
  Stream<DynamicTest> sortsAsNextJsDoes() {
    List<Map<String, Object>> cases = (List<Map<String, Object>>) Json.resource("/nextjs/route-cases.json").get("sorting");
    assertThat(cases).hasSize(7);
    return cases.stream().map(c -> DynamicTest.dynamicTest((String) c.get("source"), () -> {
      List<List<Segment>> routes = new ArrayList<>();
      for (Object page : (List<Object>) c.get("pages")) {
        routes.add(NextJsPatterns.segments((String) page));
      }
      routes.sort(RouteOrder.SEGMENTS);
      assertThat(routes).extracting(PageRoute::pattern).isEqualTo(c.get("expectedOrder"));
    }));
  }

  @Test
  void sortsThePagesOfASite() throws IOException {
    Site site = new Site(dir);
    for (String page : List.of("$slug.java", "Index.java", "blog/$id.java", "blog/abc/Index.java", "blog/abc/$id.java",
        "p/$$rest.java", "posts/Index.java", "$$rest/Index.java", "About.java", "Zebra.java")) {
      site.page(page);
    }

    List<PageRoute> sorted = RouteOrder.sort(site.model().get().routes());

    assertThat(sorted).extracting(PageRoute::pattern).containsExactly("/", "/about", "/blog/abc", "/blog/abc/[id]",
        "/blog/[id]", "/p/[...rest]", "/posts", "/zebra", "/[slug]", "/[...rest]");
  }
}
