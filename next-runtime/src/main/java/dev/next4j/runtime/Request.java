package dev.next4j.runtime;

import dev.next4j.runtime.internal.PipelineAccess;
import dev.next4j.runtime.internal.QueryStrings;
import dev.next4j.runtime.internal.UrlRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as pages and API routes see it: method, path, query, headers, cookies and body,
 * plus the route that matched and its parameters.
 *
 * <pre>{@code
 * Request request = Request.builder("GET", "/blog/hello?draft=1").header("Accept", "text/html").build();
 * request.path();          // "/blog/hello"
 * request.queryParam("draft");  // Optional[1]
 * }</pre>
 *
 * <p>A request is immutable, but for the form it reads once ({@link #form()}), which it shares with
 * its copies and the server closes after the response. Route parameters are filled in by the router ({@link
 * #withRoute(String, Map)}), and they win over query parameters of the same name in {@link
 * #query()}, as in Next.js.
 */
public final class Request {
  private static final byte[] EMPTY = new byte[0];

  static {
    PipelineAccess.install(new AppServices());
  }

  private final String method;
  private final String path;
  private final String rawQuery;
  private final HeaderView headers;
  private final String route;
  private final Map<String, Object> routeParams;
  private final JsonCodec jsonCodec;
  private final Env env;
  private final Shared shared;
  private final Revalidator revalidator;
  /** The locale i18n routing found for this request; empty without i18n. */
  private final String locale;

  private volatile Map<String, List<String>> query;
  private volatile Map<String, String> cookies;

  private Request(
      String method,
      String path,
      String rawQuery,
      HeaderView headers,
      String route,
      Map<String, Object> routeParams,
      JsonCodec jsonCodec,
      Env env,
      Shared shared,
      Revalidator revalidator,
      String locale) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.route = route;
    this.routeParams = routeParams;
    this.jsonCodec = jsonCodec;
    this.env = env;
    this.shared = shared;
    this.revalidator = revalidator;
    this.locale = locale;
  }

  /** A GET request for {@code target} (a path with an optional {@code ?query}), with no headers. */
  public static Request get(String target) {
    return builder("GET", target).build();
  }

  /** Starts a request with the given method and target ({@code /path?query}). */
  public static Builder builder(String method, String target) {
    return new Builder(method, target);
  }

  /** The method in upper case, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /**
   * The URL path without the query, in its one canonical spelling: an escape of a character that
   * may stand plainly in a path is decoded ({@code /%61dmin} is {@code /admin}), every other
   * escape stays in upper-case hex ({@code %2F}, {@code %25}, {@code %20}, non-ASCII as its UTF-8
   * bytes: {@code /caf%C3%A9}). Middleware, the {@code next.config} rules, public files and the
   * router all see this same string, so a check on the plain spelling ({@code
   * path().startsWith("/admin")}) holds for every spelling of it. An encoded slash ({@code %2F})
   * stays inside its segment, as the router keeps it; decode a segment with {@link
   * java.net.URLDecoder} only for display. A path with a malformed escape is kept as given (it is
   * answered with 400 before middleware when it comes over HTTP). The rules: {@code
   * UrlRules.canonicalPath} in the runtime's {@code internal} package.
   */
  public String path() {
    return path;
  }

  /** The raw query string without the {@code ?}, or an empty string when there is none. */
  public String rawQuery() {
    return rawQuery;
  }

  /**
   * The pattern of the route that matched, e.g. {@code /blog/[slug]}; an empty string before
   * routing or when no route matched.
   */
  public String route() {
    return route;
  }

  /**
   * The route's parameters by name, untyped: a {@code String} for {@code $x}, a {@code
   * List<String>} for catch-alls; an optional catch-all that matched its bare path has no entry, as
   * in Next.js. Pages get their params as their typed record ({@code Routes.BlogSlug}); this view is
   * for code that serves many routes, such as {@code _App} (with {@link #route()}). Empty before
   * routing, so always empty in {@code _Middleware}.
   */
  public Map<String, Object> untypedRouteParams() {
    return routeParams;
  }

  /**
   * The value of the single-segment route parameter {@code name}.
   *
   * @throws IllegalArgumentException if the route has no such parameter or it is a catch-all
   */
  public String param(String name) {
    Object value = routeParams.get(name);
    if (value instanceof String) {
      return (String) value;
    }
    throw new IllegalArgumentException(
        "route " + route + " has no single-segment parameter '" + name + "'");
  }

  /**
   * The segments of the catch-all route parameter {@code name}; empty when an optional catch-all
   * matched its bare path.
   *
   * @throws IllegalArgumentException if the route has a single-segment parameter of that name
   */
  @SuppressWarnings("unchecked")
  public List<String> params(String name) {
    Object value = routeParams.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List) {
      return (List<String>) value;
    }
    throw new IllegalArgumentException(
        "route " + route + " parameter '" + name + "' is a single segment, not a catch-all");
  }

  /**
   * The query parameters merged with the route parameters, route parameters winning on a clash
   * (Next.js's {@code req.query}). Values keep their order; a single-segment route parameter is a
   * list of one.
   */
  public Map<String, List<String>> query() {
    Map<String, List<String>> result = query;
    if (result == null) {
      Map<String, List<String>> merged = new LinkedHashMap<>(QueryStrings.parse(rawQuery));
      routeParams.forEach(
          (name, value) -> merged.put(name, value instanceof String ? List.of((String) value) : castList(value)));
      result = Collections.unmodifiableMap(merged);
      query = result;
    }
    return result;
  }

  /** The first value of query (or route) parameter {@code name}, if present. */
  public Optional<String> queryParam(String name) {
    List<String> values = query().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The headers by lower-case name, each with its values in order. */
  public Map<String, List<String>> headers() {
    return headers.map();
  }

  /** The first value of header {@code name} (any case), if present. */
  public Optional<String> header(String name) {
    String value = headers.first(name);
    return value == null ? Optional.empty() : Optional.of(value);
  }

  /** The cookies sent in {@code Cookie} headers, by name; the first of a repeated name wins. */
  public Map<String, String> cookies() {
    Map<String, String> result = cookies;
    if (result == null) {
      Map<String, String> parsed = new LinkedHashMap<>();
      for (String header : headers.all("cookie")) {
        for (String pair : header.split(";")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            parsed.putIfAbsent(pair.substring(0, eq).trim(), unquote(pair.substring(eq + 1).trim()));
          }
        }
      }
      result = Collections.unmodifiableMap(parsed);
      cookies = result;
    }
    return result;
  }

  /** The value of cookie {@code name}, if sent. */
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies().get(name));
  }

  /**
   * A copy of the body; empty when the request had none. A body a server received is read from the
   * connection by the first call of this method, {@link #bodyText()}, {@link #json(Class)} or
   * {@link #form()}, never before: a request whose route does not read its body costs no memory
   * for it.
   *
   * <p>Every body byte a server reads counts against the app's {@link
   * NextOptions#bodyBufferBytes()} until the response is written; a read past it fails, and the app
   * answers that request with 503 and {@code Retry-After}.
   *
   * @throws HttpException 413 for a body over the app's {@link NextConfig#bodySizeLimit()}, 400
   *     when the body cannot be read (a client that stopped sending)
   * @throws IllegalStateException after {@link #form()} streamed a multipart body to its files
   */
  public byte[] body() {
    return bytes().clone();
  }

  /** The body decoded as UTF-8; read as {@link #body()} says. */
  public String bodyText() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /** The body in memory, read on first use and shared by this request's copies; never handed out. */
  private byte[] bytes() {
    synchronized (shared) {
      if (shared.body == null) {
        if (shared.stream == null) {
          throw new IllegalStateException("the body was streamed to the form's files by form(); read it from the form");
        }
        InputStream in = shared.stream;
        shared.stream = null;
        try (in) {
          shared.body = in.readAllBytes();
        } catch (IOException e) {
          throw new HttpException(400, "could not read the request body: " + e.getMessage(), e);
        }
      }
      return shared.body;
    }
  }

  // --- forms and JSON bodies (the page toolkit) ---

  /**
   * The body as a form, read with the {@linkplain FormLimits#defaults() default limits}; see
   * {@link #form(FormLimits)}.
   */
  public Form form() {
    return form(FormLimits.defaults());
  }

  /**
   * The body as a form ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}),
   * read within {@code limits}. The body is parsed once, by the first call; later calls on this
   * request (and on its routed and rewritten copies) return the same form, whatever limits they
   * pass. Uploaded files go to temporary files in a directory this process creates under {@code
   * java.io.tmpdir} ({@code next4j-uploads-…}).
   *
   * <p>The form belongs to the request: the server deletes its files once the response is written
   * (see {@link #closeForm()}), also when the page throws, so a page need not close it.
   *
   * <pre>{@code
   * Form form = request.form(FormLimits.defaults().withMaxFileBytes(1024 * 1024));
   * String name = form.value("name").orElse("");
   * }</pre>
   *
   * @throws HttpException 415 for another {@code Content-Type}, 400 for a malformed or cut-short
   *     body, 413 for a field, file or body over {@code limits}
   */
  public Form form(FormLimits limits) {
    if (limits == null) {
      throw new NullPointerException("limits == null");
    }
    synchronized (shared) {
      if (shared.closed) {
        throw new IllegalStateException("form() after the request's form was closed (the response was already written)");
      }
      if (shared.form == null) {
        String contentType = header("content-type").orElse(null);
        InputStream in;
        if (shared.body == null && contentType != null
            && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
          // Straight from the connection: the parser spills files to disk, nothing is held whole.
          in = shared.stream;
          shared.stream = null;
        } else {
          in = new ByteArrayInputStream(bytes());
        }
        shared.form = Form.parse(in, contentType, limits, FormParser.uploadDirectory());
      }
      return shared.form;
    }
  }

  /**
   * Deletes the temporary files of the form {@link #form()} read, if it read one; later calls to
   * {@code form()} fail. The server calls this after writing the response; call it yourself when
   * you hand requests to a page outside a server (a test calling a page directly). Calling it again
   * does nothing.
   */
  public void closeForm() {
    Form form;
    synchronized (shared) {
      form = shared.form;
      shared.form = null;
      shared.closed = true;
    }
    if (form != null) {
      form.close();
    }
  }

  /**
   * The body read as JSON into a {@code type} by the app's codec (see {@link #jsonCodec()}).
   *
   * <pre>{@code
   * record NewPost(String title, List<String> tags) {}
   * NewPost post = request.json(NewPost.class);
   * }</pre>
   *
   * @throws HttpException 415 unless the {@code Content-Type} is {@code application/json} or
   *     another {@code +json} type; 400 for malformed JSON or JSON that does not fit {@code type};
   *     413 for a body over the codec's limit
   * @throws IllegalStateException if the app has no JSON codec
   */
  public <T> T json(Class<T> type) {
    return json(type, jsonCodec());
  }

  /**
   * The body read as JSON into a {@code type} by {@code codec}, for code that has its own codec;
   * {@link #json(Class)} uses the app's.
   *
   * @throws HttpException as {@link #json(Class)}
   */
  public <T> T json(Class<T> type, JsonCodec codec) {
    if (type == null || codec == null) {
      throw new NullPointerException(type == null ? "type == null" : "codec == null");
    }
    String contentType = header("content-type").orElse("");
    int semi = contentType.indexOf(';');
    String mediaType = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
      throw HttpException.unsupportedMediaType(
          "a JSON body needs Content-Type application/json, not "
              + (contentType.isEmpty() ? "none" : "\"" + contentType + "\""));
    }
    return codec.read(new ByteArrayInputStream(bytes()), type);
  }

  /**
   * The app's JSON codec: the one given with {@link NextOptions.Builder#json(JsonCodec)}, else the
   * one {@code _App} names ({@link App#json()}). Write a value with it as {@code
   * Response.json(value, request.jsonCodec())}.
   *
   * @throws IllegalStateException if the app has none, saying how to give one
   */
  public JsonCodec jsonCodec() {
    if (jsonCodec == null) {
      throw new IllegalStateException("the app has no JSON codec: return one from _App's json() "
          + "(e.g. new dev.next4j.jackson.JacksonCodec() from the next-jackson artifact), or give it to a custom "
          + "server with NextOptions.builder().json(codec)");
    }
    return jsonCodec;
  }

  /**
   * This request reading and writing JSON with {@code codec} ({@link #jsonCodec()}); the app
   * does this for every request, and a test calling a page directly can do the same.
   */
  public Request withJsonCodec(JsonCodec codec) {
    if (codec == null) {
      throw new NullPointerException("codec == null");
    }
    return new Request(method, path, rawQuery, headers, route, routeParams, codec, env, shared, revalidator, locale);
  }

  /**
   * The app's environment ({@link NextApp#env()}): the process environment over the project's
   * {@code .env} files. In dev mode an edited {@code .env} file shows on the next request.
   *
   * <pre>{@code
   * String greeting = request.env().get("GREETING").orElse("Hello");
   * }</pre>
   *
   * @throws IllegalStateException for a request no app has served (a test calling a page
   *     directly: give it one with {@link #withEnv(Env)})
   */
  public Env env() {
    if (env == null) {
      throw new IllegalStateException("this request has no environment: only a request an app serves has one "
          + "(in a test, give it one with request.withEnv(Env.load(dir, \"test\")))");
    }
    return env;
  }

  /** This request with {@code env} as {@link #env()}; the app does this for every request. */
  public Request withEnv(Env env) {
    if (env == null) {
      throw new NullPointerException("env == null");
    }
    return new Request(method, path, rawQuery, headers, route, routeParams, jsonCodec, env, shared, revalidator, locale);
  }

  /**
   * This request as routed to {@code route} with {@code routeParams}: the runtime's hand-off from
   * the route table to a page (generated code's {@code ParamsFactory} then reads {@link #param} and
   * {@link #params}), and a way for tests to call a page directly.
   */
  public Request withRoute(String route, Map<String, Object> routeParams) {
    return new Request(
        method, path, rawQuery, headers, route, copyOf(routeParams), jsonCodec, env, shared, revalidator, locale);
  }

  /** This request with another path and query (a rewrite), unrouted. */
  public Request withTarget(String target) {
    int q = target.indexOf('?');
    return new Request(
        method,
        canonical(q < 0 ? target : target.substring(0, q)),
        q < 0 ? "" : target.substring(q + 1),
        headers,
        "",
        Map.of(),
        jsonCodec,
        env,
        shared,
        revalidator,
        locale);
  }

  /**
   * The locale of this request under i18n routing ({@link NextConfig.I18n}): the locale its path
   * began with ({@code /fr/about} → {@code fr}, the prefix being stripped before routing), else the
   * default locale (of its domain, with domain routing). Empty when the app has no i18n config.
   */
  public String locale() {
    return locale;
  }

  /** This request with {@code locale} as its {@link #locale()}: the runtime's i18n step sets it; tests of a page may too. */
  public Request withLocale(String locale) {
    return new Request(method, path, rawQuery, headers, route, routeParams, jsonCodec, env, shared, revalidator,
        Objects.requireNonNull(locale, "locale"));
  }

  /** This request with header {@code name} set to {@code value}, replacing earlier values. */
  public Request withHeader(String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers.map());
    copy.put(name.toLowerCase(Locale.ROOT), List.of(value));
    return new Request(method, path, rawQuery, HeaderView.of(Collections.unmodifiableMap(copy)), route, routeParams, jsonCodec,
        env, shared, revalidator, locale);
  }

  /** This request without header {@code name} (any case): what middleware's {@code withoutRequestHeader} does. */
  public Request withoutHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!headers.map().containsKey(lower)) {
      return this;
    }
    Map<String, List<String>> copy = new LinkedHashMap<>(headers.map());
    copy.remove(lower);
    return new Request(method, path, rawQuery, HeaderView.of(Collections.unmodifiableMap(copy)), route, routeParams, jsonCodec,
        env, shared, revalidator, locale);
  }

  /**
   * This request with {@code revalidator} behind {@link #revalidate}: the app serving a request
   * sets itself; tests of a page may set their own.
   */
  public Request withRevalidator(Revalidator revalidator) {
    return new Request(method, path, rawQuery, headers, route, routeParams, jsonCodec, env, shared,
        Objects.requireNonNull(revalidator, "revalidator"), locale);
  }

  /**
   * Renders the static page at {@code path} again now and stores it (Next.js's {@code
   * res.revalidate(path)}); see {@link Revalidator#revalidate}. Pages and API routes call it to
   * publish a change at once.
   *
   * @throws IllegalStateException if no app serves this request (one built by hand, without {@link #withRevalidator})
   */
  public void revalidate(String path) {
    if (revalidator == null) {
      throw new IllegalStateException("request.revalidate(\"" + path + "\") needs the request an app serves; "
          + "this one was built by hand (give it one with withRevalidator)");
    }
    revalidator.revalidate(path);
  }

  @Override
  public String toString() {
    return method + " " + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }

  /** The pipeline's one copy of a request with the app's services ({@link PipelineAccess}). */
  private static final class AppServices implements PipelineAccess.Requests {
    @Override
    public Request withApp(Request request, Env env, Revalidator revalidator, JsonCodec codec) {
      Request r = request;
      return new Request(r.method, r.path, r.rawQuery, r.headers, r.route, r.routeParams,
          codec == null ? r.jsonCodec : codec, Objects.requireNonNull(env, "env"), r.shared,
          Objects.requireNonNull(revalidator, "revalidator"), r.locale);
    }
  }

  /** An unmodifiable copy of {@code params} in its order; a route's one param needs no hash table. */
  private static Map<String, Object> copyOf(Map<String, Object> params) {
    if (params.isEmpty()) {
      return Map.of();
    }
    if (params.size() == 1) {
      Map.Entry<String, Object> only = params.entrySet().iterator().next();
      if (only.getKey() != null && only.getValue() != null) {
        return Map.of(only.getKey(), only.getValue());
      }
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object value) {
    return (List<String>) value;
  }

  /** {@code path} in its canonical spelling, or as given when it has a malformed escape. */
  private static String canonical(String path) {
    String canonical = UrlRules.canonicalPath(path);
    return canonical == null ? path : canonical;
  }

  /**
   * What a request and its copies share: the body, read from {@code stream} at most once (see
   * {@link #body()}), and the form, parsed at most once (see {@link #form(FormLimits)}).
   */
  private static final class Shared {
    /** The body not read yet; null once read, or when it was given as bytes. */
    private InputStream stream;
    /** The body in memory; null until read. */
    private byte[] body;
    private Form form;
    private boolean closed;

    Shared(byte[] body, InputStream stream) {
      this.body = body;
      this.stream = stream;
    }
  }

  /**
   * The headers: either a lower-case map made when the request was built, or the map a server
   * binding passed ({@link Builder#headers(Map)}, names in any case), looked up as it is until
   * {@link #headers()} first asks for the lower-case map, which is then made once.
   */
  private static final class HeaderView {
    private final Map<String, List<String>> given;
    private volatile Map<String, List<String>> lowerCase;

    private HeaderView(Map<String, List<String>> given, Map<String, List<String>> lowerCase) {
      this.given = given;
      this.lowerCase = lowerCase;
    }

    /** A view of {@code lowerCase}, a map with lower-case names already. */
    static HeaderView of(Map<String, List<String>> lowerCase) {
      return new HeaderView(null, lowerCase);
    }

    /** A view of {@code given}, names in any case, looked up as it is. */
    static HeaderView given(Map<String, List<String>> given) {
      return new HeaderView(given, null);
    }

    Map<String, List<String>> map() {
      Map<String, List<String>> result = lowerCase;
      if (result == null) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        given.forEach((name, values) -> {
          if (!values.isEmpty()) {
            copy.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), HeaderView::concat);
          }
        });
        result = Collections.unmodifiableMap(copy);
        lowerCase = result;
      }
      return result;
    }

    /** The first value of {@code name} (any case), or null. */
    String first(String name) {
      List<String> values = all(name);
      return values.isEmpty() ? null : values.get(0);
    }

    /** The values of {@code name} (any case), empty when absent. */
    List<String> all(String name) {
      Map<String, List<String>> map = lowerCase;
      if (map != null) {
        return map.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
      }
      // The names scanned (an unmodifiable map's entrySet() would wrap each entry), the values
      // asked only for a name that matched.
      List<String> found = null;
      for (String key : given.keySet()) {
        if (key.equalsIgnoreCase(name)) {
          List<String> values = given.get(key);
          if (values == null || values.isEmpty()) {
            continue;
          }
          if (found != null) {
            // The same name in two cases: rare, so the lower-case map is made for it.
            return map().getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
          }
          found = values;
        }
      }
      return found == null ? List.of() : found;
    }

    private static List<String> concat(List<String> a, List<String> b) {
      List<String> both = new ArrayList<>(a);
      both.addAll(b);
      return List.copyOf(both);
    }
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  /** Builds a {@link Request}; see {@link Request#builder(String, String)}. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final String rawQuery;
    /** The headers added one by one, by lower-case name; null until the first. */
    private Map<String, List<String>> headers;
    private Map<String, List<String>> given;
    private byte[] body = EMPTY;
    private InputStream stream;

    private Builder(String method, String target) {
      if (method == null || method.isEmpty()) {
        throw new IllegalArgumentException("method is empty");
      }
      if (target == null || !target.startsWith("/")) {
        throw new IllegalArgumentException("target must start with '/': \"" + target + "\"");
      }
      this.method = method.toUpperCase(Locale.ROOT);
      int q = target.indexOf('?');
      this.path = canonical(q < 0 ? target : target.substring(0, q));
      this.rawQuery = q < 0 ? "" : target.substring(q + 1);
    }

    /** Adds a value to header {@code name}. */
    public Builder header(String name, String value) {
      if (headers == null) {
        headers = new LinkedHashMap<>();
      }
      headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Adds every header of {@code headers}, names in any case, without copying them: the request
     * looks a header up in this map as it is, and makes its lower-case map only when {@link
     * Request#headers()} is asked for. A server binding passes the map its engine parsed; the map
     * must not change after {@link #build()}. Only one such map per request.
     */
    public Builder headers(Map<String, List<String>> headers) {
      if (headers == null) {
        throw new NullPointerException("headers == null");
      }
      if (given != null) {
        throw new IllegalStateException("headers(Map) was called already");
      }
      this.given = headers;
      return this;
    }

    /** Sets the body. */
    public Builder body(byte[] body) {
      this.body = body.clone();
      this.stream = null;
      return this;
    }

    /** Sets the body to {@code text} in UTF-8. */
    public Builder body(String text) {
      this.body = text.getBytes(StandardCharsets.UTF_8);
      this.stream = null;
      return this;
    }

    /**
     * Sets the body to what {@code in} gives, read when the request's body is first asked for (see
     * {@link Request#body()}), once, and closed then. A server binding passes the connection's
     * stream, which it bounds by the body limit; a route that never reads the body leaves it
     * unread.
     */
    public Builder body(InputStream in) {
      if (in == null) {
        throw new NullPointerException("in == null");
      }
      this.stream = in;
      this.body = null;
      return this;
    }

    public Request build() {
      HeaderView view;
      if (headers == null) {
        view = given != null ? HeaderView.given(given) : HeaderView.of(Map.of());
      } else {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (given != null) {
          copy.putAll(HeaderView.given(given).map());
        }
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), HeaderView::concat));
        view = HeaderView.of(Collections.unmodifiableMap(copy));
      }
      return new Request(method, path, rawQuery, view, "", Map.of(), null, null, new Shared(body, stream), null, "");
    }
  }
}
