package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.next4j.runtime.HttpException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The lazy request body: its limit (413), the cross-request budget (503), and draining what is left. */
class BodyStreamTest {
  private static ByteArrayInputStream bytes(int count) {
    return new ByteArrayInputStream(new byte[count]);
  }

  @Test
  void bodyUpToTheLimitIsReadAndCountedUntilReleased() throws IOException {
    BodyBudget budget = new BodyBudget(100);
    BodyStream body = new BodyStream(bytes(10), 10, budget);

    assertThat(body.readAllBytes()).hasSize(10);
    assertThat(budget.used()).isEqualTo(10);
    body.release();
    assertThat(budget.used()).isZero();
  }

  @Test
  void bodyOverTheLimitIs413() {
    BodyStream body = new BodyStream(bytes(11), 10, new BodyBudget(100));

    assertThatThrownBy(body::readAllBytes)
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(413))
        .hasMessageContaining("over the limit of 10 bytes");
  }

  @Test
  void bodiesPastTheBudgetAre503AndTheBudgetFreesWhenTheyAreReleased() throws IOException {
    BodyBudget budget = new BodyBudget(15);
    BodyStream first = new BodyStream(bytes(10), 100, budget);
    BodyStream second = new BodyStream(bytes(10), 100, budget);

    assertThat(first.readAllBytes()).hasSize(10);
    assertThatThrownBy(second::readAllBytes)
        .isInstanceOf(BodyBudget.Exhausted.class)
        .hasMessageContaining("(15, NextOptions.bodyBufferBytes)");
    first.release();
    second.release();
    assertThat(budget.used()).isZero();
    assertThat(new BodyStream(bytes(10), 100, budget).readAllBytes()).hasSize(10);
  }

  @Test
  void drainReadsWhatIsLeftUpToItsMaximum() throws IOException {
    BodyBudget budget = new BodyBudget(100);
    BodyStream partly = new BodyStream(bytes(50), 100, budget);
    assertThat(partly.read(new byte[20], 0, 20)).isEqualTo(20);
    assertThat(partly.drain(30)).isTrue();
    assertThat(budget.used()).isEqualTo(20);

    assertThat(new BodyStream(bytes(50), 100, budget).drain(49)).isFalse();
    assertThat(new BodyStream(bytes(50), 100, budget).drain(50)).isTrue();
    assertThat(new BodyStream(bytes(0), 100, budget).drain(0)).isTrue();
  }

  @Test
  void budgetNeedsAByte() {
    assertThatThrownBy(() -> new BodyBudget(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
