package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.NextApp;
import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import dev.next4j.runtime.generated.PublicFileIndex;
import dev.next4j.runtime.generated.Route;
import dev.next4j.runtime.generated.Segment;
import dev.next4j.runtime.generated.TableBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PublicFileServer}'s HTTP rules, {@link PublicFileIndex#write}, and streamed bodies on the wire. */
class PublicFilesTest {
  private static final NextConfig DEFAULTS = NextConfig.defaults();
  private static final String CSS = "body { color: red }\n".repeat(100);
  private static final long MODIFIED = 1_700_000_000_000L;

  private final Map<String, PublicFile> files = new HashMap<>();

  record None() {}

  private NextApp app() {
    files.put("css/app.css", file("css/app.css", CSS.getBytes(StandardCharsets.UTF_8), "text/css; charset=utf-8", true));
    files.put("app.3f9a1c2b.js", file("app.3f9a1c2b.js", "x()".getBytes(StandardCharsets.UTF_8), "text/javascript; charset=utf-8", false));
    files.put("about", file("about", "a file".getBytes(StandardCharsets.UTF_8), "application/octet-stream", false));
    RouteTable table = TableBuilder.of(
            Route.page("/[slug]", r -> new None(), (r, p) -> Response.html("<p>page</p>"), Segment.param("slug")))
        .build();
    return new DefaultNextApp(table, DEFAULTS, NextOptions.builder().build(), new PublicFileServer(files::get));
  }

  private static PublicFile file(String key, byte[] bytes, String type, boolean gzip) {
    byte[] gz = gzip ? gzip(bytes) : null;
    return new PublicFile(key, bytes.length, MODIFIED, "\"etag-" + key.length() + "\"", type, gzip ? gz.length : -1,
        () -> new ByteArrayInputStream(bytes), () -> new ByteArrayInputStream(gz));
  }

  private static Response get(NextApp app, String path, String... headers) {
    Request.Builder request = Request.builder("GET", path);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return app.handle(request.build());
  }

  @Test
  void aFileIsServedWithItsHeadersAndBeforeADynamicRoute() {
    try (NextApp app = app()) {
      Response css = get(app, "/css/app.css");
      Response hashed = get(app, "/app.3f9a1c2b.js");

      assertThat(css.status()).isEqualTo(200);
      assertThat(css.isStreamed()).isTrue();
      assertThat(css.bodyText()).isEqualTo(CSS);
      assertThat(css.header("content-type")).hasValue("text/css; charset=utf-8");
      assertThat(css.contentLength()).isEqualTo(CSS.length());
      assertThat(css.header("etag")).hasValue("\"etag-11\"");
      assertThat(css.header("last-modified")).hasValue("Tue, 14 Nov 2023 22:13:20 GMT");
      assertThat(css.header("accept-ranges")).hasValue("bytes");
      assertThat(css.header("cache-control")).hasValue("public, max-age=0");
      assertThat(css.header("vary")).hasValue("Accept-Encoding");
      assertThat(css.header("content-encoding")).isEmpty();
      assertThat(hashed.header("cache-control")).hasValue("public, max-age=31536000, immutable");
      assertThat(hashed.header("vary")).isEmpty();
      assertThat(get(app, "/about").bodyText()).isEqualTo("a file");
      assertThat(get(app, "/other").bodyText()).isEqualTo("<p>page</p>");
      assertThat(app.handle(Request.builder("POST", "/about").build()).status())
          .as("other methods fall through to the routes").isEqualTo(405);
    }
  }

  @Test
  void theGzipVariantGoesToClientsThatAcceptIt() throws IOException {
    try (NextApp app = app()) {
      Response gz = get(app, "/css/app.css", "Accept-Encoding", "br, gzip");
      Response refused = get(app, "/css/app.css", "Accept-Encoding", "gzip;q=0");

      assertThat(gz.header("content-encoding")).hasValue("gzip");
      assertThat(gz.header("etag")).hasValue("\"etag-11-gzip\"");
      assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(CSS);
      assertThat(refused.header("content-encoding")).isEmpty();
      assertThat(refused.bodyText()).isEqualTo(CSS);
    }
  }

