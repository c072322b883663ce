package dev.next4j.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

/** Compiles small Java sources in a test, with the JDK's own compiler. */
final class Compiler {
  private Compiler() {}

  /** Compiles {@code sources} (file name → text) into {@code out}, which it returns. */
  static Path compile(Path work, Map<String, String> sources) throws IOException {
    Path src = Files.createDirectories(work.resolve("src"));
    Path out = Files.createDirectories(work.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
    assertThat(status).as("javac status").isZero();
    return out;
  }
}
