package dev.next4j.runtime.internal;

import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.util.Optional;

/**
 * The files under {@code public/}, served at {@code /}: the pipeline asks them after middleware
 * and before routes (Next.js's filesystem step), so a public file beats a dynamic route. The build's
 * index ({@code PublicFileIndex}) and dev mode's folders are served by {@link PublicFileServer}; a
 * site without {@code public/} has {@link #NONE}. Anything else answered in the same step (stored
 * pages) can be chained as one more {@code PublicFiles}: ask it when this one has nothing.
 */
@FunctionalInterface
public interface PublicFiles {
  /** No public files. */
  PublicFiles NONE = None.NONE;

  /**
   * The response for the file at {@code path} (raw, inside the app, without a trailing slash), if
   * there is one. It must never read outside {@code public/}.
   */
  Optional<Response> find(Request request, String path);

  /** {@link #NONE}: an enum rather than a lambda, which would cost a hidden class at startup. */
  enum None implements PublicFiles {
    NONE;

    @Override
    public Optional<Response> find(Request request, String path) {
      return Optional.empty();
    }
  }
}
