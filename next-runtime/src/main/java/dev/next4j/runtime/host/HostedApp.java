package dev.next4j.runtime.host;

import com.sun.net.httpserver.HttpExchange;
import dev.next4j.runtime.Request;
import dev.next4j.runtime.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A host's hooks into one app: what {@link AppHost#attach} returns. The app calls them from its
 * request threads, so they must be thread-safe.
 */
public interface HostedApp extends AutoCloseable {
  /**
   * Answers {@code exchange} when it is for one of the host's own paths, before the app reads or
   * routes it, and says whether it did; runs for requests that come through {@code
   * app.requestHandler()}. An answer may keep the exchange open after returning (a stream).
   */
  boolean serve(HttpExchange exchange) throws IOException;

  /**
   * What to serve {@code request} with now: a route table, or an answer instead of routing. May
   * wait (while the host is swapping tables); an interrupted wait is answered with a 503.
   */
  Serving serving(Request request) throws InterruptedException;

  /**
   * Every response the app sends, as the last change before its ETag, gzip and HEAD handling:
   * returns it as it is, or changed.
   */
  Response filter(Request request, Response response);

  /**
   * Folders whose files the app serves at {@code /} instead of the build's {@code public/} index,
   * read from disk on every request (an edited or a new file shows at once); asked once, when the
   * app is created. The same rules hold as for the index: only regular files found by listing the
   * folders, no symbolic links. Empty (the default) keeps the build's index.
   */
  default List<Path> publicFolders() {
    return List.of();
  }

  /** The app closed: release what this app holds (open streams). */
  @Override
  void close();
}
