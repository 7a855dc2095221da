package io.rpcservices.master.service.stack;

import static io.rpcservices.master.service.FaultAssertions.assertFails;
import static io.rpcservices.master.service.FaultAssertions.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.store.InMemoryStateStore;
import io.rpcservices.protocol.FaultCode;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StackServiceTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final StackService stack = new StackService(new InMemoryStateStore().stacks(), scheduler);

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  @Test
  void createReturnsTheNameAndIsIdempotent() {
    assertThat(stack.create("in")).isEqualTo("in");
    stack.push("in", "kept");
    assertThat(stack.create("in")).isEqualTo("in");
    assertThat(stack.getSize("in")).isEqualTo(1);
  }

  @Test
  void pushReturnsTheNewSizeAndPopTakesTheLastPushed() {
    stack.create("in");
    assertThat(stack.push("in", "a")).isEqualTo(1);
    assertThat(stack.push("in", "b")).isEqualTo(2);
    assertThat(stack.pop("in")).isEqualTo("b");
    assertThat(stack.pop("in")).isEqualTo("a");
  }

  @Test
  void pushAllPutsTheLastElementOnTop() {
    stack.create("in");
    stack.push("in", "first");
    assertThat(stack.pushAll("in", List.of("a", "b", "c"))).isEqualTo(4);
    assertThat(stack.pop("in")).isEqualTo("c");
    assertThat(stack.pop("in")).isEqualTo("b");
    assertThat(stack.pop("in")).isEqualTo("a");
    assertThat(stack.pop("in")).isEqualTo("first");
  }

  @Test
  void pushAllOfNothingReturnsTheSize() {
    stack.create("in");
    stack.push("in", "a");
    assertThat(stack.pushAll("in", List.of())).isEqualTo(1);
  }

  @Test
  void keepsValuesOfEveryType() {
    stack.create("in");
    byte[] bytes = {1, 2, 3};
    Map<String, Object> struct = Map.of("k", List.of(1, 2L));
    LocalDateTime time = LocalDateTime.of(2026, 11, 23, 10, 0);
    stack.pushAll("in", Arrays.asList(null, bytes, struct, time, 1.5, true, 7L));
    assertThat(stack.pop("in")).isEqualTo(7L);
    assertThat(stack.pop("in")).isEqualTo(true);
    assertThat(stack.pop("in")).isEqualTo(1.5);
    assertThat(stack.pop("in")).isEqualTo(time);
    assertThat(stack.pop("in")).isEqualTo(struct);
    assertThat(stack.pop("in")).isEqualTo(bytes);
    assertThat(stack.pop("in")).isNull();
  }

  @Test
  void popOfAnEmptyStackFaults100() {
    stack.create("in");
    assertFault(
        () -> stack.pop("in"), FaultCode.STACK_INDEX_ERROR, "StackIndexError: stack 'in' is empty");
  }

  @Test
  void popWithZeroTimeoutFaults100AtOnce() {
    stack.create("in");
    assertFault(
        () -> stack.pop("in", 0),
        FaultCode.STACK_INDEX_ERROR,
        "StackIndexError: stack 'in' is empty");
  }

  @Test
  void popWithTimeoutTakesAnItemAtOnce() {
    stack.create("in");
    stack.push("in", "a");
    assertThat(stack.pop("in", 30)).isCompletedWithValue("a");
  }

  @Test
  void peekReturnsTheTopWithoutRemovingIt() {
    stack.create("in");
    stack.pushAll("in", List.of("a", "b"));
    assertThat(stack.peek("in")).isEqualTo("b");
    assertThat(stack.getSize("in")).isEqualTo(2);
  }

  @Test
  void peekOfAnEmptyStackFaults100() {
    stack.create("in");
    assertFault(
        () -> stack.peek("in"),
        FaultCode.STACK_INDEX_ERROR,
        "StackIndexError: stack 'in' is empty");
  }

  @Test
  void getSizeAndIsEmptyCountTheItems() {
    stack.create("in");
    assertThat(stack.getSize("in")).isZero();
    assertThat(stack.isEmpty("in")).isTrue();
    stack.push("in", "a");
    assertThat(stack.getSize("in")).isEqualTo(1);
    assertThat(stack.isEmpty("in")).isFalse();
  }

  @Test
  void truncateRemovesEveryItemAndCountsThem() {
    stack.create("in");
    stack.pushAll("in", List.of(1, 2, 3));
    assertThat(stack.truncate("in")).isEqualTo(3);
    assertThat(stack.isEmpty("in")).isTrue();
    assertThat(stack.truncate("in")).isZero();
  }

  @Test
  void removeDeletesTheStack() {
    stack.create("in");
    stack.push("in", "a");
    assertThat(stack.remove("in")).isTrue();
    assertThat(stack.hasStack("in")).isFalse();
    stack.create("in");
    assertThat(stack.isEmpty("in")).isTrue();
  }

  @Test
  void hasStackAndGetAllNamesListTheStacks() {
    assertThat(stack.hasStack("b")).isFalse();
    assertThat(stack.getAllNames()).isEmpty();
    stack.create("b");
    stack.create("a");
    assertThat(stack.hasStack("b")).isTrue();
    assertThat(stack.getAllNames()).containsExactly("a", "b");
  }

  @Test
  void everyCallOnAnUnknownStackFaults101() {
    List<ThrowingCallable> calls =
        List.of(
            () -> stack.push("nope", 1),
            () -> stack.pushAll("nope", List.of(1)),
            () -> stack.pop("nope"),
            () -> stack.pop("nope", 5),
            () -> stack.peek("nope"),
            () -> stack.getSize("nope"),
            () -> stack.isEmpty("nope"),
            () -> stack.truncate("nope"),
            () -> stack.remove("nope"),
            () -> stack.reserve("nope", 10),
            () -> stack.reserve("nope", 10, 5),
            () -> stack.ack("nope", "ticket"),
            () -> stack.release("nope", "ticket"));
    for (ThrowingCallable call : calls) {
      assertFault(
          call, FaultCode.STACK_NOT_FOUND_ERROR, "StackNotFoundError: no stack named 'nope'");
    }
    assertThat(stack.getAllNames()).isEmpty();
  }

  @Test
  void rejectsNegativeTimeouts() {
    stack.create("in");
    assertFault(
        () -> stack.pop("in", -1),
        FaultCode.INVALID_PARAMS,
        "InvalidParams: timeoutSeconds: -1 (expected: >= 0)");
    assertFault(
        () -> stack.pop("in", -0.5),
        FaultCode.INVALID_PARAMS,
        "InvalidParams: timeoutSeconds: -0.5 (expected: >= 0)");
    assertFault(
        () -> stack.pop("in", Double.NaN),
        FaultCode.INVALID_PARAMS,
        "InvalidParams: timeoutSeconds: NaN (expected: >= 0)");
    assertFault(
        () -> stack.reserve("in", 10, -2),
        FaultCode.INVALID_PARAMS,
        "InvalidParams: timeoutSeconds: -2 (expected: >= 0)");
  }

  @Test
  void rejectsLeasesThatAreNotPositiveOrTooLong() {
    stack.create("in");
    assertFault(
        () -> stack.reserve("in", -1),
        FaultCode.INVALID_PARAMS,
        "InvalidParams: leaseSeconds: -1 (expected: > 0)");
    assertFault(
        () -> stack.reserve("in", 0, 5),
        FaultCode.INVALID_PARAMS,
        "InvalidParams: leaseSeconds: 0 (expected: > 0)");
    assertFault(
        () -> stack.reserve("in", 100000),
        FaultCode.INVALID_PARAMS,
        "InvalidParams: leaseSeconds: 100000 (expected: <= 86400)");
  }

  @Test
  void reserveOfAnEmptyStackFaults100() {
    stack.create("in");
    assertFault(
        () -> stack.reserve("in", 10),
        FaultCode.STACK_INDEX_ERROR,
        "StackIndexError: stack 'in' is empty");
  }

  @Test
  void reserveHidesTheItemUntilAcknowledged() {
    stack.create("in");
    stack.pushAll("in", List.of("a", "b"));
    Map<String, Object> reserved = stack.reserve("in", 60);
    assertThat(reserved).containsOnlyKeys("ticket", "data").containsEntry("data", "b");
    assertThat(stack.getSize("in")).isEqualTo(1);
    assertThat(stack.peek("in")).isEqualTo("a");
    String ticket = (String) reserved.get("ticket");
    assertThat(stack.ack("in", ticket)).isTrue();
    assertThat(stack.ack("in", ticket)).isFalse();
    assertThat(stack.release("in", ticket)).isFalse();
    assertThat(stack.getSize("in")).isEqualTo(1);
  }

  @Test
  void releasePutsTheItemBackOnTop() {
    stack.create("in");
    stack.pushAll("in", List.of("a", "b"));
    String ticket = (String) stack.reserve("in", 60).get("ticket");
    stack.push("in", "c");
    assertThat(stack.release("in", ticket)).isTrue();
    assertThat(stack.release("in", ticket)).isFalse();
    assertThat(stack.ack("in", ticket)).isFalse();
    assertThat(stack.pop("in")).isEqualTo("b");
    assertThat(stack.pop("in")).isEqualTo("c");
  }

  @Test
  void ticketsAreUnique() {
    stack.create("in");
    stack.pushAll("in", List.of("a", "b"));
    assertThat(stack.reserve("in", 60).get("ticket"))
        .isNotEqualTo(stack.reserve("in", 60).get("ticket"));
  }

  @Test
  void truncateKeepsReservations() {
    stack.create("in");
    stack.pushAll("in", List.of("a", "b"));
    String ticket = (String) stack.reserve("in", 60).get("ticket");
    assertThat(stack.truncate("in")).isEqualTo(1);
    assertThat(stack.release("in", ticket)).isTrue();
    assertThat(stack.pop("in")).isEqualTo("b");
  }

  @Test
  void removeDropsReservations() {
    stack.create("in");
    stack.push("in", "a");
    String ticket = (String) stack.reserve("in", 60).get("ticket");
    stack.remove("in");
    stack.create("in");
    assertThat(stack.ack("in", ticket)).isFalse();
    assertThat(stack.release("in", ticket)).isFalse();
    assertThat(stack.isEmpty("in")).isTrue();
  }

  @Test
  void reserveWithTimeoutTakesAnItemAtOnce() {
    stack.create("in");
    stack.push("in", "a");
    assertThat(stack.reserve("in", 60, 30).join()).containsEntry("data", "a");
  }

  @Test
  void reserveWithTimeoutFaults100WhenNothingCame() {
    stack.create("in");
    assertFails(
        stack.reserve("in", 60, 0.05),
        FaultCode.STACK_INDEX_ERROR,
        "StackIndexError: stack 'in' is empty");
  }
}
