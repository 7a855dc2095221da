package io.rpcservices.master.store.durable;

import io.rpcservices.master.Master;
import java.nio.file.Path;

/**
 * The master process of {@link MasterCrashTest}: a master on a free loopback port with the durable
 * store in {@code args[0]} and sync mode {@code args[1]}. Writes {@code port <n>} on a line of its
 * own once it serves, then runs until it is killed.
 */
public final class CrashTestMaster {
  private CrashTestMaster() {}

  /** Starts the master. */
  public static void main(String[] args) throws InterruptedException {
    DurableStateStore store = DurableStateStore.open(Path.of(args[0]), SyncMode.of(args[1]));
    Master master = Master.builder().port(0).stateStore(store).build().start();
    System.out.println("port " + master.port());
    System.out.flush();
    master.awaitClose();
  }
}
