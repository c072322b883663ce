package dev.next4j.runtime.host;

import dev.next4j.runtime.NextConfig;
import dev.next4j.runtime.NextOptions;

/**
 * What runs apps and serves part of them itself (the dev server). Installed in {@link HostSlot},
 * it is asked once by every dev-mode app made while it is there.
 *
 * <pre>{@code
 * HostSlot.install((config, options) -> new MyHostedApp(config.basePath()));
 * NextApp app = NextServer.app(NextOptions.builder().dev(true).build());   // calls attach once
 * }</pre>
 */
@FunctionalInterface
public interface AppHost {
  /**
   * The hooks for one app, being created with {@code config} (the configuration in force) and
   * {@code options}; called once per app, from the app's constructor. The app closes them when it
   * closes.
   */
  HostedApp attach(NextConfig config, NextOptions options);
}
