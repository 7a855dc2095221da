package io.rpcservices.bench;

import io.rpcservices.master.Master;
import io.rpcservices.master.store.InMemoryStateStore;
import io.rpcservices.master.store.StateStore;
import io.rpcservices.master.store.durable.DurableStateStore;
import io.rpcservices.master.store.durable.SyncMode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The server side of {@link StoreBench}, run in its own JVM: a master on a free loopback port with
 * the state store {@code args[0]} ({@code memory}, {@code process} or {@code fsync}, the last two
 * durable in the data directory {@code args[1]}). Prints {@code port <port>}, then runs until
 * {@code quit} or the end of its standard input.
 */
public final class StoreBenchServer {
  private StoreBenchServer() {}

  /** Starts the master and waits for the end. */
  public static void main(String[] args) throws Exception {
    PrintStream reply = System.out;
    System.setOut(System.err);
    StateStore store =
        args[0].equals("memory")
            ? new InMemoryStateStore()
            : DurableStateStore.open(Path.of(args[1]), SyncMode.of(args[0]));
    Master master = Master.builder().host("127.0.0.1").port(0).stateStore(store).build().start();
    reply.println("port " + master.port() + " " + store.description());
    reply.flush();
    BufferedReader control =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = control.readLine();
        line != null && !line.equals("quit");
        line = control.readLine()) {
      // Only the end of the run matters.
    }
    master.close();
    System.exit(0);
  }
}
