package dev.next4j.runtime.binding;

import dev.next4j.runtime.NextApp;
import java.io.IOException;

/**
 * An HTTP engine that serves an app: what {@link NextApp#serve(String[], java.util.function.Function,
 * HttpEngine)} starts. The JDK's {@code HttpServer} is the default; the optional {@code
 * next-helidon} brings {@code dev.next4j.helidon.HelidonEngine}.
 *
 * <pre>{@code
 * NextApp.serve(args, NextServer::app, new HelidonEngine());   // the generated main of a site on Helidon
 * }</pre>
 */
@FunctionalInterface
public interface HttpEngine {
  /**
   * Starts serving {@code app} on a server bound to {@code app.options()}' hostname (all interfaces
   * when none) and port (0 picks a free one), each exchange answered by {@link
   * NextApp#serve(ServerExchange)}, and returns it running.
   *
   * @throws java.net.BindException if the port is in use or the address is not this machine's
   */
  RunningServer start(NextApp app) throws IOException;
}
