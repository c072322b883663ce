package dev.next4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Form#parse}: urlencoded and multipart bodies, every refusal, and nothing left on disk. */
class FormTest {
  private static final String URLENCODED = "application/x-www-form-urlencoded";
  private static final String MULTIPART = "multipart/form-data; boundary=XyZ";

  @TempDir Path uploads;

  @AfterEach
  void nothingIsLeftOnDiskOnceClosedOrFailed() throws IOException {
    try (Stream<Path> files = Files.list(uploads)) {
      assertThat(files).isEmpty();
    }
  }

  // --- application/x-www-form-urlencoded ---

  @Test
  void urlencodedFieldsDecodePlusAndPercent() {
    Form form = parse("title=Hello+world&tag=a&tag=b%26c&name=%C3%A9t%C3%A9", URLENCODED);
    assertThat(form.value("title")).contains("Hello world");
    assertThat(form.values("tag")).containsExactly("a", "b&c");
    assertThat(form.value("name")).contains("été");
    assertThat(form.values()).containsOnlyKeys("title", "tag", "name");
  }

  @Test
  void urlencodedEmptyPairsAreSkippedAndBareNamesHaveEmptyValues() {
    Form form = parse("&a=&&b&c=1=2&", URLENCODED);
    assertThat(form.values()).isEqualTo(Map.of("a", List.of(""), "b", List.of(""), "c", List.of("1=2")));
    assertThat(form.value("missing")).isEmpty();
    assertThat(form.values("missing")).isEmpty();
  }

  @Test
  void aCharsetParameterIsAccepted() {
    assertThat(parse("a=1", URLENCODED + "; charset=UTF-8").value("a")).contains("1");
  }

  @Test
  void aMalformedEscapeIs400() {
    assertRefused(() -> parse("a=1&b=%zz", URLENCODED), 400,
        "malformed percent escape \"%z\" at byte 6 of the form body (want % and two hex digits)");
    assertRefused(() -> parse("a=%4g", URLENCODED), 400,
        "malformed percent escape \"%4g\" at byte 2 of the form body (want % and two hex digits)");
    assertRefused(() -> parse("a=%4", URLENCODED), 400,
        "malformed percent escape at byte 2 of the form body: it ends after '%'4");
  }

  @Test
  void invalidUtf8Is400() {
    assertRefused(() -> parse("a=%C3", URLENCODED), 400, "form field 'a' is not valid UTF-8");
  }

  @Test
  void anOversizedUrlencodedFieldIs413() {
    FormLimits limits = FormLimits.defaults().withMaxFieldBytes(4);
    assertThat(parse("bio=abcd", URLENCODED, limits).value("bio")).contains("abcd");
    assertRefused(() -> parse("bio=abcde", URLENCODED, limits), 413, "form field 'bio' is over the limit of 4 bytes");
    assertRefused(() -> parse("abcde=1", URLENCODED, limits), 413, "a form field name is over the limit of 4 bytes");
  }

  @Test
  void anOversizedUrlencodedBodyIs413() {
    assertRefused(() -> parse("a=1&b=2", URLENCODED, FormLimits.defaults().withMaxTotalBytes(6)), 413,
        "form body is over the limit of 6 bytes");
  }

  @Test
  void tooManyFieldsIs413() {
    assertRefused(() -> parse("a=1&b=2&c=3", URLENCODED, FormLimits.defaults().withMaxParts(2)), 413,
        "form has more than 2 fields and files");
  }

  // --- content types ---

  @Test
  void aWrongContentTypeIs415() {
    assertRefused(() -> parse("{}", "application/json"), 415,
        "a form needs Content-Type application/x-www-form-urlencoded or multipart/form-data, not \"application/json\"");
    assertRefused(() -> parse("a=1", null), 415,
        "a form needs Content-Type application/x-www-form-urlencoded or multipart/form-data; the request has none");
  }

