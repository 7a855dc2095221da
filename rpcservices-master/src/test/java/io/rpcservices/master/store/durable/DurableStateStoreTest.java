package io.rpcservices.master.store.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.service.stack.StackService;
import io.rpcservices.master.store.ClientMessage;
import io.rpcservices.master.store.ClientRecord;
import io.rpcservices.master.store.ClientStore;
import io.rpcservices.master.store.ParameterStore;
import io.rpcservices.master.store.Reservation;
import io.rpcservices.master.store.StackStore;
import io.rpcservices.master.store.StoredValue;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of mutation is still there after the store is closed and opened again. */
class DurableStateStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path directory;
  private DurableStateStore store;

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void describesEngineSyncModeAndAbsoluteDirectory() {
    store = DurableStateStore.open(directory);
    assertThat(store.description())
        .isEqualTo("durable (rocksdb, sync=process) at " + directory.toAbsolutePath());
    store.close();
    store = DurableStateStore.open(directory, SyncMode.FSYNC);
    assertThat(store.description())
        .isEqualTo("durable (rocksdb, sync=fsync) at " + directory.toAbsolutePath());
  }

  @Test
  void stackPushesPopsAndTruncatesSurviveReopen() {
    store = DurableStateStore.open(directory);
    StackStore stacks = store.stacks();
    stacks.create("jobs");
    stacks.create("empty");
    stacks.create("gone");
    stacks.push("gone", "x");
    stacks.push("jobs", "a");
    stacks.pushAll("jobs", List.of("b", "c", "d"));
    assertThat(stacks.pop("jobs")).isEqualTo(new StoredValue("d"));
    stacks.push("jobs", "e");
    stacks.create("cut");
    stacks.pushAll("cut", List.of(1, 2, 3));
    assertThat(stacks.truncate("cut")).isEqualTo(3);
    stacks.push("cut", 4);
    assertThat(stacks.remove("gone")).isTrue();

    reopen();
    stacks = store.stacks();
    assertThat(stacks.names()).containsExactly("cut", "empty", "jobs");
    assertThat(stacks.size("jobs")).isEqualTo(4);
    assertThat(popAll(stacks, "jobs")).containsExactly("e", "c", "b", "a");
    assertThat(popAll(stacks, "cut")).containsExactly(4);
    assertThat(stacks.size("empty")).isZero();
    assertThat(stacks.create("gone")).isTrue();
    assertThat(stacks.size("gone")).isZero();
  }

  @Test
  void reservationsAcksAndReleasesSurviveReopenWithTheirDeadlines() {
    store = DurableStateStore.open(directory);
    StackStore stacks = store.stacks();
    stacks.create("s");
    stacks.pushAll("s", List.of("a", "b", "c", "d"));
    Reservation acked = stacks.reserve("s", "t1", NOW.plusSeconds(1));
    Reservation released = stacks.reserve("s", "t2", NOW.plusSeconds(2));
    Reservation kept = stacks.reserve("s", "t3", NOW.plusSeconds(3));
    stacks.hold("s", new Reservation("t4", "handed", NOW.plusSeconds(4)));
    assertThat(stacks.ack("s", acked.ticket())).isTrue();
    assertThat(stacks.release("s", released.ticket())).isTrue();

    reopen();
    stacks = store.stacks();
    assertThat(stacks.reservations("s"))
        .containsExactly(
            new Reservation("t3", "b", NOW.plusSeconds(3)),
            new Reservation("t4", "handed", NOW.plusSeconds(4)));
    assertThat(kept.value()).isEqualTo("b");
    assertThat(popAll(stacks, "s")).containsExactly("c", "a");
    assertThat(stacks.release("s", "t3")).isTrue();
    assertThat(stacks.ack("s", "t4")).isTrue();

    reopen();
    assertThat(store.stacks().reservations("s")).isEmpty();
    assertThat(popAll(store.stacks(), "s")).containsExactly("b");
  }

  @Test
  void storageWritesSurviveReopenInFirstSetOrder() {
    store = DurableStateStore.open(directory);
    ParameterStore parameters = store.parameters();
    parameters.create("config");
    parameters.set("config", "zeta", 1);
    parameters.set("config", "alpha", 2);
    Map<String, Object> more = new LinkedHashMap<>();
    more.put("mid", "m");
    more.put("zeta", 10);
    more.put("beta", null);
    parameters.setAll("config", more);
    assertThat(parameters.setIfAbsent("config", "absent", 3L)).isTrue();
    assertThat(parameters.setIfAbsent("config", "absent", 4L)).isFalse();
    assertThat(parameters.compareAndSet("config", "alpha", 2L, 20)).isTrue();
    assertThat(parameters.compareAndSet("config", "alpha", 2, 30)).isFalse();
    assertThat(parameters.removeParameter("config", "mid")).isTrue();
    parameters.set("config", "mid", "again");
    parameters.create("gone");
    parameters.set("gone", "x", 1);
    assertThat(parameters.remove("gone")).isTrue();

    reopen();
    parameters = store.parameters();
    assertThat(parameters.names()).containsExactly("config");
    assertThat(parameters.getAll("config"))
        .containsExactly(
            Map.entry("zeta", 10),
            Map.entry("alpha", 20),
            new AbstractMap.SimpleEntry<>("beta", null),
            Map.entry("absent", 3L),
            Map.entry("mid", "again"));
    assertThat(parameters.get("config", "beta")).isEqualTo(new StoredValue(null));
  }

  @Test
  void loginsVisitsAndMessagesSurviveReopen() {
    store = DurableStateStore.open(directory);
    ClientStore clients = store.clients();
    clients.login("crawler", "10.0.0.1", Map.of("role", "crawler"), NOW);
    clients.send("crawler", new ClientMessage("boss", "first", NOW.plusSeconds(1)));
    assertThat(clients.visit("crawler", "busy", NOW.plusSeconds(2)))
        .containsExactly(new ClientMessage("boss", "first", NOW.plusSeconds(1)));
    clients.send("crawler", new ClientMessage(null, List.of(1, 2L), NOW.plusSeconds(3)));
    clients.touch("crawler", NOW.plusSeconds(4));
    clients.login("quitter", "10.0.0.2", Map.of(), NOW);
    clients.send("quitter", new ClientMessage(null, "lost", NOW));
    assertThat(clients.logout("quitter")).isTrue();
    clients.login("idle", "10.0.0.3", Map.of(), NOW);
    assertThat(clients.logoutIfIdle("idle", NOW.plusSeconds(1))).isTrue();
    clients.login("again", "10.0.0.4", Map.of(), NOW);
    clients.send("again", new ClientMessage("x", "kept", NOW.plusSeconds(1)));
    clients.login("again", "10.0.0.5", Map.of("n", 2), NOW.plusSeconds(5));

    reopen();
    clients = store.clients();
    assertThat(clients.names()).containsExactly("again", "crawler");
    assertThat(clients.get("crawler"))
        .isEqualTo(
            new ClientRecord(
                "crawler",
                "10.0.0.1",
                Map.of("role", "crawler"),
                NOW,
                NOW.plusSeconds(4),
                "busy",
                1,
                1));
    assertThat(clients.get("again"))
        .isEqualTo(
            new ClientRecord(
                "again",
                "10.0.0.5",
                Map.of("n", 2),
                NOW.plusSeconds(5),
                NOW.plusSeconds(5),
                "login",
                0,
                1));
    assertThat(clients.visit("again", "idle", NOW.plusSeconds(6)))
        .containsExactly(new ClientMessage("x", "kept", NOW.plusSeconds(1)));
    clients.login("quitter", "10.0.0.2", Map.of(), NOW);
    assertThat(clients.visit("quitter", "idle", NOW)).isEmpty();

    reopen();
    assertThat(store.clients().visit("again", "idle", NOW.plusSeconds(7))).isEmpty();
    assertThat(store.clients().visit("crawler", "idle", NOW.plusSeconds(7)))
        .containsExactly(new ClientMessage(null, List.of(1, 2L), NOW.plusSeconds(3)));
  }

  @Test
  void everyValueTypeReadsBackExactly() {
    Map<String, Object> struct = new LinkedHashMap<>();
    struct.put("z", 1);
    struct.put("a", List.of(2L, "two"));
    struct.put("nil", null);
    List<Object> values =
        Arrays.asList(
            5,
            5L,
            Long.MAX_VALUE,
            true,
            false,
            "text ü \uD83D\uDE00",
            "unpaired \uD800 surrogate",
            -0.0,
            Double.NaN,
            1.5e300,
            LocalDateTime.of(2026, 11, 23, 10, 0, 1, 123_456_789),
            new byte[] {0, 1, (byte) 0xFF},
            struct,
            List.of(),
            null);
    store = DurableStateStore.open(directory);
    store.stacks().create("values");
    store.stacks().pushAll("values", values);

    reopen();
    List<Object> read = new ArrayList<>();
    StoredValue item;
    while ((item = store.stacks().pop("values")) != null) {
      read.add(0, item.value());
    }
    assertThat(read).hasSameSizeAs(values);
    for (int i = 0; i < values.size(); i++) {
      Object expected = values.get(i);
      Object actual = read.get(i);
      if (expected == null) {
        assertThat(actual).isNull();
      } else {
        Class<?> type =
            expected instanceof Map
                ? Map.class
                : expected instanceof List ? List.class : expected.getClass();
        assertThat(actual).isInstanceOf(type).isEqualTo(expected);
      }
    }
    assertThat(new ArrayList<Object>(((Map<?, ?>) read.get(12)).keySet()))
        .containsExactly("z", "a", "nil");
  }

  @Test
  void namesWithAnyCharactersSurviveReopen() {
    store = DurableStateStore.open(directory);
    List<String> names = List.of("", "a\u0000b", "\uD800", "ü", "x".repeat(1000));
    for (String name : names) {
      store.stacks().create(name);
      store.stacks().push(name, name);
      store.parameters().create(name);
      store.parameters().set(name, name, name);
    }

    reopen();
    for (String name : names) {
      assertThat(store.stacks().peek(name)).isEqualTo(new StoredValue(name));
      assertThat(store.parameters().get(name, name)).isEqualTo(new StoredValue(name));
    }
  }

  @Test
  void fsyncModeCompletesDurableAfterWrites() throws Exception {
    store = DurableStateStore.open(directory, SyncMode.FSYNC);
    store.stacks().create("s");
    store.stacks().push("s", 1);
    store.durable().get(10, TimeUnit.SECONDS);
    assertThat(store.durable()).isCompleted();

    reopen();
    assertThat(store.stacks().peek("s")).isEqualTo(new StoredValue(1));
  }

  @Test
  void reservationsComeBackOnTheStackAfterTheirLeaseOnceReopened() throws Exception {
    store = DurableStateStore.open(directory);
    store.stacks().create("jobs");
    store.stacks().pushAll("jobs", List.of("expired while down", "still leased"));
    store.stacks().reserve("jobs", "running", Instant.now().plusMillis(500));
    store.stacks().reserve("jobs", "expired", Instant.now().minusSeconds(1));

    reopen();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      StackService stack = new StackService(store.stacks(), scheduler);
      List<Object> back = new ArrayList<>();
      back.add(stack.pop("jobs", 30).get(30, TimeUnit.SECONDS));
      back.add(stack.pop("jobs", 30).get(30, TimeUnit.SECONDS));
      assertThat(back).containsExactly("expired while down", "still leased");
      assertThat(store.stacks().reservations("jobs")).isEmpty();
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void concurrentCallersInFsyncModeAllBecomeDurable() throws Exception {
    store = DurableStateStore.open(directory, SyncMode.FSYNC);
    store.stacks().create("s");
    int threads = 16;
    int pushes = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < pushes; i++) {
                    store.stacks().push("s", thread * pushes + i);
                    store.durable().join();
                  }
                }));
      }
      for (Future<?> each : done) {
        each.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    reopen();
    assertThat(popAll(store.stacks(), "s")).hasSize(threads * pushes).doesNotHaveDuplicates();
  }

  private void reopen() {
    SyncMode mode = store.description().contains("sync=fsync") ? SyncMode.FSYNC : SyncMode.PROCESS;
    store.close();
    store = null;
    store = DurableStateStore.open(directory, mode);
  }

  private static List<Object> popAll(StackStore stacks, String name) {
    List<Object> popped = new ArrayList<>();
    StoredValue item;
    while ((item = stacks.pop(name)) != null) {
      popped.add(item.value());
    }
    return popped;
  }
}
