package dev.next4j.runtime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The prerender manifest, {@code META-INF/next/static/manifest.tsv}: its only reader and writer in
 * the runtime (the plugin reads it for the route report and {@code next:export} with its own
 * reader of the same documented format).
 *
 * <pre>
 * # next4j prerendered pages v1
 * # path	pattern	file	gzip file	content type	etag	bytes	revalidate seconds
 * /about	/about	p/0.html	p/0.html.gz	text/html; charset=utf-8	"Xk…"	2048	-
 * /blog/hello	/blog/[slug]	p/1.html	-	text/html; charset=utf-8	"Q9…"	312	60
 * </pre>
 *
 * <p>Paths are inside the app (no base path, no trailing slash) and percent-encoded as the params
 * records' {@code href()} writes them; with i18n each is prefixed by its locale, the default one
 * too ({@code /en-US/about}, {@code /fr/about}: {@code StaticPages.Target#key}); files are relative to {@code META-INF/next/static/}. A
 * gzip file of {@code -} means none; a revalidate of {@code -} means never.
 */
final class PrerenderManifest {
  static final String HEADER = "# next4j prerendered pages v1";
  static final String COLUMNS = "# path\tpattern\tfile\tgzip file\tcontent type\tetag\tbytes\trevalidate seconds";

  private PrerenderManifest() {}

  /** One prerendered path. {@code gzipFile} is empty when there is none; {@code revalidateSeconds} -1 for never. */
  record Row(String path, String pattern, String file, String gzipFile, String contentType, String etag, long bytes,
      long revalidateSeconds) {
    String line() {
      return String.join("\t", path, pattern, file, gzipFile.isEmpty() ? "-" : gzipFile, contentType, etag,
          Long.toString(bytes), revalidateSeconds < 0 ? "-" : Long.toString(revalidateSeconds));
    }
  }

  static String format(List<Row> rows) {
    StringBuilder out = new StringBuilder(HEADER).append('\n').append(COLUMNS).append('\n');
    rows.forEach(row -> out.append(row.line()).append('\n'));
    return out.toString();
  }

  static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\n");
    if (lines.length == 0 || !lines[0].equals(HEADER)) {
      throw new IllegalStateException(StaticPages.MANIFEST + " does not start with \"" + HEADER
          + "\": made by another next4j version? Build the site again");
    }
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 8) {
        throw new IllegalStateException(StaticPages.MANIFEST + " line " + (i + 1) + " has " + f.length
            + " fields, not 8: " + line);
      }
      rows.add(new Row(f[0], f[1], f[2], f[3].equals("-") ? "" : f[3], f[4], f[5], Long.parseLong(f[6]),
          f[7].equals("-") ? -1 : Long.parseLong(f[7])));
    }
    return rows;
  }
}
