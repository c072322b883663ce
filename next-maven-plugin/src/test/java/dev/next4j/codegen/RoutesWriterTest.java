package dev.next4j.codegen;

import dev.next4j.runtime.NextConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

class RoutesWriterTest {
  @TempDir Path dir;

  @Test
  void writesEveryRouteKind(TestInfo test) throws IOException {
    Generation generation = Generation.of(SampleSite.everyRouteKind(dir));

    Goldens.assertMatches(test, "com/acme/Routes.java", generation.routes(ServerSettings.defaults()));
  }

  @Test
  void writesAnEmptyTable(TestInfo test) throws IOException {
    Generation generation = Generation.of(new Site(dir).page("_Helper.java"));

    Goldens.assertMatches(test, "com/acme/Routes.java", generation.routes(ServerSettings.defaults()));
  }

  @Test
  void writesHrefsUnderTheBasePathWithTrailingSlashes(TestInfo test) throws IOException {
    Site site = new Site(dir).page("Index.java").page("About.java").page("blog/$slug.java").page("docs/$$path.java")
        .page("$$$all.java").page("shop/$$$path.java");

    Generation generation = Generation.of(site);

    Goldens.assertMatches(test, "com/acme/Routes.java",
        generation.routes(ServerSettings.defaults().withBasePath("/docs").withTrailingSlash(true)));
  }

  @Test
  void writesTheLocalesAndEachPagesHrefInALocale(TestInfo test) throws IOException {
    Site site = new Site(dir).page("Index.java").page("Locales.java").page("blog/$slug.java")
        .page("api/Hello.java");
    NextConfig.I18n i18n = NextConfig.I18n.of("en-US", "en-US", "fr", "nl-NL")
        .domains(NextConfig.I18n.Domain.of("example.fr", "fr"));
    ServerSettings settings = ServerSettings.defaults().withBasePath("/docs").withI18n(i18n);
    Site.Modelled modelled = site.model();
    List<RouteModel.PageRoute> routes = RouteOrder.sort(modelled.get().routes());

    Goldens.assertMatches(test, "com/acme/Routes.java", RoutesWriter.write(modelled.get(), routes,
        GeneratedNames.of("com.acme", routes, true), settings).toString());
  }

  @Test
  void writesAnOptionalCatchAllAtTheRootAndAfterAParameter(TestInfo test) throws IOException {
    Site site = new Site(dir).page("$$$all.java").page("u/$user/$$$rest.java");

    Generation generation = Generation.of(site);

    Goldens.assertMatches(test, "com/acme/Routes.java", generation.routes(ServerSettings.defaults()));
  }

  @Test
  void splitsATableTooBigForOneMethod(TestInfo test) throws IOException {
    Site site = new Site(dir);
    for (String page : new String[] {"A.java", "B.java", "C.java", "D.java", "Table1.java", "_App.java", "_404.java"}) {
      site.page(page);
    }
    Generation generation = Generation.of(site);

    Goldens.assertMatches(test, "com/acme/Routes.java",
        RoutesWriter.write(generation.model(), generation.routes(), GeneratedNames.of("com.acme", generation.routes(), 2),
            ServerSettings.defaults()).toString());
  }
}
