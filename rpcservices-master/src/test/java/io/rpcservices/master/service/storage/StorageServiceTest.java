package io.rpcservices.master.service.storage;

import static io.rpcservices.master.service.FaultAssertions.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.store.InMemoryStateStore;
import io.rpcservices.protocol.FaultCode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class StorageServiceTest {
  private final StorageService storage = new StorageService(new InMemoryStateStore().parameters());

  @Test
  void createReturnsTheNameAndIsIdempotent() {
    assertThat(storage.create("s")).isEqualTo("s");
    storage.setParameter("s", "p", 1);
    assertThat(storage.create("s")).isEqualTo("s");
    assertThat(storage.getParameter("s", "p")).isEqualTo(1);
  }

  @Test
  void hasStorageAndGetAllNamesListTheStorages() {
    assertThat(storage.hasStorage("b")).isFalse();
    storage.create("b");
    storage.create("a");
    assertThat(storage.hasStorage("b")).isTrue();
    assertThat(storage.getAllNames()).containsExactly("a", "b");
  }

  @Test
  void removeDeletesTheStorageWithItsParameters() {
    storage.create("s");
    storage.setParameter("s", "p", 1);
    assertThat(storage.remove("s")).isTrue();
    assertThat(storage.hasStorage("s")).isFalse();
    storage.create("s");
    assertThat(storage.getAllParameters("s")).isEmpty();
  }

  @Test
  void keepsValuesOfEveryType() {
    storage.create("s");
    byte[] bytes = {1, 2};
    LocalDateTime time = LocalDateTime.of(2026, 11, 23, 10, 0);
    Map<String, Object> struct = Map.of("list", List.of(1, "two"));
    storage.setParameter("s", "bytes", bytes);
    storage.setParameter("s", "time", time);
    storage.setParameter("s", "struct", struct);
    storage.setParameter("s", "nil", null);
    assertThat(storage.getParameter("s", "bytes")).isEqualTo(bytes);
    assertThat(storage.getParameter("s", "time")).isEqualTo(time);
    assertThat(storage.getParameter("s", "struct")).isEqualTo(struct);
    assertThat(storage.getParameter("s", "nil")).isNull();
    assertThat(storage.getParameter("s", "nil", "default")).isNull();
  }

  @Test
  void setParameterReplacesTheValue() {
    storage.create("s");
    assertThat(storage.setParameter("s", "p", 1)).isTrue();
    assertThat(storage.setParameter("s", "p", "two")).isTrue();
    assertThat(storage.getParameter("s", "p")).isEqualTo("two");
  }

  @Test
  void getParameterOfAnUnsetParameterFaults200() {
    storage.create("s");
    assertFault(
        () -> storage.getParameter("s", "p"),
        FaultCode.PARAMETER_NOT_FOUND_ERROR,
        "ParameterNotFoundError: no parameter 'p' in storage 's'");
  }

  @Test
  void getParameterWithDefaultAnswersTheDefaultWhenUnset() {
    storage.create("s");
    assertThat(storage.getParameter("s", "p", 42)).isEqualTo(42);
    storage.setParameter("s", "p", 1);
    assertThat(storage.getParameter("s", "p", 42)).isEqualTo(1);
  }

  @Test
  void hasParameterCountsNilAsSet() {
    storage.create("s");
    assertThat(storage.hasParameter("s", "p")).isFalse();
    storage.setParameter("s", "p", null);
    assertThat(storage.hasParameter("s", "p")).isTrue();
  }

  @Test
  void removeParameterAnswersWhetherItWasSet() {
    storage.create("s");
    storage.setParameter("s", "p", null);
    assertThat(storage.removeParameter("s", "p")).isTrue();
    assertThat(storage.removeParameter("s", "p")).isFalse();
    assertThat(storage.hasParameter("s", "p")).isFalse();
  }

  @Test
  void getAllParametersKeepsTheOrderOfFirstSetting() {
    storage.create("s");
    storage.setParameter("s", "b", 1);
    storage.setParameter("s", "a", 2);
    storage.setParameter("s", "b", 3);
    assertThat(storage.getAllParameters("s")).containsExactly(Map.entry("b", 3), Map.entry("a", 2));
  }

  @Test
  void setParametersSetsEveryMember() {
    storage.create("s");
    storage.setParameter("s", "a", 0);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("a", 1);
    values.put("b", null);
    assertThat(storage.setParameters("s", values)).isTrue();
    assertThat(storage.getAllParameters("s")).isEqualTo(values);
  }

  @Test
  void setParametersIsSeenAllOrNothing() throws Exception {
    storage.create("s");
    storage.setParameters("s", Map.of("a", 0, "b", 0));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer =
          threads.submit(
              () -> {
                for (int i = 1; i <= 20_000; i++) {
                  storage.setParameters("s", Map.of("a", i, "b", i));
                }
              });
      Future<Integer> reader =
          threads.submit(
              () -> {
                int torn = 0;
                while (!writer.isDone()) {
                  Map<String, Object> all = storage.getAllParameters("s");
                  if (!all.get("a").equals(all.get("b"))) {
                    torn++;
                  }
                }
                return torn;
              });
      writer.get(30, TimeUnit.SECONDS);
      assertThat(reader.get(30, TimeUnit.SECONDS)).isZero();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void setParameterIfAbsentSetsOnlyOnce() {
    storage.create("s");
    assertThat(storage.setParameterIfAbsent("s", "p", 1)).isTrue();
    assertThat(storage.setParameterIfAbsent("s", "p", 2)).isFalse();
    assertThat(storage.getParameter("s", "p")).isEqualTo(1);
    storage.setParameter("s", "nil", null);
    assertThat(storage.setParameterIfAbsent("s", "nil", 2)).isFalse();
  }

  @Test
  void incrementCountsAnUnsetParameterAsZero() {
    storage.create("s");
    assertThat(storage.increment("s", "n", 5)).isEqualTo(5L);
    assertThat(storage.increment("s", "n", -7)).isEqualTo(-2L);
    assertThat(storage.getParameter("s", "n")).isEqualTo(-2L);
  }

  @Test
  void incrementAddsToAnIntParameter() {
    storage.create("s");
    storage.setParameter("s", "n", 40);
    assertThat(storage.increment("s", "n", 2)).isEqualTo(42L);
  }

  @Test
  void incrementOfANonIntegerFaults() {
    storage.create("s");
    storage.setParameter("s", "text", "7");
    storage.setParameter("s", "real", 1.0);
    storage.setParameter("s", "nil", null);
    assertFault(
        () -> storage.increment("s", "text", 1),
        FaultCode.SERVICE_ERROR,
        "ServiceError: parameter 'text' in storage 's' holds a string, not an integer");
    assertFault(
        () -> storage.increment("s", "real", 1),
        FaultCode.SERVICE_ERROR,
        "ServiceError: parameter 'real' in storage 's' holds a double, not an integer");
    assertFault(
        () -> storage.increment("s", "nil", 1),
        FaultCode.SERVICE_ERROR,
        "ServiceError: parameter 'nil' in storage 's' holds nil, not an integer");
  }

  @Test
  void incrementThatOverflowsFaults() {
    storage.create("s");
    storage.setParameter("s", "n", Long.MAX_VALUE);
    assertFault(
        () -> storage.increment("s", "n", 1),
        FaultCode.SERVICE_ERROR,
        "ServiceError: parameter 'n' in storage 's' would overflow: 9223372036854775807 + 1");
    assertThat(storage.getParameter("s", "n")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void concurrentIncrementsAreAllCounted() throws Exception {
    storage.create("s");
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        tasks.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 10_000; i++) {
                    storage.increment("s", "n", 1);
                  }
                }));
      }
      for (Future<?> task : tasks) {
        task.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(storage.getParameter("s", "n")).isEqualTo(40_000L);
  }

  @Test
  void compareAndSetSwapsOnlyAnEqualValue() {
    storage.create("s");
    storage.setParameter("s", "p", "a");
    assertThat(storage.compareAndSet("s", "p", "b", "c")).isFalse();
    assertThat(storage.getParameter("s", "p")).isEqualTo("a");
    assertThat(storage.compareAndSet("s", "p", "a", "c")).isTrue();
    assertThat(storage.getParameter("s", "p")).isEqualTo("c");
  }

  @Test
  void compareAndSetTreatsIntAndI8OfTheSameNumberAsEqual() {
    storage.create("s");
    storage.setParameter("s", "p", 5);
    assertThat(storage.compareAndSet("s", "p", 5L, 6)).isTrue();
    assertThat(storage.compareAndSet("s", "p", 6.0, 7)).isFalse();
  }

  @Test
  void compareAndSetComparesBase64AndStructsByContent() {
    storage.create("s");
    storage.setParameter("s", "bytes", new byte[] {1, 2});
    assertThat(storage.compareAndSet("s", "bytes", new byte[] {1, 2}, "swapped")).isTrue();
    Map<String, Object> struct = new LinkedHashMap<>();
    struct.put("a", 1);
    struct.put("b", List.of(2L));
    storage.setParameter("s", "struct", struct);
    Map<String, Object> reordered = new LinkedHashMap<>();
    reordered.put("b", List.of(2));
    reordered.put("a", 1L);
    assertThat(storage.compareAndSet("s", "struct", reordered, "swapped")).isTrue();
  }

  @Test
  void compareAndSetWithNilExpectedMatchesUnsetAndNil() {
    storage.create("s");
    assertThat(storage.compareAndSet("s", "p", null, 1)).isTrue();
    assertThat(storage.compareAndSet("s", "p", null, 2)).isFalse();
    storage.setParameter("s", "nil", null);
    assertThat(storage.compareAndSet("s", "nil", null, 3)).isTrue();
    assertThat(storage.compareAndSet("s", "other", 1, 3)).isFalse();
    assertThat(storage.hasParameter("s", "other")).isFalse();
  }

  @Test
  void everyCallOnAnUnknownStorageFaults201() {
    List<ThrowingCallable> calls =
        List.of(
            () -> storage.remove("nope"),
            () -> storage.setParameter("nope", "p", 1),
            () -> storage.setParameters("nope", Map.of("p", 1)),
            () -> storage.getParameter("nope", "p"),
            () -> storage.getParameter("nope", "p", 1),
            () -> storage.hasParameter("nope", "p"),
            () -> storage.removeParameter("nope", "p"),
            () -> storage.getAllParameters("nope"),
            () -> storage.setParameterIfAbsent("nope", "p", 1),
            () -> storage.increment("nope", "p", 1),
            () -> storage.compareAndSet("nope", "p", 1, 2));
    for (ThrowingCallable call : calls) {
      assertFault(
          call, FaultCode.STORAGE_NOT_FOUND_ERROR, "StorageNotFoundError: no storage named 'nope'");
    }
    assertThat(storage.getAllNames()).isEmpty();
  }
}
