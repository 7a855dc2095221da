package io.rpcservices.master.store.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master process with the durable store is killed with SIGKILL while clients push, pop, reserve
 * and increment, then restarted on the same data directory: everything it acknowledged is there.
 *
 * <p>An acknowledged push is still on the stack or was taken by a consumer; nothing is there twice.
 * The one loss a client can see is the pop in flight at the kill: the master may have taken the
 * item off the stack and died before the answer left, as with any pop that is not reserved. A
 * reserved item that was not acknowledged comes back on the stack once its lease runs out. Two
 * rounds run with {@code sync=process}, the last with {@code sync=fsync}.
 */
class MasterCrashTest {
  private static final int ROUNDS = 3;

  @TempDir Path temp;

  @Test
  void killedMasterKeepsEverythingItAcknowledged() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int round = 1; round <= ROUNDS; round++) {
      int killAfter = 1_000 + random.nextInt(7_000);
      // The last round runs the fsync mode, whose answers wait for a shared sync.
      SyncMode sync = round == ROUNDS ? SyncMode.FSYNC : SyncMode.PROCESS;
      String kill =
          "seed "
              + seed
              + ", round "
              + round
              + ", sync="
              + sync.label()
              + ", killed after "
              + killAfter
              + " pushes";
      runRound(
          temp.resolve("data-" + round),
          temp.resolve("master-" + round + ".log"),
          sync,
          killAfter,
          kill);
    }
  }

  private static void runRound(Path data, Path log, SyncMode sync, int killAfter, String kill)
      throws Exception {
    CrashWorkload workload;
    try (MasterProcess master = MasterProcess.start(data, sync, log)) {
      CrashClient client = new CrashClient(master.port());
      client.value("stack.create", CrashWorkload.STACK);
      client.value("storage.create", CrashWorkload.STORAGE);
      workload = new CrashWorkload(client, killAfter);
      workload.start();
      assertThat(workload.awaitKillPoint(60)).as(kill).isTrue();
      master.kill();
      workload.awaitStopped();
    }

    long killed = System.nanoTime();
    long counter;
    List<String> left;
    try (MasterProcess master = MasterProcess.start(data, sync, log)) {
      CrashClient client = new CrashClient(master.port());
      counter =
          ((Number)
                  client.value(
                      "storage.getParameter", CrashWorkload.STORAGE, CrashWorkload.COUNTER, 0))
              .longValue();
      left = drain(client, killed, kill);
    }

    checkItems(workload, left, kill);
    long increments = workload.increments.get();
    long inFlight = workload.incrementInFlight.get() ? 1 : 0;
    assertThat(counter).as(kill).isBetween(increments, increments + inFlight);
  }

  /**
   * Pops everything off the stack: what is on it, then what comes back once the leases that were
   * running at the kill have run out.
   */
  private static List<String> drain(CrashClient client, long killed, String kill) throws Exception {
    List<String> left = new ArrayList<>();
    List<Object> pops = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      pops.add(Map.of("methodName", "stack.pop", "params", List.of(CrashWorkload.STACK)));
    }
    boolean empty = false;
    while (!empty) {
      for (Object result : (List<?>) client.value("system.multicall", pops)) {
        if (result instanceof List<?> value) {
          left.add((String) value.get(0));
        } else {
          empty = true;
        }
      }
    }
    double leaseEnd = CrashWorkload.LEASE_SECONDS + 1 - (System.nanoTime() - killed) / 1e9;
    while (true) {
      RpcResponse answer = client.call("stack.pop", CrashWorkload.STACK, Math.max(0.5, leaseEnd));
      if (answer instanceof Fault fault) {
        assertThat(fault.code()).as(kill).isEqualTo(FaultCode.STACK_INDEX_ERROR.code());
        return left;
      }
      left.add((String) ((Success) answer).value());
    }
  }

  private static void checkItems(CrashWorkload workload, List<String> left, String kill) {
    List<String> popped = new ArrayList<>(workload.popped);
    assertThat(left).as(kill + ": left twice").doesNotHaveDuplicates();
    assertThat(popped).as(kill + ": popped twice").doesNotHaveDuplicates();
    assertThat(left).as(kill + ": left and popped").doesNotContainAnyElementsOf(popped);
    assertThat(left)
        .as(kill + ": left and acknowledged")
        .doesNotContainAnyElementsOf(workload.acked);
    assertThat(popped)
        .as(kill + ": popped and acknowledged")
        .doesNotContainAnyElementsOf(workload.acked);

    Set<String> accounted = new HashSet<>(left);
    accounted.addAll(popped);
    accounted.addAll(workload.acked);
    accounted.addAll(workload.ackInFlight);
    Set<String> lost = new HashSet<>(workload.pushed);
    lost.removeAll(accounted);
    assertThat(lost)
        .as(kill + ": lost")
        .hasSizeLessThanOrEqualTo(workload.popInFlight.get() ? 1 : 0);

    Set<String> known = new HashSet<>(workload.pushed);
    known.addAll(workload.pushInFlight);
    assertThat(known).as(kill + ": never pushed").containsAll(accounted);

    Set<String> stillReserved = new HashSet<>(workload.held);
    stillReserved.removeAll(popped);
    stillReserved.removeAll(workload.acked);
    stillReserved.removeAll(workload.ackInFlight);
    assertThat(stillReserved).as(kill + ": reserved before the kill").isNotEmpty();
    assertThat(left).as(kill + ": reserved items back after the lease").containsAll(stillReserved);
  }
}