  @Test
  void aMissingBoundaryIs400() {
    assertRefused(() -> parse("--XyZ--\r\n", "multipart/form-data"), 400,
        "Content-Type multipart/form-data has no boundary parameter: \"multipart/form-data\"");
    assertRefused(() -> parse("--XyZ--\r\n", "multipart/form-data; charset=utf-8"), 400,
        "Content-Type multipart/form-data has no boundary parameter: \"multipart/form-data; charset=utf-8\"");
  }

  @Test
  void aBoundaryTheRfcForbidsIs400() {
    assertRefused(() -> parse("", "multipart/form-data; boundary=" + "x".repeat(71)), 400,
        "multipart boundary must be 1 to 70 characters, not ending in a space: \"" + "x".repeat(71) + "\"");
    assertRefused(() -> parse("", "multipart/form-data; boundary=\"a\\\\b\""), 400,
        "multipart boundary has a character RFC 2046 does not allow at index 1: \"a\\b\"");
  }

  // --- multipart/form-data ---

  @Test
  void multipartFieldsAndAFile() throws IOException {
    String body = "preamble to ignore\r\n"
        + "--XyZ\r\n"
        + "Content-Disposition: form-data; name=\"title\"\r\n"
        + "\r\n"
        + "Hello\r\nworld\r\n"
        + "--XyZ\r\n"
        + "content-disposition: form-data; name=\"cover\"; filename=\"C:\\\\photos\\\\a b.png\"\r\n"
        + "Content-Type: image/png\r\n"
        + "\r\n"
        + "\u0089PNG\r\n --XyZ\r\r\n"
        + "--XyZ  \r\n"
        + "Content-Disposition: form-data; name=\"title\"\r\n"
        + "\r\n"
        + "été\r\n"
        + "--XyZ--\r\nepilogue to ignore";
    try (Form form = parse(body, MULTIPART)) {
      assertThat(form.values("title")).containsExactly("Hello\r\nworld", "été");
      UploadedFile cover = form.file("cover").orElseThrow();
      assertThat(cover.name()).isEqualTo("cover");
      assertThat(cover.filename()).isEqualTo("a b.png");
      assertThat(cover.contentType()).isEqualTo("image/png");
      // A boundary not after CRLF, and a CR right before the delimiter, are content.
      byte[] content = "\u0089PNG\r\n --XyZ\r".getBytes(StandardCharsets.UTF_8);
      assertThat(cover.size()).isEqualTo(content.length);
      assertThat(Files.readAllBytes(cover.path())).isEqualTo(content);
      assertThat(cover.path().getParent()).isEqualTo(uploads);
    }
  }

  @Test
  void theFirstBoundaryMayOpenTheBodyAndAFormMayBeEmpty() {
    assertThat(parse("--XyZ--\r\n", MULTIPART).values()).isEmpty();
    assertThat(parse("--XyZ--", "multipart/form-data; boundary=\"XyZ\"").values()).isEmpty();
  }

  @Test
  void severalFilesUnderOneNameAndAnExtendedFilename() {
    String body = part("docs", "filename=\"a.txt\"", "one")
        + part("docs", "filename=\"fallback.txt\"; filename*=UTF-8''%C3%A9t%C3%A9+1.txt", "two")
        + "--XyZ--\r\n";
    try (Form form = parse(body, MULTIPART)) {
      assertThat(form.files("docs")).extracting(UploadedFile::filename).containsExactly("a.txt", "été+1.txt");
      assertThat(form.files("docs")).extracting(UploadedFile::contentType)
          .containsExactly("application/octet-stream", "application/octet-stream");
      assertThat(form.files("none")).isEmpty();
      assertThat(form.file("none")).isEmpty();
    }
  }

  @Test
  void anEmptyFileInputIsSkipped() {
    Form form = parse(part("cover", "filename=\"\"", "") + "--XyZ--\r\n", MULTIPART);
    assertThat(form.file("cover")).isEmpty();
  }

