package dev.next4j.runtime.binding;

import java.net.InetSocketAddress;

/** A server an {@link HttpEngine} started. */
public interface RunningServer {
  /** The address the server listens on; its port is the one picked when the options asked for 0. */
  InetSocketAddress address();

  /**
   * Stops listening and closes the connections. {@code NextApp.serve} calls it on SIGTERM and Ctrl-C
   * after the app's {@code close()} let the requests in flight finish.
   */
  void stop();
}
