package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link Stack} stub's whole contract against a real master. */
class StackTest {
  @RegisterExtension static final LocalMaster master = new LocalMaster();
  private static RpcClient client;

  private Stack stack;
  private String name;

  @BeforeAll
  static void connect() {
    client = RpcClient.connect(master.url());
  }

  @BeforeEach
  void createStack(TestInfo test) {
    name = test.getTestMethod().orElseThrow().getName();
    stack = client.stack().createStack(name);
  }

  @Test
  void createStackIsIdempotentAndListsTheStack() {
    stack.push("kept");

    Stack again = client.stack().createStack(name);

    assertThat(again.getName()).isEqualTo(name);
    assertThat(again.getSize()).isEqualTo(1);
    assertThat(client.stack().hasStack(name)).isTrue();
    assertThat(client.stack().hasStack(name + "-missing")).isFalse();
    assertThat(client.stack().getAllNames()).contains(name);
  }

  @Test
  void pushReturnsTheNewSizeAndPopIsLastInFirstOut() {
    assertThat(stack.push("a")).isEqualTo(1);
    assertThat(stack.push("b")).isEqualTo(2);

    assertThat(stack.pop()).isEqualTo("b");
    assertThat(stack.pop()).isEqualTo("a");
  }

  @Test
  void pushAllPutsTheLastItemOnTop() {
    assertThat(stack.pushAll(List.of(1, 2, 3))).isEqualTo(3);

    assertThat(stack.pop()).isEqualTo(3);
    assertThat(stack.peek()).isEqualTo(2);
  }

  @Test
  void popOnEmptyStackRaisesStackIndexError() {
    assertThatThrownBy(() -> stack.pop())
        .isExactlyInstanceOf(StackIndexError.class)
        .hasMessage("StackIndexError: stack '" + name + "' is empty");
    assertThatThrownBy(() -> stack.peek()).isExactlyInstanceOf(StackIndexError.class);
  }

  @Test
  void popWithTimeoutGetsAnItemPushedWhileItWaits() throws Exception {
    CompletableFuture<Object> popped =
        CompletableFuture.supplyAsync(() -> stack.pop(Duration.ofSeconds(30)));

    client.stack().createStack(name).push("late");

    assertThat(popped.get(20, TimeUnit.SECONDS)).isEqualTo("late");
  }

  @Test
  void popWithTimeoutExtendsTheDeadlineByTheWait() {
    Stack impatient = stack.withTimeout(Duration.ofMillis(500));

    assertThatThrownBy(() -> impatient.pop(Duration.ofSeconds(1)))
        .isExactlyInstanceOf(StackIndexError.class)
        .hasMessage("StackIndexError: stack '" + name + "' is empty");
    assertThat(impatient.timeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void sizeEmptinessAndTruncate() {
    assertThat(stack.isEmpty()).isTrue();
    stack.pushAll(List.of("x", "y"));

    assertThat(stack.getSize()).isEqualTo(2);
    assertThat(stack.isEmpty()).isFalse();
    assertThat(stack.truncate()).isEqualTo(2);
    assertThat(stack.isEmpty()).isTrue();
  }

  @Test
  void callsOnARemovedStackRaiseStackNotFoundError() {
    assertThat(stack.remove()).isTrue();

    assertThatThrownBy(() -> stack.push(1))
        .isExactlyInstanceOf(StackNotFoundError.class)
        .hasMessage("StackNotFoundError: no stack named '" + name + "'");
    assertThatThrownBy(() -> stack.getSize()).isExactlyInstanceOf(StackNotFoundError.class);
    assertThat(client.stack().hasStack(name)).isFalse();
  }

  @Test
  void reservedItemIsHiddenUntilAcknowledged() {
    stack.push("job");

    Reservation reservation = stack.reserve(Duration.ofMinutes(5));

    assertThat(reservation.data()).isEqualTo("job");
    assertThat(reservation.stack()).isEqualTo(stack);
    assertThat(stack.isEmpty()).isTrue();
    assertThat(reservation.ack()).isTrue();
    assertThat(reservation.ack()).isFalse();
    assertThat(reservation.release()).isFalse();
  }

  @Test
  void releasedItemGoesBackOnTop() {
    stack.push("job");
    Reservation reservation = stack.reserve(Duration.ofMinutes(5));

    assertThat(reservation.release()).isTrue();

    assertThat(stack.pop()).isEqualTo("job");
  }

  @Test
  void itemComesBackWhenItsLeaseRunsOut() {
    stack.push("job");
    Reservation first = stack.reserve(Duration.ofMillis(200));

    Reservation second = stack.reserve(Duration.ofMinutes(5), Duration.ofSeconds(20));

    assertThat(second.data()).isEqualTo("job");
    assertThat(second.ticket()).isNotEqualTo(first.ticket());
    assertThat(first.ack()).isFalse();
    assertThat(second.ack()).isTrue();
  }

  @Test
  void reserveOnEmptyStackRaisesStackIndexError() {
    assertThatThrownBy(() -> stack.reserve(Duration.ofMinutes(1)))
        .isExactlyInstanceOf(StackIndexError.class);
    assertThatThrownBy(() -> stack.reserve(Duration.ofMinutes(1), Duration.ofMillis(100)))
        .isExactlyInstanceOf(StackIndexError.class);
  }

  @Test
  void rejectNegativeWaitAndNonPositiveLeaseBeforeCalling() {
    assertThatThrownBy(() -> stack.pop(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout: PT-1S (expected: >= 0)");
    assertThatThrownBy(() -> stack.reserve(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lease: PT0S (expected: > 0)");
  }
}