  @Test
  void aFileBiggerThanTheBufferStreamsThrough() throws IOException {
    byte[] content = new byte[100_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i % 13 == 0 ? '\r' : i % 7 == 0 ? '-' : 'a' + i % 26);
    }
    byte[] head = ("--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.bin\"\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII);
    // One byte per read: the worst case for a boundary split across reads.
    InputStream trickle = new ByteArrayInputStream(concat(head, content, tail)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
    try (Form form = Form.parse(trickle, MULTIPART, FormLimits.defaults(), uploads)) {
      assertThat(Files.readAllBytes(form.file("f").orElseThrow().path())).isEqualTo(content);
    }
  }

  @Test
  void aBodyCutShortIs400AndLeavesNoFile() {
    String first = part("doc", "filename=\"a.txt\"", "complete");
    assertRefused(() -> parse(first + "--XyZ\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"b.txt\"\r\n\r\nhalf",
            MULTIPART), 400,
        "multipart body ends inside file 'b.txt' in field 'doc' before the closing boundary \"--XyZ--\"");
    assertRefused(() -> parse(first + "--XyZ\r\nContent-Disposition: form-da", MULTIPART), 400,
        "multipart body ends inside a part's headers before the closing boundary \"--XyZ--\"");
    assertRefused(() -> parse(first + "--XyZ", MULTIPART), 400,
        "multipart body ends after a boundary line before the closing boundary \"--XyZ--\"");
    assertRefused(() -> parse("--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nhal", MULTIPART), 400,
        "multipart body ends inside field 't' before the closing boundary \"--XyZ--\"");
  }

  @Test
  void aBodyWithoutItsBoundaryIs400() {
    assertRefused(() -> parse("--Other\r\n\r\n--Other--", MULTIPART), 400,
        "multipart body has no boundary line \"--XyZ\"");
  }

  @Test
  void malformedPartsAre400() {
    assertRefused(() -> parse("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--", MULTIPART), 400,
        "a multipart part has no Content-Disposition header");
    assertRefused(() -> parse("--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--XyZ--", MULTIPART), 400,
        "a multipart part's Content-Disposition is not form-data: \"attachment; name=\"a\"\"");
    assertRefused(() -> parse("--XyZ\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n--XyZ--", MULTIPART), 400,
        "a multipart part has no name in its Content-Disposition: \"form-data; filename=\"a\"\"");
    assertRefused(() -> parse("--XyZ\r\nno colon here\r\n\r\nx\r\n--XyZ--", MULTIPART), 400,
        "malformed multipart part header \"no colon here\"");
    assertRefused(() -> parse("--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--XyZ--", MULTIPART), 400,
        "Content-Disposition parameter name has an unclosed quote");
    assertRefused(() -> parse("--XyZ junk\r\n", MULTIPART), 400,
        "multipart boundary line \"--XyZ\" is not followed by CRLF");
    assertRefused(() -> parse(part("f", "filename*=latin2''x", "x") + "--XyZ--", MULTIPART), 400,
        "malformed filename* in Content-Disposition: \"latin2''x\"");
  }

  @Test
  void anOversizedMultipartFieldIs413() {
    FormLimits limits = FormLimits.defaults().withMaxFieldBytes(5);
    assertThat(parse(part("t", null, "12345") + "--XyZ--", MULTIPART, limits).value("t")).contains("12345");
    assertRefused(() -> parse(part("t", null, "123456") + "--XyZ--", MULTIPART, limits), 413,
        "form field 't' is over the limit of 5 bytes");
  }

  @Test
  void anOversizedFileIs413AndLeavesNoFile() {
    FormLimits limits = FormLimits.defaults().withMaxFileBytes(10);
    String body = part("ok", "filename=\"small.txt\"", "0123456789") + part("big", "filename=\"big.txt\"", "0123456789X")
        + "--XyZ--\r\n";
    assertRefused(() -> parse(body, MULTIPART, limits), 413,
        "file 'big.txt' in field 'big' is over the limit of 10 bytes");
  }

  @Test
  void anOversizedMultipartBodyIs413AndLeavesNoFile() {
    String body = part("doc", "filename=\"a.txt\"", "x".repeat(40_000)) + "--XyZ--\r\n";
    assertRefused(() -> parse(body, MULTIPART, FormLimits.defaults().withMaxTotalBytes(20_000)), 413,
        "form body is over the limit of 20000 bytes");
  }

  @Test
  void oversizedPartHeadersAre413() {
    String body = "--XyZ\r\nX-Pad: " + "p".repeat(MultipartParser.MAX_PART_HEADER_BYTES) + "\r\n\r\nx\r\n--XyZ--";
    assertRefused(() -> parse(body, MULTIPART), 413, "a multipart part's headers are over the limit of 8192 bytes");
  }

  @Test
  void tooManyPartsIs413AndLeavesNoFile() {
    String body = part("a", "filename=\"1\"", "1") + part("a", "filename=\"2\"", "2") + "--XyZ--";
    assertRefused(() -> parse(body, MULTIPART, FormLimits.defaults().withMaxParts(1)), 413,
        "form has more than 1 fields and files");
  }

  @Test
  void closeDeletesTheFilesAndMayBeCalledTwice() {
    Form form = parse(part("a", "filename=\"1.txt\"", "1") + "--XyZ--", MULTIPART);
    Path file = form.file("a").orElseThrow().path();
    assertThat(file).exists();
    form.close();
    form.close();
    assertThat(file).doesNotExist();
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> FormLimits.defaults().withMaxFileBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxFileBytes must be 1 or more: 0");
    assertThat(FormLimits.defaults())
        .isEqualTo(new FormLimits(64 * 1024, 10 * 1024 * 1024, 10 * 1024 * 1024, 1000));
  }

  @Test
  void theRequestReadsItsOwnBody() {
    Request request = Request.builder("POST", "/contact")
        .header("Content-Type", URLENCODED)
        .body("email=a%40b.c")
        .build();
    try (Form form = request.form()) {
      assertThat(form.value("email")).contains("a@b.c");
    }
    Request upload = Request.builder("POST", "/upload")
        .header("Content-Type", MULTIPART)
        .body(part("f", "filename=\"x.txt\"", "123") + "--XyZ--")
        .build();
    Form form = upload.form(FormLimits.defaults());
    Path path = form.file("f").orElseThrow().path();
    assertThat(path).hasContent("123");
    assertThat(path.getParent().getFileName().toString()).startsWith("next4j-uploads-");
    assertThat(path.getParent().getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    assertThat(upload.form()).as("parsed once").isSameAs(form);
    upload.closeForm();
    assertThat(path).doesNotExist();
    assertRefused(() -> Request.builder("POST", "/").body("a=1").build().form(), 415,
        "a form needs Content-Type application/x-www-form-urlencoded or multipart/form-data; the request has none");
  }

  @Test
  void aFailingBodyStreamIs400() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };
    assertRefused(() -> Form.parse(broken, URLENCODED, FormLimits.defaults(), uploads), 400,
        "could not read the request body: connection reset");
  }

  private Form parse(String body, String contentType) {
    return parse(body, contentType, FormLimits.defaults());
  }

  private Form parse(String body, String contentType, FormLimits limits) {
    return Form.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), contentType, limits, uploads);
  }

  /** One part: {@code fileParams} (e.g. {@code filename="a.txt"}) makes it a file; null a field. */
  private static String part(String name, String fileParams, String content) {
    return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileParams == null ? "" : "; " + fileParams) + "\r\n\r\n" + content + "\r\n";
  }

  private static void assertRefused(Runnable parse, int status, String message) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(status))
        .hasMessage(message);
  }

  private static byte[] concat(byte[]... parts) {
    byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
