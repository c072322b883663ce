package dev.next4j.build;

import dev.next4j.codegen.Messages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * The plugin's port rules, in one place: the default (3000, as {@code next dev} and {@code next
 * start}), the range (0 to 65535, 0 picks a free port), where {@code next:run} takes the port from
 * ({@code -Dnext.port}, else {@code PORT}, else 3000), and what to suggest when a port is taken.
 * The runtime's own command line ({@code java -jar site.jar --port N}) keeps the same rules on its
 * side; see docs/architecture.md.
 *
 * <pre>{@code
 * Ports.chosen("8080", "9090");   // 8080: the property wins over PORT
 * Ports.chosen(null, null);       // 3000
 * Ports.alternative(65535);       // 3000: the port to suggest instead
 * }</pre>
 */
public final class Ports {
  /** The port used when none is given. */
  public static final int DEFAULT = 3000;
  /** {@link #DEFAULT} as text, for a goal parameter's {@code defaultValue}. */
  public static final String DEFAULT_TEXT = "3000";
  private static final int MAX = 65535;

  private Ports() {}

  /**
   * {@code port} when it is one; throws {@link IllegalArgumentException} naming it otherwise.
   * For ports that come from code, not from a user.
   */
  public static int requireValid(int port) {
    if (port < 0 || port > MAX) {
      throw new IllegalArgumentException("port must be between 0 and " + MAX + ": " + port);
    }
    return port;
  }

  /**
   * The port from {@code property} ({@code -Dnext.port} or {@code <port>}), else from {@code
   * environment} (the {@code PORT} variable), else {@link #DEFAULT}.
   *
   * @throws BuildException when the value given is not a port number, naming where it came from
   */
  public static int chosen(String property, String environment) throws BuildException {
    boolean fromProperty = property != null && !property.isBlank();
    String value = fromProperty ? property : environment;
    if (value == null || value.isBlank()) {
      return DEFAULT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= MAX) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // said below
    }
    throw new BuildException(Messages.invalidPort(fromProperty ? "next.port" : "PORT", value));
  }

  /** The port to suggest when {@code port} is taken: the next one, or {@link #DEFAULT} after the last. */
  public static int alternative(int port) {
    return port == MAX ? DEFAULT : port + 1;
  }

  /**
   * Fails when {@code port} (on {@code host}, or all interfaces when empty) cannot be bound, with a
   * message saying which port and what to do. Port 0 is always free.
   */
  public static void checkFree(Optional<String> host, int port) throws BuildException {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true); // as the JDK server binds: a port in TIME_WAIT is free
      socket.bind(host.map(h -> new InetSocketAddress(h, port)).orElseGet(() -> new InetSocketAddress(port)));
    } catch (IOException e) {
      throw new BuildException(Messages.portInUse(port, alternative(port)));
    }
  }

  /** A port that is free now, for a server the build starts itself. */
  static int free() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
