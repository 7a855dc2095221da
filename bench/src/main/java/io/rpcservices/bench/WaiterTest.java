package io.rpcservices.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The waiters test: many connections wait at once in {@code stack.pop(name, 30)} on one master,
 * then a few other connections push one item per waiter, and every waiter should get one.
 */
final class WaiterTest {
  private static final String STACK = "waiters";
  private static final int WAIT_SECONDS = 30;
  private static final int PUSHERS = 4;

  /** Connects in flight at once, well under the accept backlog, so no SYN is dropped. */
  private static final int CONNECTS_IN_FLIGHT = 128;

  /** Time given to the master to take in every pop before it is sampled and pushed to. */
  private static final Duration SETTLE = Duration.ofSeconds(2);

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PUSH_TIMEOUT = Duration.ofMinutes(2);

  private final EventLoopGroup group;
  private final Duration warmup;

  /**
   * A test whose master is first warmed up for {@code warmup} with {@code master.ping} on 16
   * connections, so the baseline is a master in use, whose lazily started pools have started.
   */
  WaiterTest(EventLoopGroup group, Duration warmup) {
    this.group = group;
    this.warmup = warmup;
  }

  /** Runs the test with {@code waiters} waiting connections against a fresh {@code master}. */
  WaiterResult run(ServerProcess master, int waiters)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    Endpoint endpoint = master.endpoint();
    ServerStats fresh = master.stats();
    new LoadGenerator(group).run(master, Workload.PING, 16, Duration.ZERO, warmup);
    List<RpcConnection> pushers = new ArrayList<>();
    for (int i = 0; i < PUSHERS; i++) {
      pushers.add(
          RpcConnection.open(group.next(), endpoint)
              .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
    CallOutcome created =
        await(pushers.get(0).call(XmlRpcRequests.encode(endpoint, "stack.create", STACK)));
    if (!created.isSuccess()) {
      throw new IOException("stack.create failed: " + created);
    }
    ServerStats before = master.stats();

    WaiterTally tally = new WaiterTally(waiters);
    List<RpcConnection> waiting = Collections.synchronizedList(new ArrayList<>(waiters));
    long connectStart = System.nanoTime();
    openWaiters(endpoint, waiters, tally, waiting);
    double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
    Thread.sleep(SETTLE.toMillis());
    ServerStats during = master.stats();
    long endedBeforePush = tally.ended();

    long pushStart = System.nanoTime();
    long pushFailures = push(endpoint, pushers, waiters);
    tally.await(WAIT_SECONDS + CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    double answerSeconds = Math.max(0, tally.lastAnswerNanos() - pushStart) / 1e9;
    ServerStats answeredStats = master.stats();

    List<CompletableFuture<Void>> closing = new ArrayList<>();
    waiting.forEach(connection -> closing.add(connection.close()));
    pushers.forEach(connection -> closing.add(connection.close()));
    CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
        .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    Thread.sleep(SETTLE.toMillis());
    ServerStats after = master.stats();

    return new WaiterResult(
        waiters,
        tally.answered(),
        tally.faulted(),
        tally.failed(),
        endedBeforePush,
        pushFailures,
        connectSeconds,
        answerSeconds,
        fresh,
        before,
        during,
        answeredStats,
        after);
  }

  private void openWaiters(
      Endpoint endpoint, int waiters, WaiterTally tally, List<RpcConnection> waiting)
      throws InterruptedException {
    ByteBuf pop = XmlRpcRequests.encode(endpoint, "stack.pop", STACK, WAIT_SECONDS);
    Semaphore connecting = new Semaphore(CONNECTS_IN_FLIGHT);
    for (int i = 0; i < waiters; i++) {
      connecting.acquire();
      RpcConnection.open(group.next(), endpoint)
          .whenComplete(
              (connection, failure) -> {
                connecting.release();
                if (failure != null) {
                  tally.record(null, failure);
                } else {
                  waiting.add(connection);
                  connection.call(pop).whenComplete(tally::record);
                }
              });
    }
    connecting.acquire(CONNECTS_IN_FLIGHT);
  }

  /** Pushes one item per waiter, split over the pushers, each one call at a time. */
  private static long push(Endpoint endpoint, List<RpcConnection> pushers, int items)
      throws InterruptedException, ExecutionException, TimeoutException {
    AtomicLong failures = new AtomicLong();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int p = 0; p < pushers.size(); p++) {
      done.add(pushFrom(endpoint, pushers.get(p), p, pushers.size(), items, failures));
    }
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
        .get(PUSH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return failures.get();
  }

  /** Pushes items {@code item}, {@code item + step}, ... below {@code items}, one after another. */
  private static CompletableFuture<Void> pushFrom(
      Endpoint endpoint, RpcConnection pusher, int item, int step, int items, AtomicLong failures) {
    if (item >= items) {
      return CompletableFuture.completedFuture(null);
    }
    ByteBuf push = XmlRpcRequests.encode(endpoint, "stack.push", STACK, "item-" + item);
    return pusher
        .call(push)
        .handle(
            (outcome, failure) -> {
              if (failure != null || !outcome.isSuccess()) {
                failures.incrementAndGet();
              }
              return null;
            })
        .thenCompose(unused -> pushFrom(endpoint, pusher, item + step, step, items, failures));
  }

  private static CallOutcome await(CompletableFuture<CallOutcome> call)
      throws InterruptedException, ExecutionException, TimeoutException {
    return call.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }
}
