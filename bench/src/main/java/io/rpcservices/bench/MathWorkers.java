package io.rpcservices.bench;

import io.rpcservices.client.RpcClient;
import io.rpcservices.examples.exchange.MathWorker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The example {@code math} workers ({@link MathWorker}), each in a JVM of its own, registered with
 * one master.
 */
final class MathWorkers implements AutoCloseable {
  private static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC");
  private static final Duration POLL = Duration.ofMillis(100);

  private final String masterUrl;
  private final Path logDirectory;
  private final List<Process> processes = new ArrayList<>();

  MathWorkers(String masterUrl, Path logDirectory) {
    this.masterUrl = masterUrl;
    this.logDirectory = logDirectory;
  }

  /** The worker processes that run. */
  List<ProcessHandle> handles() {
    return processes.stream().map(Process::toHandle).toList();
  }

  /** How many worker processes run. */
  int size() {
    return processes.size();
  }

  /**
   * Starts workers until {@code count} run, then waits until the master's {@code
   * mgt.ping("math")} lists exactly that many.
   *
   * @throws IOException if they are not all listed within {@code timeout}
   */
  void scaleTo(int count, Duration timeout) throws IOException, InterruptedException {
    while (processes.size() < count) {
      Path log = logDirectory.resolve("worker-" + (processes.size() + 1) + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_OPTIONS);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(MathWorker.class.getName());
      command.add(masterUrl);
      processes.add(
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start());
    }
    awaitListed(count, timeout);
  }

  private void awaitListed(int count, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (RpcClient client = RpcClient.connect(masterUrl)) {
      int listed = 0;
      while (System.nanoTime() < deadline) {
        listed = ((List<?>) client.call(List.class, "mgt.ping", "math")).size();
        if (listed == count) {
          return;
        }
        // Registration is the workers' doing: the master offers nothing to wait on but polling.
        Thread.sleep(POLL.toMillis());
      }
      throw new IOException(
          "workers listed by mgt.ping(\"math\"): " + listed + " (expected: " + count + ")");
    }
  }

  /** Stops every worker (SIGTERM lets it drain) and waits for it; kills it if it lingers. */
  @Override
  public void close() {
    processes.forEach(Process::destroy);
    for (Process process : processes) {
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
