package dev.next4j.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's reader of the prerender manifest ({@code META-INF/next/static/manifest.tsv}) that
 * the runtime writes while prerendering; its format is documented (and written) in the runtime's
 * {@code internal/PrerenderManifest}: a header line, a column line, then one tab-separated row
 * per page. The route report and {@code next:export} read it.
 */
public record PrerenderedPages(Path folder, List<Page> pages) {
  static final String HEADER = "# next4j prerendered pages v1";

  public PrerenderedPages {
    pages = List.copyOf(pages);
  }

  /** One prerendered path; {@code revalidateSeconds} is -1 for a page that never revalidates. */
  public record Page(String path, String pattern, String file, long bytes, long revalidateSeconds) {}

  /** The pages of the manifest in {@code folder} (the {@code META-INF/next/static} folder); none when it has no manifest. */
  public static PrerenderedPages read(Path folder) throws IOException {
    Path manifest = folder.resolve("manifest.tsv");
    if (!Files.isRegularFile(manifest)) {
      return new PrerenderedPages(folder, List.of());
    }
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(manifest + " does not start with \"" + HEADER + "\"");
    }
    List<Page> pages = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 8) {
        throw new IOException(manifest + ":" + (i + 1) + ": " + f.length + " fields, not 8");
      }
      pages.add(new Page(f[0], f[1], f[2], Long.parseLong(f[6]), f[7].equals("-") ? -1 : Long.parseLong(f[7])));
    }
    return new PrerenderedPages(folder, pages);
  }

  /** The pages prerendered for route {@code pattern}. */
  public List<Page> of(String pattern) {
    return pages.stream().filter(p -> p.pattern().equals(pattern)).toList();
  }
}
