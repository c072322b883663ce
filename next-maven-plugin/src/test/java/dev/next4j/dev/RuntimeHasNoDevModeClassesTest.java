package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.RouteTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dev mode lives in the plugin: the runtime next4j apps ship with (its jar, or its classes folder
 * in a reactor build before packaging) holds no class of it, only the host hook.
 */
class RuntimeHasNoDevModeClassesTest {
  private static final List<String> DEV_MODE_CLASSES =
      List.of("DevMode", "DevSession", "DevState", "DevProblem", "DevErrorPage", "LiveReload", "DevHost", "Session");

  @Test
  void theRuntimeHoldsTheHostHookAndNoDevModeClass() throws Exception {
    Path runtime = Path.of(RouteTable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> classes = classes(runtime);

    assertThat(classes).as("classes of " + runtime).contains(
        "dev/next4j/runtime/host/AppHost.class", "dev/next4j/runtime/host/HostSlot.class", "module-info.class");
    assertThat(classes).as("dev-mode classes in " + runtime).noneMatch(name -> {
      String simple = name.substring(name.lastIndexOf('/') + 1).replaceFirst("[$.].*", "");
      return DEV_MODE_CLASSES.contains(simple) || simple.startsWith("Dev") || simple.startsWith("LiveReload");
    });
  }

  private static List<String> classes(Path runtime) throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(runtime)) {
      try (Stream<Path> files = Files.walk(runtime)) {
        files.filter(f -> f.toString().endsWith(".class"))
            .forEach(f -> names.add(runtime.relativize(f).toString().replace('\\', '/')));
      }
    } else {
      try (JarFile jar = new JarFile(runtime.toFile())) {
        jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(names::add);
      }
    }
    return names;
  }
}
