package dev.next4j.runtime.internal;

import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.util.Optional;

/**
 * The files under {@code public/}, served at {@code /}: the pipeline asks them after middleware
 * and before routes (Next.js's filesystem step), so a public file beats a dynamic route. This is
 * the extension point for the build's file index; until one is plugged in there are {@link #NONE}.
 */
@FunctionalInterface
public interface PublicFiles {
  /** No public files. */
  PublicFiles NONE = (request, path) -> Optional.empty();

  /**
   * The response for the file at {@code path} (raw, inside the app, without a trailing slash), if
   * there is one. It must never read outside {@code public/}.
   */
  Optional<Response> find(Request request, String path);
}
