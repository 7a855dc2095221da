package io.rpcservices.it;

import io.rpcservices.client.RpcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Worker JVMs started for a test, each running a worker main such as {@code MathWorker} against a
 * master, as a user would start them; {@link #close()} kills those still running.
 */
final class WorkerProcesses implements AutoCloseable {
  /** How long a worker JVM may take to start and register, on a loaded machine. */
  static final long START_SECONDS = 60;

  private final List<Process> processes = new ArrayList<>();

  /** Starts {@code main} with {@code args} in a JVM of its own, its output in a temporary file. */
  Process start(Class<?> main, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Surefire's own class path may be a manifest-only jar; this property holds the real one.
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, main.getName()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("rpcservices-worker", ".log");
    log.toFile().deleteOnExit();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    synchronized (processes) {
      processes.add(process);
    }
    return process;
  }

  /** Waits until {@code service} has {@code count} workers registered, as mgt.ping lists them. */
  static void awaitWorkers(RpcClient client, String service, int count)
      throws InterruptedException {
    awaitCondition(
        "mgt.ping " + service + " lists " + count + " workers",
        START_SECONDS,
        () -> pings(client, service).size() == count);
  }

  /** The entries of {@code mgt.ping(service)}: {wid, service, host, pid, groups}. */
  static List<?> pings(RpcClient client, String service) {
    return (List<?>) client.call("mgt.ping", service);
  }

  /** Waits up to {@code seconds} for {@code condition}, checking it every 50 ms. */
  static void awaitCondition(String what, long seconds, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + seconds + " s: " + what);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  @Override
  public void close() throws InterruptedException {
    List<Process> running;
    synchronized (processes) {
      running = List.copyOf(processes);
    }
    for (Process process : running) {
      process.destroyForcibly();
    }
    for (Process process : running) {
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
