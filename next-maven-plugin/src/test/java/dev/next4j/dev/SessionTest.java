package dev.next4j.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.next4j.runtime.RouteTable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SessionTest {
  final Session session = new Session();
  final DevState ready = new DevState.Ready(RouteTable.empty());

  @Test
  void aRequestDuringAReloadWaitsForItsResult() throws Exception {
    CompletableFuture<DevState> request = CompletableFuture.supplyAsync(this::current);
    Thread.sleep(100);
    assertThat(request).isNotDone();

    session.publish(ready);

    assertThat(request.get(5, TimeUnit.SECONDS)).isSameAs(ready);
  }

  @Test
  void aRequestBetweenReloadsIsAnsweredAtOnce() throws Exception {
    session.publish(ready);

    assertThat(CompletableFuture.supplyAsync(this::current).get(1, TimeUnit.SECONDS)).isSameAs(ready);
  }

  @Test
  void aReloadThatChangedNothingReleasesRequestsWithTheOldStateAndTellsNoOne() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    session.onChange(() -> heard.add("change"));
    session.publish(ready);
    session.reloading();
    CompletableFuture<DevState> request = CompletableFuture.supplyAsync(this::current);

    session.unchanged();

    assertThat(request.get(5, TimeUnit.SECONDS)).isSameAs(ready);
    assertThat(heard).containsExactly("change");
  }

  @Test
  void listenersHearEveryPublishedStateUntilTheyUnsubscribe() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    AutoCloseable first = session.onChange(() -> heard.add("first"));
    session.onChange(() -> {
      throw new IllegalStateException("a closed tab");
    });
    session.onChange(() -> heard.add("third"));

    session.publish(ready);
    first.close();
    session.publish(new DevState.Broken(new DevProblem("Compile error", "A.java", 1, "x", "")));

    assertThat(heard).containsExactly("first", "third", "third");
  }

  private DevState current() {
    try {
      return session.current();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