  @Test
  void aCurrentCopyGets304ByEtagOrDate() {
    try (NextApp app = app()) {
      assertThat(get(app, "/css/app.css", "If-None-Match", "\"etag-11\"").status()).isEqualTo(304);
      assertThat(get(app, "/css/app.css", "If-None-Match", "W/\"etag-11-gzip\"").status()).isEqualTo(304);
      assertThat(get(app, "/css/app.css", "If-None-Match", "\"old\"").status()).isEqualTo(200);
      Response byDate = get(app, "/css/app.css", "If-Modified-Since", "Tue, 14 Nov 2023 22:13:20 GMT");
      assertThat(byDate.status()).isEqualTo(304);
      assertThat(byDate.bodyLength()).isZero();
      assertThat(byDate.header("etag")).hasValue("\"etag-11\"");
      assertThat(byDate.header("cache-control")).hasValue("public, max-age=0");
      assertThat(get(app, "/css/app.css", "If-Modified-Since", "Tue, 14 Nov 2023 22:13:19 GMT").status()).isEqualTo(200);
      assertThat(get(app, "/css/app.css", "If-Modified-Since", "yesterday").status()).isEqualTo(200);
      assertThat(get(app, "/css/app.css", "If-None-Match", "\"old\"", "If-Modified-Since", "Tue, 14 Nov 2023 22:13:20 GMT")
          .status()).as("If-None-Match decides when both are sent").isEqualTo(200);
    }
  }

  @Test
  void oneRangeIsA206AndOnePastTheEndA416() {
    try (NextApp app = app()) {
      Response part = get(app, "/css/app.css", "Range", "bytes=5-9", "Accept-Encoding", "gzip");
      Response suffix = get(app, "/css/app.css", "Range", "bytes=-4");
      Response open = get(app, "/css/app.css", "Range", "bytes=1990-");
      Response past = get(app, "/css/app.css", "Range", "bytes=5000-");
      Response several = get(app, "/css/app.css", "Range", "bytes=0-1,5-6");
      Response staleIfRange = get(app, "/css/app.css", "Range", "bytes=0-1", "If-Range", "\"old\"");

      assertThat(part.status()).isEqualTo(206);
      assertThat(part.bodyText()).isEqualTo(CSS.substring(5, 10));
      assertThat(part.header("content-range")).hasValue("bytes 5-9/2000");
      assertThat(part.header("content-encoding")).as("a range is of the identity bytes").isEmpty();
      assertThat(part.contentLength()).isEqualTo(5);
      assertThat(suffix.bodyText()).isEqualTo(CSS.substring(1996));
      assertThat(suffix.header("content-range")).hasValue("bytes 1996-1999/2000");
      assertThat(open.bodyText()).isEqualTo(CSS.substring(1990));
      assertThat(past.status()).isEqualTo(416);
      assertThat(past.header("content-range")).hasValue("bytes */2000");
      assertThat(several.status()).isEqualTo(200);
      assertThat(several.bodyText()).isEqualTo(CSS);
      assertThat(staleIfRange.status()).isEqualTo(200);
    }
  }

  @Test
  void headHasTheLengthAndNoBody() {
    try (NextApp app = app()) {
      Response head = app.handle(Request.builder("HEAD", "/css/app.css").header("Accept-Encoding", "gzip").build());

      assertThat(head.status()).isEqualTo(200);
      assertThat(head.bodyLength()).isZero();
      assertThat(head.header("content-length")).hasValue(Long.toString(files.get("css/app.css").gzipSize()));
      assertThat(head.header("content-encoding")).hasValue("gzip");
    }
  }

  @Test
  void noEncodingOfATraversalReachesAnythingButAnExactKey() {
    for (String path : List.of("/..", "/../x", "/a/../b", "/%2e%2e/x", "/%2E%2E/x", "/a%2fb", "/a%2Fb", "/a%5cb", "/a\\b",
        "/a%00", "/./a", "/a//b", "/", "/%zz", "/%c0%ae%c0%ae/x", "")) {
      assertThat(PublicFileServer.key(path)).as(path).isNull();
    }
    assertThat(PublicFileServer.key("/css/app.css")).isEqualTo("css/app.css");
    assertThat(PublicFileServer.key("/my%20file.txt")).isEqualTo("my file.txt");
    assertThat(PublicFileServer.key("/caf%C3%A9.txt")).isEqualTo("café.txt");
  }

