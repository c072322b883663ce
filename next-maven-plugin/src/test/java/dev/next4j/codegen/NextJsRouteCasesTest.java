package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.testing.Json;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code fileToRoute} and {@code invalid} cases of Next.js's conformance data ({@code
 * nextjs/route-cases.json}), with each page file spelled the next4j way. The {@code sorting} cases
 * are in {@link RouteOrderTest}. Cases Java names cannot express are listed with the reason, and
 * a case that is neither run nor listed fails the test.
 */
class NextJsRouteCasesTest {
  private static final Map<String, Object> CASES = Json.resource("/nextjs/route-cases.json");

  /** fileToRoute cases skipped, by file and page extensions, with why. */
  private static final Map<String, String> SKIPPED_FILES = Map.of(
      "prefered.other.js [js]", "a '.' inside a name: a Java class name cannot hold one, and next4j has no pageExtensions",
      "prefered.other.js [other.js, js]", "pageExtensions: next4j pages are .java files only",
      "custom_ext.page.js [js]", "a '.' inside a name: a Java class name cannot hold one",
      "custom_ext.page.js [page.js]", "pageExtensions: next4j pages are .java files only",
      "types.d.ts [tsx, ts, jsx, js]", "TypeScript declaration files have no Java counterpart",
      "file..js [tsx, ts, jsx, js]", "a '.' inside a name: a Java class name cannot hold one",
      "_document.js [tsx, ts, jsx, js]", "no document shell in next4j: _App wraps pages",
      "_error.js [tsx, ts, jsx, js]", "next4j's error pages are _404 and _500",
      "blog/_app.js [tsx, ts, jsx, js]", "next-maven-plugin/README.md, Private names: a nested _Name is a private helper, not a route as in Next.js",
      "about.js + about/index.js [tsx, ts, jsx, js]", "Next.js warns, next4j fails: RouteValidatorTest.reportsTwoFilesForOneRoute");

  /** invalid cases skipped, by exact message, with why. */
  private static final Map<String, String> SKIPPED_INVALID = Map.of(
      "Segment names may not start with erroneous periods ('.id').", "a '.' cannot be spelled in a Java name",
      "Segment names may not start or end with extra brackets ('[...id]').",
      "brackets cannot be spelled; the nearest, $$$$id, is tested in RouteModelTest",
      "Optional route parameters are not yet supported (\"[[blog]]\").", "no spelling for an optional single parameter",
      "Optional route parameters are not yet supported (\"[[param]]\").", "no spelling for an optional single parameter",
      "Detected a three-dot character ('…') at ('…slug'). Did you mean ('...')?", "'…' is not a Java identifier character",
      "`pages/404` can not have getInitialProps/getServerSideProps, https://nextjs.org/docs/messages/404-get-initial-props",
      "no getServerSideProps in next4j");

  /** The diagnostic code next4j gives for each invalid case it runs. */
  private static final Map<String, String> CODES = Map.of(
      "You cannot have the same slug name", "next.param-name-repeated",
      "You cannot define a route with the same specificity as", "next.optional-catch-all-conflict");

  @TestFactory
  @SuppressWarnings("unchecked")
  Stream<DynamicTest> mapsFilesToRoutesAsNextJsDoes() {
    List<Map<String, Object>> cases = (List<Map<String, Object>>) CASES.get("fileToRoute");
    assertThat(cases).hasSize(31);
    return cases.stream().map(c -> {
      String key = c.get("file") + " " + c.get("pageExtensions").toString();
      String javaFile = SKIPPED_FILES.containsKey(key) ? "" : NextJsPatterns.javaFile((String) c.get("file"));
      return DynamicTest.dynamicTest(key + " → " + (javaFile.isEmpty() ? "skipped" : javaFile), () -> {
        if (SKIPPED_FILES.containsKey(key)) {
          Assumptions.abort(SKIPPED_FILES.get(key));
        }
        Site site = new Site(Files.createTempDirectory("next4j-case"));
        site.page(javaFile);
        Site.Modelled modelled = site.model();
        assertThat(modelled.diagnostics()).isEmpty();
        RouteModel model = modelled.get();
        switch ((String) c.get("kind")) {
          case "page", "dynamic" -> assertThat(model.routes()).extracting(r -> r.pattern() + " " + r.kind().manifestName)
              .containsExactly(c.get("route") + " page");
          case "api" -> assertThat(model.routes()).extracting(r -> r.pattern() + " " + r.kind().manifestName)
              .containsExactly(c.get("route") + " api");
          case "special" -> {
            assertThat(model.routes()).isEmpty();
            assertThat(model.specials()).extracting(s -> s.kind().manifestPattern).containsExactly(
                c.get("route").equals("/_app") ? "/_app" : (String) c.get("route"));
          }
          default -> throw new AssertionError("unexpected kind " + c.get("kind"));
        }
      });
    });
  }

  @TestFactory
  @SuppressWarnings("unchecked")
  Stream<DynamicTest> rejectsWhatNextJsRejects() {
    List<Map<String, Object>> cases = (List<Map<String, Object>>) CASES.get("invalid");
    assertThat(cases).hasSize(10);
    return cases.stream().map(c -> {
      String message = (String) c.get("exactMessage");
      List<String> pages = ((List<Object>) c.get("pages")).stream().map(String.class::cast).toList();
      return DynamicTest.dynamicTest(pages + ": " + message, () -> {
        if (SKIPPED_INVALID.containsKey(message)) {
          Assumptions.abort(SKIPPED_INVALID.get(message));
        }
        String code = CODES.get((String) c.get("errorContains"));
        assertThat(code).as("a code for " + c.get("errorContains")).isNotNull();
        Site site = new Site(Files.createTempDirectory("next4j-case"));
        pages.forEach(pattern -> site.page(NextJsPatterns.pageFor(pattern)));
        List<String> problems = site.validate();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains("[" + code + "]");
        // A conflict names both pages; a repeated name is a fault of the one page that repeats it.
        List<String> named = pages.stream().map(NextJsPatterns::pageFor).filter(problems.get(0)::contains).toList();
        assertThat(named).hasSize(code.equals("next.param-name-repeated") ? 1 : pages.size());
      });
    });
  }

  @TestFactory
  @SuppressWarnings("unchecked")
  Stream<DynamicTest> everySkippedCaseExists() {
    List<String> files = ((List<Map<String, Object>>) CASES.get("fileToRoute")).stream()
        .map(c -> c.get("file") + " " + c.get("pageExtensions")).toList();
    List<String> messages = ((List<Map<String, Object>>) CASES.get("invalid")).stream()
        .map(c -> (String) c.get("exactMessage")).toList();
    return Stream.concat(
        SKIPPED_FILES.keySet().stream().sorted().map(key -> DynamicTest.dynamicTest(key, () -> assertThat(files).contains(key))),
        SKIPPED_INVALID.keySet().stream().sorted().map(key -> DynamicTest.dynamicTest(key, () -> assertThat(messages).contains(key))));
  }
}
