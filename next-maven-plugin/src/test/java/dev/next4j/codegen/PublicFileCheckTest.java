package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicFileCheckTest {
  private static final Path PROJECT = Path.of("/work/site");
  private static final Path PUBLIC = PROJECT.resolve("src/main/resources/public");

  private static RouteManifest manifest() throws Exception {
    return RouteManifest.parse(RouteManifest.HEADER + "\n"
        + "/\tpage\tcom.acme.pages.Index\tsrc/main/java/com/acme/pages/Index.java\n"
        + "/about\tpage\tcom.acme.pages.About\tsrc/main/java/com/acme/pages/About.java\n"
        + "/blog/[slug]\tpage\tcom.acme.pages.blog.$slug\tsrc/main/java/com/acme/pages/blog/$slug.java\n", "test");
  }

  @Test
  void aPublicFileWithAPagesPathIsReportedAtBothFiles() throws Exception {
    List<Diagnostic> found = PublicFileCheck.check(PROJECT, PUBLIC, List.of("about", "about.html", "blog/[slug]", "styles.css"), manifest());

    assertThat(found).extracting(Diagnostic::format).containsExactly(
        "src/main/resources/public/about: error: [next.public-file-conflict] A conflicting public file and page file was "
            + "found for path /about (the other is src/main/java/com/acme/pages/About.java); a public file would hide the "
            + "page. Remove or rename one.",
        "src/main/java/com/acme/pages/About.java: error: [next.public-file-conflict] A conflicting public file and page "
            + "file was found for path /about (the other is src/main/resources/public/about); a public file would hide the "
            + "page. Remove or rename one.");
  }

  @Test
  void filesBesideThePagesAreNoConflict() throws Exception {
    assertThat(PublicFileCheck.check(PROJECT, PUBLIC, List.of("styles.css", "about/index.html"), manifest())).isEmpty();
  }
}
