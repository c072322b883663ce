package bench.site.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The benchmark's HTML, read once from the class path (bench/http/content, copied by the pom). */
public final class _Content {
  public static final String HOME = read("home.html");
  public static final String BLOG = read("blog.html");

  private _Content() {}

  private static String read(String name) {
    try (InputStream in = _Content.class.getResourceAsStream("/bench/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no /bench/" + name + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
