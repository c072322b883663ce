package dev.next4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteRule;
import dev.next4j.runtime.RouteRule.Condition;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.StaticPage;
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.internal.DefaultNextApp;
import dev.next4j.runtime.internal.PublicFiles;
import dev.next4j.testing.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Next.js's own custom-routes cases ({@code nextjs/custom-routes-cases.json}: redirects, rewrites,
 * headers, has/missing, basePath, i18n, and configs Next.js rejects), run through the real
 * pipeline: each case's site becomes a {@link NextConfig} built from its {@code next.config.js}
 * values and a route table of its pages (checked and ordered by the codegen, {@link
 * RouteAuthority}), and the case's request goes through {@link NextApp#handle}.
 *
 * <p>Every case ends in one of three places, none silently: it <b>holds</b>; it <b>cannot be
 * expressed</b> in next4j, with the reason ({@link #cannotExpress}), reported as an aborted test;
 * or it <b>fails</b>, which fails the build. {@link #countsEveryCase} prints and pins the counts.
 */
class NextJsCustomRoutesCasesTest {
  private static final Map<String, Object> DATA = Json.resource("/nextjs/custom-routes-cases.json");
  private static final Map<String, Map<String, Object>> SITES = sites();
  private static final List<Object> CASES = list(DATA.get("cases"));
  private static final List<Object> INVALID = list(DATA.get("invalid"));

  record Params(Map<String, Object> values) {}

  @TestFactory
  Stream<DynamicTest> casesRunAsInNextJs() {
    return CASES.stream().map(o -> {
      Map<String, Object> c = map(o);
      return DynamicTest.dynamicTest(c.get("id") + " " + map(c.get("request")).get("url"), () -> {
        Optional<String> why = cannotExpress(c);
        Assumptions.assumeTrue(why.isEmpty(), () -> "cannot be expressed: " + why.orElse(""));
        run(c);
      });
    });
  }

  @TestFactory
  Stream<DynamicTest> invalidConfigsAreRejected() {
    return INVALID.stream().map(o -> {
      Map<String, Object> c = map(o);
      return DynamicTest.dynamicTest((String) c.get("id"), () -> {
        Optional<String> why = cannotExpressInvalid(c);
        Assumptions.assumeTrue(why.isEmpty(), () -> "cannot be expressed: " + why.orElse(""));
        rejects(c);
      });
    });
  }

  @Test
  void countsEveryCase() {
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Integer> reasons = new TreeMap<>();
    for (Object o : CASES) {
      Map<String, Object> c = map(o);
      Optional<String> why = cannotExpress(c);
      String outcome = why.isPresent() ? "cannot be expressed" : holds(() -> run(c)) ? "hold" : "fail";
      counts.merge("cases " + outcome, 1, Integer::sum);
      why.ifPresent(w -> reasons.merge(w, 1, Integer::sum));
    }
    for (Object o : INVALID) {
      Map<String, Object> c = map(o);
      Optional<String> why = cannotExpressInvalid(c);
      String outcome = why.isPresent() ? "cannot be expressed" : holds(() -> rejects(c)) ? "hold" : "fail";
      counts.merge("invalid configs " + outcome, 1, Integer::sum);
      why.ifPresent(w -> reasons.merge(w, 1, Integer::sum));
    }
    System.out.println("Next.js custom-routes conformance: " + counts);
    reasons.forEach((reason, n) -> System.out.println("  cannot be expressed (" + n + "): " + reason));
    assertThat(CASES).hasSize(170);
    assertThat(INVALID).hasSize(29);
    assertThat(counts).doesNotContainKeys("cases fail", "invalid configs fail");
    assertThat(counts).containsEntry("cases hold", 166).containsEntry("invalid configs hold", 20);
  }

  /** Why next4j cannot run case {@code c}, if it cannot. */
  static Optional<String> cannotExpress(Map<String, Object> c) {
    Map<String, Object> site = SITES.get((String) c.get("site"));
    Map<String, Object> config = map(site.get("config"));
    if ("external".equals(c.get("needs"))) {
      return Optional.of("a rewrite to another origin: next4j does not proxy, it refuses such a rewrite at build");
    }
    String url = (String) map(c.get("request")).get("url");
    String path = url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?'));
    if (path.indexOf('[') >= 0 || path.indexOf(']') >= 0) {
      return Optional.of("a raw '[' or ']' in the request path: next4j's canonical path escapes a character RFC 3986"
          + " does not allow in a path (%5B), so a param captured from it reads %5Bslug%5D where Next.js, matching"
          + " the raw path, reads [slug]");
    }
    return Optional.empty();
  }

  /** Why next4j cannot express invalid config {@code c}, if it cannot. */
  static Optional<String> cannotExpressInvalid(Map<String, Object> c) {
    Map<String, Object> config = map(c.get("config"));
    for (String kind : List.of("redirects", "rewrites", "headers")) {
      Object rules = config.get(kind);
      if (rules != null && !(rules instanceof List<?>)) {
        return Optional.of("a list that is not a list: the pom and NextConfig take lists by type");
      }
      for (Object rule : rules == null ? List.of() : list(rules)) {
        if (!(rule instanceof Map<?, ?> r)) {
          return Optional.of("a rule that is not an object: by type, a rule is one");
        }
        if (r.get("statusCode") instanceof String) {
          return Optional.of("a statusCode that is a string: by type, it is a number");
        }
        for (String field : List.of("has", "missing")) {
          for (Object item : r.get(field) instanceof List<?> l ? l : List.of()) {
            if (!List.of("header", "cookie", "query", "host").contains(((Map<?, ?>) item).get("type"))) {
              return Optional.of("a has/missing type outside the four: NextConfig takes an enum (the pom's"
                  + " string is checked by the generator)");
            }
          }
        }
        if (kind.equals("rewrites") && r.containsKey("headers")) {
          return Optional.of("an unknown field: the pom rejects it (Maven) and NextConfig has no place for it");
        }
      }
    }
    return Optional.empty();
  }

  private static void run(Map<String, Object> c) throws Exception {
    Map<String, Object> site = SITES.get((String) c.get("site"));
    Map<String, Object> expect = map(c.get("expect"));
    Map<String, Object> request = map(c.get("request"));
    try (NextApp app = app(site)) {
      app.prepare();
      Response first = app.handle(request(request, (String) request.get("url")));
      for (Object r : expect.get("redirects") == null ? List.of() : list(expect.get("redirects"))) {
        Map<String, Object> redirect = map(r);
        assertThat(first.status()).isEqualTo(number(redirect.get("status")));
        assertThat(first.header("location")).hasValue((String) redirect.get("location"));
        first = app.handle(request(request, (String) redirect.get("location")));
      }
      Response response = first;
      if (expect.get("status") != null) {
        assertThat(response.status()).as("status").isEqualTo(number(expect.get("status")));
      }
      if (expect.get("location") != null) {
        assertThat(response.header("location")).as("location").hasValue((String) expect.get("location"));
      }
      checkLocationParts(expect, response);
      if (expect.get("headers") != null) {
        map(expect.get("headers")).forEach((name, value) -> {
          if (value == null) {
            assertThat(response.header(name)).as("header " + name).isEmpty();
          } else {
            assertThat(response.header(name)).as("header " + name).hasValue((String) value);
          }
        });
      }
      if (expect.get("locale") != null) {
        assertThat(response.header("x-locale")).as("locale").hasValue((String) expect.get("locale"));
      }
      if (expect.get("finalLocale") != null) {
        // What a browser reads after following the redirect: the locale of the page at Location.
        Response followed = app.handle(request(request, response.header("location").orElseThrow()));
        assertThat(followed.header("x-locale")).as("final locale").hasValue((String) expect.get("finalLocale"));
      }
      if (expect.get("page") != null) {
        assertThat(page(response)).as("page").hasValue((String) expect.get("page"));
      }
      if (expect.get("params") != null) {
        assertThat(response.header("x-params")).as("params").hasValue(queryText(map(expect.get("params"))));
      }
      if (expect.get("query") != null) {
        assertThat(query(response)).as("query").hasValue(queryText(map(expect.get("query"))));
      }
      if (expect.get("queryIncludes") != null) {
        map(expect.get("queryIncludes")).forEach((key, value) ->
            assertThat(response.header("x-query").orElse("")).contains(key + "=" + values(value)));
      }
      if (expect.get("publicFile") != null) {
        assertThat(response.header("x-public-file")).as("public file").hasValue((String) expect.get("publicFile"));
      }
      if (expect.get("body") != null) {
        assertThat(response.bodyText()).as("body").isEqualTo(expect.get("body"));
      }
      if (expect.get("bodyJson") != null) {
        assertThat(Json.parse(response.bodyText())).as("JSON body").isEqualTo(expect.get("bodyJson"));
      }
      boolean fileWithoutContent = response.header("x-public-file").isPresent()
          && (site.get("publicContent") == null || !map(site.get("publicContent")).containsKey(expect.get("publicFile")));
      if (expect.get("bodyContains") != null && page(response).isEmpty() && !fileWithoutContent) {
        // A page's own text is the page's business, and a file the case describes only in its
        // notes has no content here; what the pipeline writes (a redirect's body, the 404 page,
        // a public file) is checked.
        assertThat(response.bodyText()).as("body").contains((String) expect.get("bodyContains"));
      }
    }
  }

  private static void checkLocationParts(Map<String, Object> expect, Response response) {
    if (expect.get("locationPathname") == null && expect.get("locationQuery") == null
        && expect.get("locationHost") == null && expect.get("locationProtocol") == null) {
      return;
    }
    URI location = URI.create(response.header("location").orElseThrow());
    if (expect.get("locationPathname") != null) {
      assertThat(location.getRawPath()).as("location path").isEqualTo(expect.get("locationPathname"));
    }
    if (expect.get("locationHost") != null) {
      assertThat(location.getHost()).as("location host").isEqualTo(expect.get("locationHost"));
    }
    if (expect.get("locationProtocol") != null) {
      assertThat(location.getScheme() + ":").as("location protocol").isEqualTo(expect.get("locationProtocol"));
    }
    if (expect.get("locationQuery") != null) {
      Map<String, Object> query = new LinkedHashMap<>();
      String raw = location.getRawQuery();
      for (String pair : raw == null || raw.isEmpty() ? new String[0] : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        query.merge(key, value, (a, b) -> {
          List<Object> all = new ArrayList<>(a instanceof List<?> l ? l : List.of(a));
          all.add(b);
          return all;
        });
      }
      assertThat(query).as("location query").isEqualTo(expect.get("locationQuery"));
    }
  }

  private static Request request(Map<String, Object> spec, String url) {
    Request.Builder builder = Request.builder((String) spec.get("method"), url);
    if (spec.get("headers") != null) {
      map(spec.get("headers")).forEach((name, value) -> builder.header(name, (String) value));
    }
    if (spec.get("cookies") != null) {
      List<String> pairs = new ArrayList<>();
      map(spec.get("cookies")).forEach((name, value) -> pairs.add(name + "=" + value));
      builder.header("Cookie", String.join("; ", pairs));
    }
    return builder.build();
  }

  /** The app of {@code site}: its config, its pages (each answering with its route, params and query), its public files. */
  private static NextApp app(Map<String, Object> site) {
    Map<String, Object> content = site.get("publicContent") == null ? Map.of() : map(site.get("publicContent"));
    List<String> files = site.get("public") == null ? List.of() : strings(list(site.get("public")));
    PublicFiles publicFiles = (request, path) -> files.contains(path)
        ? Optional.of(Response.text(String.valueOf(content.getOrDefault(path, ""))).withHeader("X-Public-File", path))
        : Optional.empty();
    Map<String, Object> staticPaths = site.get("staticPaths") == null ? Map.of() : map(site.get("staticPaths"));
    RouteTable table = RouteAuthority.table(strings(list(site.get("pages"))), (route, segments) ->
        route.kind() == RouteModel.Kind.API
            ? Route.api(route.pattern(), r -> new Params(r.untypedRouteParams()), (r, p) -> answer(r), segments)
            : staticPaths.containsKey(route.pattern())
                ? Route.staticPage(route.pattern(), r -> new Params(r.untypedRouteParams()),
                    p -> href(route.pattern(), p), staticPage(route.pattern(), map(staticPaths.get(route.pattern()))),
                    segments)
                : Route.page(route.pattern(), r -> new Params(r.untypedRouteParams()), (r, p) -> answer(r), segments));
    return new DefaultNextApp(table, config(map(site.get("config"))), NextOptions.builder().build(), publicFiles);
  }

  private static Response answer(Request request) {
    Map<String, Object> params = new TreeMap<>(request.untypedRouteParams());
    Map<String, Object> query = new TreeMap<>();
    request.query().forEach(query::put);
    return Response.text(request.route())
        .withHeader("X-Page", request.route())
        .withHeader("X-Locale", request.locale())
        .withHeader("X-Params", queryText(params))
        .withHeader("X-Query", queryText(query));
  }

  /**
   * A page with getStaticProps and getStaticPaths: it lists {@code spec}'s paths, its fallback is
   * {@code NOT_FOUND} for {@code fallback: false} and renders on demand otherwise. Its stored body
   * says its route and params, one per line (a static page's headers are not stored).
   */
  private static StaticPage<Params> staticPage(String pattern, Map<String, Object> spec) {
    List<Params> listed = new ArrayList<>();
    for (String path : strings(list(spec.get("paths")))) {
      listed.add(params(pattern, path));
    }
    boolean notFound = Boolean.FALSE.equals(spec.get("fallback"));
    return new StaticPage<>() {
      @Override
      public Response render(Params params) {
        return Response.text(pattern + "\n" + queryText(params.values()));
      }

      @Override
      public List<Params> paths() {
        return listed;
      }

      @Override
      public Fallback fallback() {
        return notFound ? Fallback.NOT_FOUND : Fallback.RENDER_ON_DEMAND;
      }
    };
  }

  /** The params of {@code path} on {@code pattern}, whose dynamic segments are single {@code [name]} params. */
  private static Params params(String pattern, String path) {
    String[] names = pattern.substring(1).split("/");
    String[] values = path.substring(1).split("/");
    if (names.length != values.length) {
      throw new IllegalArgumentException("static path " + path + " does not fit " + pattern);
    }
    Map<String, Object> params = new TreeMap<>();
    for (int i = 0; i < names.length; i++) {
      if (names[i].startsWith("[...") || names[i].startsWith("[[")) {
        throw new IllegalArgumentException("static paths of catch-all " + pattern + " are not supported here");
      }
      if (names[i].startsWith("[")) {
        params.put(names[i].substring(1, names[i].length() - 1), values[i]);
      }
    }
    return new Params(params);
  }

  /** The URL of {@code params} on {@code pattern}: each {@code [name]} segment replaced by its value. */
  private static String href(String pattern, Params params) {
    StringBuilder url = new StringBuilder();
    for (String segment : pattern.substring(1).split("/")) {
      url.append('/').append(segment.startsWith("[")
          ? URLEncoder.encode(String.valueOf(params.values().get(segment.substring(1, segment.length() - 1))), StandardCharsets.UTF_8)
          : segment);
    }
    return url.toString();
  }

  /** The route a response came from: the X-Page header of a page, the first line of a static page's body. */
  private static Optional<String> page(Response response) {
    if (response.header("x-page").isPresent() || response.header("x-next-cache").isEmpty()) {
      return response.header("x-page");
    }
    return Optional.of(response.bodyText().split("\n", -1)[0]);
  }

  /** The query a response's page saw: its X-Query header, or a static page's params, in its body's second line. */
  private static Optional<String> query(Response response) {
    if (response.header("x-query").isPresent() || response.header("x-next-cache").isEmpty()) {
      return response.header("x-query");
    }
    return Optional.of(response.bodyText().split("\n", -1)[1]);
  }

  /** {@code values} in key order, a list written as {@code [a, b]}: how pages and cases are compared. */
  private static String queryText(Map<String, Object> values) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(values).forEach((k, v) -> text.append(k).append('=').append(values(v)).append(';'));
    return text.toString();
  }

  /**
   * {@code value} as text; a list of one is its element, since a query carries no difference
   * between a one-element array and a string (Next.js's {@code router.query} does).
   */
  private static String values(Object value) {
    return value instanceof List<?> l ? l.size() == 1 ? String.valueOf(l.get(0)) : l.toString() : String.valueOf(value);
  }

  /** {@code config}, a {@code next.config.js}'s values, as a {@link NextConfig}; rewrites to other origins left out. */
  static NextConfig config(Map<String, Object> config) {
    NextConfig.Builder builder = NextConfig.builder();
    if (config.get("basePath") != null) {
      builder.basePath((String) config.get("basePath"));
    }
    if (config.get("trailingSlash") != null) {
      builder.trailingSlash((Boolean) config.get("trailingSlash"));
    }
    if (config.get("caseSensitiveRoutes") != null) {
      builder.caseSensitiveRoutes((Boolean) config.get("caseSensitiveRoutes"));
    }
    if (config.get("i18n") != null) {
      builder.i18n(i18n(map(config.get("i18n"))));
    }
    if (config.get("skipTrailingSlashRedirect") != null) {
      builder.skipTrailingSlashRedirect((Boolean) config.get("skipTrailingSlashRedirect"));
    }
    return builder.rules(rules(config, true)).build();
  }

  /** A {@code next.config.js} {@code i18n} object as a {@link NextConfig.I18n}. */
  static NextConfig.I18n i18n(Map<String, Object> i18n) {
    List<NextConfig.I18n.Domain> domains = new ArrayList<>();
    for (Object o : i18n.get("domains") == null ? List.of() : list(i18n.get("domains"))) {
      Map<String, Object> d = map(o);
      domains.add(new NextConfig.I18n.Domain((String) d.get("domain"), (String) d.get("defaultLocale"),
          d.get("locales") == null ? List.of() : strings(list(d.get("locales"))), Boolean.TRUE.equals(d.get("http"))));
    }
    return new NextConfig.I18n(strings(list(i18n.get("locales"))), (String) i18n.get("defaultLocale"),
        !Boolean.FALSE.equals(i18n.get("localeDetection")), domains);
  }

  /** The rules of {@code config}; {@code runnable} leaves out rewrites to other origins. */
  static List<RouteRule> rules(Map<String, Object> config, boolean runnable) {
    List<RouteRule> rules = new ArrayList<>();
    for (Object o : config.get("redirects") == null ? List.of() : list(config.get("redirects"))) {
      Map<String, Object> r = map(o);
      int status = r.get("statusCode") != null ? number(r.get("statusCode"))
          : Boolean.TRUE.equals(r.get("permanent")) ? 308 : 307;
      rules.add(conditions(RouteRule.redirect(text(r, "source"), text(r, "destination"), status), r));
    }
    Object rewrites = config.get("rewrites");
    Map<String, Object> phases = rewrites == null ? Map.of()
        : rewrites instanceof List<?> ? Map.of("afterFiles", rewrites) : map(rewrites);
    for (String phase : List.of("beforeFiles", "afterFiles", "fallback")) {
      RouteRule.Kind kind = switch (phase) {
        case "beforeFiles" -> RouteRule.Kind.BEFORE_FILES;
        case "afterFiles" -> RouteRule.Kind.AFTER_FILES;
        default -> RouteRule.Kind.FALLBACK;
      };
      for (Object o : phases.get(phase) == null ? List.of() : list(phases.get(phase))) {
        Map<String, Object> r = map(o);
        if (runnable && text(r, "destination").matches("https?://.*")) {
          continue;
        }
        rules.add(conditions(RouteRule.rewrite(kind, text(r, "source"), text(r, "destination")), r));
      }
    }
    for (Object o : config.get("headers") == null ? List.of() : list(config.get("headers"))) {
      Map<String, Object> r = map(o);
      Map<String, String> headers = new LinkedHashMap<>();
      for (Object h : r.get("headers") == null ? List.of() : list(r.get("headers"))) {
        headers.put((String) map(h).get("key"), (String) map(h).get("value"));
      }
      rules.add(conditions(RouteRule.headers(text(r, "source"), headers), r));
    }
    return rules;
  }

  private static RouteRule conditions(RouteRule rule, Map<String, Object> r) {
    RouteRule result = rule;
    for (Object o : r.get("has") == null ? List.of() : list(r.get("has"))) {
      result = result.has(condition(map(o)));
    }
    for (Object o : r.get("missing") == null ? List.of() : list(r.get("missing"))) {
      result = result.missing(condition(map(o)));
    }
    if (Boolean.FALSE.equals(r.get("basePath"))) {
      result = result.basePath(false);
    }
    if (Boolean.FALSE.equals(r.get("locale"))) {
      result = result.locale(false);
    }
    return result;
  }

  private static Condition condition(Map<String, Object> c) {
    String type = String.valueOf(c.get("type"));
    Condition.Type t = switch (type) {
      case "header" -> Condition.Type.HEADER;
      case "cookie" -> Condition.Type.COOKIE;
      case "query" -> Condition.Type.QUERY;
      case "host" -> Condition.Type.HOST;
      default -> null;
    };
    if (t == null) {
      throw new IllegalArgumentException("invalid type \"" + type + "\" for " + c);
    }
    return new Condition(t, (String) c.get("key"), Optional.ofNullable((String) c.get("value")));
  }

  /**
   * Checks that the config of {@code c} fails to build, with Next.js's words for the problem. A rule
   * whose {@code locale} is not {@code false} is checked as the pom's {@code <locale>} text (a
   * {@code NextConfig} takes a boolean, whose true is the default).
   */
  private static void rejects(Map<String, Object> c) {
    Map<String, Object> config = map(c.get("config"));
    String message;
    if (pomLocaleOnly(config)) {
      message = pomProblems(config);
      assertThat(message).as("the pom's problems").isNotEmpty();
    } else {
      try {
        NextConfig.Builder builder = NextConfig.builder();
        if (config.get("basePath") != null) {
          builder.basePath((String) config.get("basePath"));
        }
        if (config.get("i18n") != null) {
          builder.i18n(i18n(map(config.get("i18n"))));
        }
        builder.rules(rules(config, false)).build();
        throw new AssertionError("built without a problem: " + config);
      } catch (IllegalArgumentException e) {
        message = e.getMessage();
      }
    }
    String expected = (String) c.get("errorContains");
    int forRoute = expected.indexOf(" for route");
    String essence = (forRoute < 0 ? expected : expected.substring(0, forRoute))
        .replaceAll(" ?https://nextjs\\.org/docs/messages/\\S+", "");
    for (String part : essence.split(", ")) {
      assertThat(message).contains(part.trim());
    }
  }

  /** Whether a rule of {@code config} has a {@code locale} other than {@code false}. */
  private static boolean pomLocaleOnly(Map<String, Object> config) {
    for (String kind : List.of("redirects", "rewrites", "headers")) {
      for (Object o : config.get(kind) instanceof List<?> l ? l : List.of()) {
        if (o instanceof Map<?, ?> r && r.containsKey("locale") && !Boolean.FALSE.equals(r.get("locale"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The problems the generator reports for the rules of {@code config} given in a pom (without conditions). */
  private static String pomProblems(Map<String, Object> config) {
    List<RuleSpec> specs = new ArrayList<>();
    for (String list : List.of("redirects", "rewrites", "headers")) {
      RouteRule.Kind kind = switch (list) {
        case "redirects" -> RouteRule.Kind.REDIRECT;
        case "rewrites" -> RouteRule.Kind.AFTER_FILES;
        default -> RouteRule.Kind.HEADERS;
      };
      List<Object> rules = config.get(list) instanceof List<?> l ? list(l) : List.of();
      for (int i = 0; i < rules.size(); i++) {
        Map<String, Object> r = map(rules.get(i));
        Map<String, String> headers = null;
        if (r.get("headers") != null) {
          headers = new LinkedHashMap<>();
          for (Object h : list(r.get("headers"))) {
            headers.put((String) map(h).get("key"), (String) map(h).get("value"));
          }
        }
        specs.add(new RuleSpec(kind, i, (String) r.get("source"), (String) r.get("destination"),
            (Boolean) r.get("permanent"), r.get("statusCode") == null ? null : number(r.get("statusCode")), headers,
            List.of(), List.of(), (Boolean) r.get("basePath"), r.containsKey("locale") ? String.valueOf(r.get("locale")) : null));
      }
    }
    NextConfig.I18n i18n = config.get("i18n") == null ? null : i18n(map(config.get("i18n")));
    ServerSettings settings = new ServerSettings("", false, true, true, true, ServerSettings.DEFAULT_BODY_SIZE_LIMIT,
        specs, false, i18n);
    Diagnostics diagnostics = new Diagnostics(java.nio.file.Path.of("site"));
    RuleValidator.validate(settings, java.nio.file.Path.of("site", "pom.xml"), diagnostics);
    return String.join("\n", diagnostics.all().stream().map(Diagnostic::format).toList());
  }

  private static boolean holds(ThrowingRunnable check) {
    try {
      check.run();
      return true;
    } catch (Throwable e) {
      return false;
    }
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static Map<String, Map<String, Object>> sites() {
    Map<String, Map<String, Object>> sites = new LinkedHashMap<>();
    for (Object o : list(DATA.get("sites"))) {
      sites.put((String) map(o).get("id"), map(o));
    }
    return sites;
  }

  private static String text(Map<String, Object> r, String key) {
    Object value = r.get(key);
    return value == null ? "" : (String) value;
  }

  private static int number(Object value) {
    return ((Number) value).intValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  private static List<String> strings(List<?> values) {
    return values.stream().map(String.class::cast).toList();
  }
}
