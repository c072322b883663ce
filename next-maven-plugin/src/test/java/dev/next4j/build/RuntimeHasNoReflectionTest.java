package dev.next4j.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.RouteTable;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * next-runtime decides nothing by reflection: this reads every class of the runtime (its jar, or
 * its classes folder in a reactor build) and fails naming each class and forbidden reference.
 */
class RuntimeHasNoReflectionTest {

  @Test
  void theRuntimeUsesNoReflectionServiceLoadingOrClasspathScanning() throws Exception {
    Path runtime = runtimeLocation();
    assertThat(runtime.getFileName().toString()).matches("next-runtime.*\\.jar|classes");

    // The runtime may look up one public JDK method by handle, in one place: the virtual-thread
    // executor (Executors.newVirtualThreadPerTaskExecutor) on Java 21+.
    var findings = ReflectionCheck.strict().scan(runtime).stream()
        .filter(f -> !(f.rule() == ReflectionCheck.Rule.METHOD_HANDLE_LOOKUP
            && f.className().equals("dev/next4j/runtime/internal/ServerExecutors")))
        .toList();

    assertThat(findings).as("forbidden references in " + runtime).isEmpty();
  }

  private static Path runtimeLocation() throws URISyntaxException {
    // Test code may ask where a class came from; the runtime under test may not.
    return Path.of(RouteTable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
