package io.rpcservices.master.store.durable;

import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients of {@link MasterCrashTest}, each recording what the master acknowledged and which
 * call was in flight when the master died: producers pushing numbered items, a writer incrementing
 * a counter, a consumer popping, and a consumer reserving items and acknowledging every other one.
 * Each client stops at its first broken call.
 */
final class CrashWorkload {
  static final String STACK = "items";
  static final String STORAGE = "counters";
  static final String COUNTER = "n";
  static final double LEASE_SECONDS = 2;

  private static final int PRODUCERS = 8;
  private static final int ITEMS = 20_000;

  final Set<String> pushed = ConcurrentHashMap.newKeySet();
  final Set<String> pushInFlight = ConcurrentHashMap.newKeySet();
  final List<String> popped = Collections.synchronizedList(new ArrayList<>());
  final AtomicBoolean popInFlight = new AtomicBoolean();
  final Set<String> held = ConcurrentHashMap.newKeySet();
  final Set<String> acked = ConcurrentHashMap.newKeySet();
  final Set<String> ackInFlight = ConcurrentHashMap.newKeySet();
  final AtomicLong increments = new AtomicLong();
  final AtomicBoolean incrementInFlight = new AtomicBoolean();

  private final CrashClient client;
  private final int killAfter;
  private final AtomicInteger pushCount = new AtomicInteger();
  private final CountDownLatch killPoint = new CountDownLatch(1);
  private final ExecutorService threads = Executors.newFixedThreadPool(PRODUCERS + 3);
  private final List<Future<?>> running = new ArrayList<>();

  /** A workload that reaches its kill point once {@code killAfter} pushes are acknowledged. */
  CrashWorkload(CrashClient client, int killAfter) {
    this.client = client;
    this.killAfter = killAfter;
  }

  void start() {
    for (int producer = 0; producer < PRODUCERS; producer++) {
      int first = producer * (ITEMS / PRODUCERS);
      running.add(threads.submit(() -> produce(first, first + ITEMS / PRODUCERS)));
    }
    running.add(threads.submit(this::increment));
    running.add(threads.submit(this::consume));
    running.add(threads.submit(this::reserve));
  }

  /** Waits until the kill point; returns whether it came within the time. */
  boolean awaitKillPoint(long seconds) throws InterruptedException {
    return killPoint.await(seconds, TimeUnit.SECONDS);
  }

  /** Waits until every client has stopped, as they do once the master is gone. */
  void awaitStopped() throws Exception {
    for (Future<?> each : running) {
      each.get(60, TimeUnit.SECONDS);
    }
    threads.shutdown();
  }

  private Void produce(int first, int end) throws Exception {
    for (int number = first; number < end; number++) {
      String item = "item-" + number;
      try {
        client.value("stack.push", STACK, item);
      } catch (IOException e) {
        pushInFlight.add(item);
        return null;
      }
      pushed.add(item);
      if (pushCount.incrementAndGet() == killAfter) {
        killPoint.countDown();
      }
    }
    return null;
  }

  private Void increment() throws Exception {
    while (true) {
      try {
        client.value("storage.increment", STORAGE, COUNTER, 1);
      } catch (IOException e) {
        incrementInFlight.set(true);
        return null;
      }
      increments.incrementAndGet();
    }
  }

  private Void consume() throws Exception {
    while (true) {
      RpcResponse answer;
      try {
        answer = client.call("stack.pop", STACK, 1.0);
      } catch (IOException e) {
        popInFlight.set(true);
        return null;
      }
      if (answer instanceof Success success) {
        popped.add((String) success.value());
      } else if (((Fault) answer).code() != FaultCode.STACK_INDEX_ERROR.code()) {
        throw new IllegalStateException("stack.pop failed: " + answer);
      }
    }
  }

  private Void reserve() throws Exception {
    for (long count = 0; ; count++) {
      RpcResponse answer;
      try {
        answer = client.call("stack.reserve", STACK, LEASE_SECONDS, 1.0);
      } catch (IOException e) {
        return null;
      }
      if (!(answer instanceof Success success)) {
        continue;
      }
      Map<?, ?> reservation = (Map<?, ?>) success.value();
      String item = (String) reservation.get("data");
      if (count % 2 == 0) {
        held.add(item);
        continue;
      }
      try {
        if (Boolean.TRUE.equals(client.value("stack.ack", STACK, reservation.get("ticket")))) {
          acked.add(item);
        }
      } catch (IOException e) {
        ackInFlight.add(item);
        return null;
      }
    }
  }
}