  @Test
  void contentHashesAreHexPartsOfEightOrMoreWithADigitAndALetter() {
    assertThat(MediaTypes.hasContentHash("app.3f9a1c2b.css")).isTrue();
    assertThat(MediaTypes.hasContentHash("static/chunk-0a1b2c3d4e.js")).isTrue();
    assertThat(MediaTypes.hasContentHash("3F9A1C2B_font.woff2")).isTrue();
    assertThat(MediaTypes.hasContentHash("logo.png")).isFalse();
    assertThat(MediaTypes.hasContentHash("report-20240101.pdf")).isFalse();
    assertThat(MediaTypes.hasContentHash("deadbeefcafe.css")).isFalse();
    assertThat(MediaTypes.hasContentHash("app.3f9a1c2.css")).isFalse();
    assertThat(MediaTypes.hasContentHash("3f9a1c2b3d")).isTrue();
    assertThat(MediaTypes.forFileName("a/b.CSS")).isEqualTo("text/css; charset=utf-8");
    assertThat(MediaTypes.forFileName(".htaccess")).isEqualTo(MediaTypes.UNKNOWN);
    assertThat(MediaTypes.forFileName("favicon.ico")).isEqualTo("image/x-icon");
  }

  @Test
  void theBuildIndexListsRegularFilesWithEtagsAndGzipVariants(@TempDir Path dir) throws IOException {
    Path publicDir = dir.resolve("public");
    Files.createDirectories(publicDir.resolve("css"));
    Files.writeString(publicDir.resolve("css/app.css"), CSS);
    Files.writeString(publicDir.resolve("tiny.txt"), "hi");
    Files.write(publicDir.resolve("logo.png"), new byte[4096]);
    Files.writeString(dir.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(publicDir.resolve("link.txt"), dir.resolve("secret.txt"));
    Path out = dir.resolve("out");

    PublicFileIndex.Written written = PublicFileIndex.write(publicDir, out);
    List<String> lines = Files.readAllLines(out.resolve(PublicFileIndex.INDEX));
    byte[] variant = Files.readAllBytes(out.resolve(PublicFileIndex.GZIP + "css/app.css.gz"));
    Files.delete(publicDir.resolve("css/app.css"));
    PublicFileIndex.write(publicDir, out);

    assertThat(written.keys()).containsExactly("css/app.css", "logo.png", "tiny.txt");
    assertThat(written.skippedLinks()).containsExactly("link.txt");
    assertThat(lines.get(0)).isEqualTo("# next4j public files 1");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).matches("css/app\\.css\t2000\t\\d+\t\"[A-Za-z0-9_-]{27}\"\t" + variant.length
        + "\ttext/css; charset=utf-8");
    assertThat(lines.get(2)).matches("logo\\.png\t4096\t\\d+\t\"[A-Za-z0-9_-]{27}\"\t-1\timage/png");
    assertThat(lines.get(3)).as("too small to gzip").matches("tiny\\.txt\t2\t\\d+\t\"[A-Za-z0-9_-]{27}\"\t-1\ttext/plain; charset=utf-8");
    assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(variant)).readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo(CSS);
    assertThat(out.resolve(PublicFileIndex.GZIP + "css/app.css.gz")).as("a deleted file's variant goes").doesNotExist();
    assertThat(Files.readString(out.resolve(PublicFileIndex.INDEX))).doesNotContain("app.css");
  }

  @Test
  void streamedBodiesGoOnTheWireWithTheirLengthOrChunked(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.bin");
    byte[] bytes = new byte[3 * 1024 * 1024 + 7];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Files.write(big, bytes);
    RouteTable table = TableBuilder.of(
            Route.api("/file", r -> new None(), (r, p) -> Response.file(big, "application/octet-stream"), Segment.literal("file")),
            Route.api("/chunked", r -> new None(), (r, p) -> Response.stream("text/plain; charset=utf-8",
                out -> out.write("streamed\n".repeat(1000).getBytes(StandardCharsets.UTF_8))), Segment.literal("chunked")))
        .build();
    NextOptions options = NextOptions.builder().hostname("127.0.0.1").port(0).build();
    try (Served served = Served.start(NextApp.create(table, DEFAULTS, options))) {
      HttpResponse<byte[]> file = served.getBytes("/file");
      HttpResponse<byte[]> chunked = served.getBytes("/chunked", "Accept-Encoding", "gzip");

      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.headers().firstValue("content-length")).hasValue(Long.toString(bytes.length));
      assertThat(file.body()).isEqualTo(bytes);
      assertThat(chunked.headers().firstValue("transfer-encoding")).hasValue("chunked");
      assertThat(chunked.headers().firstValue("content-encoding")).as("a stream is not gzipped on the fly").isEmpty();
      assertThat(new String(chunked.body(), StandardCharsets.UTF_8)).isEqualTo("streamed\n".repeat(1000));
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
