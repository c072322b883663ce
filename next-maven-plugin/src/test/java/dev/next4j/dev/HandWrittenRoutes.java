package dev.next4j.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stand-in for the route generator while it is built elsewhere: one route per page class in the
 * flat pages folder ({@code Index} at {@code /}, {@code About} at {@code /about}), written in the
 * shape the real generator writes, a comment naming the page file on each route's line, and only
 * when the text changed.
 */
final class HandWrittenRoutes implements RouteGenerator {
  private final Path projectDir;
  private final Path out;

  HandWrittenRoutes(Path projectDir) {
    this.projectDir = projectDir;
    this.out = projectDir.resolve("target/generated-sources/next/com/acme");
  }

  @Override
  public Generation generate() throws IOException {
    Path pages = projectDir.resolve("src/main/java/com/acme/pages");
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(pages)) {
      try (Stream<Path> files = Files.list(pages)) {
        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java"))
            .map(n -> n.substring(0, n.length() - 5)).sorted().forEach(names::add);
      }
    }
    StringBuilder routes = new StringBuilder("""
        package com.acme;

        import dev.next4j.runtime.Route;
        import dev.next4j.runtime.RouteTable;

        public final class Routes {
          private Routes() {}

        """);
    for (String name : names) {
      routes.append("  public record ").append(name).append("() {}\n\n");
    }
    routes.append("  public static RouteTable table() {\n    return RouteTable.of(\n");
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String pattern = name.equals("Index") ? "/" : "/" + name.toLowerCase();
      routes.append("        Route.page(\"").append(pattern).append("\", r -> new ").append(name)
          .append("(), new com.acme.pages.").append(name).append("())").append(i + 1 < names.size() ? "," : "")
          .append(" // src/main/java/com/acme/pages/").append(name).append(".java\n");
    }
    routes.append("    );\n  }\n}\n");
    String server = """
        package com.acme;

        import dev.next4j.runtime.NextApp;
        import dev.next4j.runtime.NextConfig;
        import dev.next4j.runtime.NextOptions;

        public final class NextServer {
          private NextServer() {}

          public static NextApp app(NextOptions options) {
            return NextApp.create(Routes.table(), NextConfig.defaults(), options);
          }
        }
        """;
    List<Path> written = new ArrayList<>();
    writeIfChanged(out.resolve("Routes.java"), routes.toString(), written);
    writeIfChanged(out.resolve("NextServer.java"), server, written);
    return new Generation.Generated("com.acme", written);
  }

  private static void writeIfChanged(Path file, String text, List<Path> written) throws IOException {
    if (Files.exists(file) && Files.readString(file).equals(text)) {
      return;
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    written.add(file);
  }
}
