package dev.next4j.runtime.host;

import dev.next4j.runtime.Response;
import dev.next4j.runtime.RouteTable;
import java.util.Objects;

/** What a {@link HostedApp} serves a request with: a route table, or an answer of its own. */
public sealed interface Serving {
  /** Route the request through {@code table}, as if the app had been made with it. */
  record Table(RouteTable table) implements Serving {
    public Table {
      Objects.requireNonNull(table, "table");
    }
  }

  /**
   * Answer with {@code response}, without routing (its headers, ETag and gzip are still finished
   * as for any response). When the app is {@code quiet}, the built-in page for the response's
   * status is sent instead, as the host's answer may carry server details.
   */
  record Answer(Response response) implements Serving {
    public Answer {
      Objects.requireNonNull(response, "response");
    }
  }
}
