package io.rpcservices.master.service.provider;

import static io.rpcservices.master.service.FaultAssertions.assertFails;
import static io.rpcservices.master.service.FaultAssertions.assertFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.master.CallContext;
import io.rpcservices.master.store.InMemoryStateStore;
import io.rpcservices.protocol.FaultCode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderServiceTest {
  private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
  private static final LocalDateTime START_UTC = LocalDateTime.of(2026, 11, 23, 10, 0);
  private static final CallContext CALL = new CallContext("10.0.0.7");

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final MutableClock clock = new MutableClock(START);
  private final ProviderService provider =
      new ProviderService(
          new InMemoryStateStore().clients(), Duration.ofMinutes(10), scheduler, clock);

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  @Test
  void loginRecordsTheClient() {
    assertThat(provider.login(CALL, "crawler")).isTrue();
    Map<String, Object> record = provider.getClient("crawler");
    assertThat(record)
        .containsExactly(
            Map.entry("name", "crawler"),
            Map.entry("host", "10.0.0.7"),
            Map.entry("pid", 0),
            Map.entry("address", "10.0.0.7"),
            Map.entry("loginTime", START_UTC),
            Map.entry("lastVisit", START_UTC),
            Map.entry("status", "login"),
            Map.entry("visits", 0),
            Map.entry("pendingMessages", 0),
            Map.entry("info", Map.of()));
  }

  @Test
  void loginKeepsTheInfoAndTakesHostAndPidFromIt() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("host", "box-1");
    info.put("pid", 4242);
    info.put("role", "crawler");
    provider.login(CALL, "crawler", info);
    Map<String, Object> record = provider.getClient("crawler");
    assertThat(record).containsEntry("host", "box-1").containsEntry("pid", 4242);
    assertThat(record).containsEntry("address", "10.0.0.7").containsEntry("info", info);
  }

  @Test
  void loginAgainStartsAFreshRecordAndKeepsPendingMessages() {
    provider.login(CALL, "crawler", Map.of("role", "old"));
    provider.visit("crawler", "busy");
    provider.sendMessage("crawler", "hello");
    clock.advance(Duration.ofMinutes(1));
    provider.login(new CallContext("10.0.0.8"), "crawler");
    Map<String, Object> record = provider.getClient("crawler");
    assertThat(record)
        .containsEntry("address", "10.0.0.8")
        .containsEntry("info", Map.of())
        .containsEntry("visits", 0)
        .containsEntry("status", "login")
        .containsEntry("pendingMessages", 1)
        .containsEntry("loginTime", START_UTC.plusMinutes(1));
  }

  @Test
  void visitRecordsTheStatusAndTakesTheMessages() {
    provider.login(CALL, "crawler");
    provider.sendMessage("crawler", "first", "boss");
    clock.advance(Duration.ofSeconds(5));
    provider.sendMessage("crawler", Map.of("url", "http://example.com/"));
    assertThat(provider.getClient("crawler")).containsEntry("pendingMessages", 2);
    clock.advance(Duration.ofSeconds(5));

    List<Object> messages = provider.visit("crawler", "busy");

    assertThat(messages)
        .containsExactly(
            message("boss", "first", START_UTC),
            message(null, Map.of("url", "http://example.com/"), START_UTC.plusSeconds(5)));
    assertThat(provider.getClient("crawler"))
        .containsEntry("status", "busy")
        .containsEntry("visits", 1)
        .containsEntry("pendingMessages", 0)
        .containsEntry("lastVisit", START_UTC.plusSeconds(10));
    assertThat(provider.visit("crawler", "idle")).isEmpty();
    assertThat(provider.getClient("crawler")).containsEntry("visits", 2);
  }

  @Test
  void messagesCanBeAnyValue() {
    provider.login(CALL, "crawler");
    byte[] bytes = {1, 2};
    for (Object message : Arrays.asList(null, bytes, 1.5, List.of(1, 2))) {
      provider.sendMessage("crawler", message);
    }
    assertThat(provider.visit("crawler", "busy"))
        .<Object>extracting(message -> ((Map<?, ?>) message).get("message"))
        .containsExactly(null, bytes, 1.5, List.of(1, 2));
  }

  @Test
  void waitingVisitIsAnsweredBySendMessage() {
    provider.login(CALL, "crawler");
    CompletableFuture<List<Object>> visit = provider.visit("crawler", "waiting", 30);
    assertThat(visit).isNotDone();
    assertThat(provider.getClient("crawler")).containsEntry("status", "waiting");
    assertThat(provider.sendMessage("crawler", "work", "boss")).isTrue();
    assertThat(visit)
        .succeedsWithin(Duration.ofSeconds(10))
        .isEqualTo(List.of(message("boss", "work", START_UTC)));
    assertThat(provider.getClient("crawler")).containsEntry("pendingMessages", 0);
  }

  @Test
  void waitingVisitAnswersPendingMessagesAtOnce() {
    provider.login(CALL, "crawler");
    provider.sendMessage("crawler", "work");
    assertThat(provider.visit("crawler", "waiting", 30).join())
        .containsExactly(message(null, "work", START_UTC));
  }

  @Test
  void waitingVisitAnswersNothingAfterItsWait() {
    provider.login(CALL, "crawler");
    assertThat(provider.visit("crawler", "waiting", 0.05))
        .succeedsWithin(Duration.ofSeconds(10))
        .isEqualTo(List.of());
  }

  @Test
  void cancelledVisitDoesNotTakeTheMessage() {
    provider.login(CALL, "crawler");
    provider.visit("crawler", "waiting", 30).cancel(false);
    provider.sendMessage("crawler", "work");
    assertThat(provider.getClient("crawler")).containsEntry("pendingMessages", 1);
    assertThat(provider.visit("crawler", "busy")).containsExactly(message(null, "work", START_UTC));
  }

  @Test
  void logoutFailsWaitingVisitsWith300() {
    provider.login(CALL, "crawler");
    CompletableFuture<List<Object>> visit = provider.visit("crawler", "waiting", 30);
    assertThat(provider.logout("crawler")).isTrue();
    assertFails(
        visit,
        FaultCode.CLIENT_NOT_FOUND_ERROR,
        "ClientNotFoundError: client 'crawler' is not logged in");
  }

  @Test
  void logoutDropsTheClientAndItsMessages() {
    provider.login(CALL, "crawler");
    provider.sendMessage("crawler", "work");
    provider.logout("crawler");
    assertThat(provider.hasClient("crawler")).isFalse();
    provider.login(CALL, "crawler");
    assertThat(provider.visit("crawler", "busy")).isEmpty();
  }

  @Test
  void broadcastSendsToEveryoneButTheSender() {
    provider.login(CALL, "a");
    provider.login(CALL, "b");
    provider.login(CALL, "c");
    assertThat(provider.broadcast("stop", "a")).isEqualTo(2);
    assertThat(provider.broadcast("all")).isEqualTo(3);
    assertThat(provider.broadcast("stranger", "nobody")).isEqualTo(3);
    assertThat(provider.visit("a", "idle")).hasSize(2);
    assertThat(provider.visit("b", "idle"))
        .containsExactly(
            message("a", "stop", START_UTC),
            message(null, "all", START_UTC),
            message("nobody", "stranger", START_UTC));
  }

  @Test
  void broadcastWithNobodyLoggedInReachesNobody() {
    assertThat(provider.broadcast("hello")).isZero();
  }

  @Test
  void listsTheClients() {
    provider.login(CALL, "b");
    provider.login(CALL, "a");
    assertThat(provider.getAllClientNames()).containsExactly("a", "b");
    assertThat(provider.getAllClients()).containsOnlyKeys("a", "b");
    assertThat(provider.getAllClients().get("b")).isEqualTo(provider.getClient("b"));
    assertThat(provider.hasClient("a")).isTrue();
    assertThat(provider.hasClient("c")).isFalse();
  }

  @Test
  void everyCallOnAClientNotLoggedInFaults300() {
    List<ThrowingCallable> calls =
        List.of(
            () -> provider.visit("nope", "idle"),
            () -> provider.visit("nope", "idle", 5),
            () -> provider.logout("nope"),
            () -> provider.sendMessage("nope", "hi"),
            () -> provider.sendMessage("nope", "hi", "me"),
            () -> provider.getClient("nope"));
    for (ThrowingCallable call : calls) {
      assertFault(
          call,
          FaultCode.CLIENT_NOT_FOUND_ERROR,
          "ClientNotFoundError: client 'nope' is not logged in");
    }
  }

  @Test
  void rejectsNegativeWaits() {
    provider.login(CALL, "crawler");
    assertFault(
        () -> provider.visit("crawler", "idle", -1),
        FaultCode.INVALID_PARAMS,
        "InvalidParams: waitSeconds: -1 (expected: >= 0)");
  }

  @Test
  void cleanUpLogsOutClientsIdleLongerThanTheTimeout() {
    provider.login(CALL, "idle");
    provider.login(CALL, "busy");
    clock.advance(Duration.ofMinutes(9));
    provider.visit("busy", "working");
    assertThat(provider.cleanUp()).isZero();
    clock.advance(Duration.ofMinutes(2));
    assertThat(provider.cleanUp()).isEqualTo(1);
    assertThat(provider.getAllClientNames()).containsExactly("busy");
  }

  @Test
  void cleanUpKeepsClientsWaitingInAVisit() {
    provider.login(CALL, "waiting");
    CompletableFuture<List<Object>> visit = provider.visit("waiting", "waiting", 3600);
    clock.advance(Duration.ofMinutes(20));
    assertThat(provider.cleanUp()).isZero();
    visit.cancel(false);
    assertThat(provider.cleanUp()).isEqualTo(1);
  }

  @Test
  void concurrentSendersAndWaitingVisitsLoseAndDuplicateNothing() throws Exception {
    provider.login(CALL, "worker");
    int senders = 4;
    int perSender = 2_000;
    ExecutorService threads = Executors.newFixedThreadPool(senders + 1);
    List<Object> received = new ArrayList<>();
    try {
      List<Future<?>> sending = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        int base = s * perSender;
        sending.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < perSender; i++) {
                    provider.sendMessage("worker", base + i);
                  }
                }));
      }
      Future<?> visiting =
          threads.submit(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!sending.stream().allMatch(Future::isDone)) {
                  CompletableFuture<List<Object>> visit = provider.visit("worker", "busy", 0.002);
                  if (random.nextInt(4) == 0 && visit.cancel(false)) {
                    continue;
                  }
                  received.addAll(visit.join());
                }
              });
      for (Future<?> task : sending) {
        task.get(60, TimeUnit.SECONDS);
      }
      visiting.get(60, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
    received.addAll(provider.visit("worker", "done"));
    assertThat(received)
        .extracting(message -> ((Map<?, ?>) message).get("message"))
        .hasSize(senders * perSender)
        .doesNotHaveDuplicates();
  }

  @Test
  void rejectsAClientTimeoutThatIsNotPositive() {
    assertThatThrownBy(
            () -> new ProviderService(new InMemoryStateStore().clients(), Duration.ZERO, scheduler))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientTimeout: PT0S (expected: > 0)");
  }

  private static Map<String, Object> message(String from, Object message, LocalDateTime sentAt) {
    Map<String, Object> struct = new LinkedHashMap<>();
    struct.put("from", from);
    struct.put("message", message);
    struct.put("sentAt", sentAt);
    return struct;
  }
}
