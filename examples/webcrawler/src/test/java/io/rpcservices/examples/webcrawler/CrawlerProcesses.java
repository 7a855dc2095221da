package io.rpcservices.examples.webcrawler;

import io.rpcservices.client.ClientRecord;
import io.rpcservices.client.RpcClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * Crawler JVMs started for a test as a user starts them ({@code control crawler ...}), each with
 * its output in a log file; {@link #close()} kills those still running. Also runs the other
 * commands in the test's JVM, and waits on the master's state.
 */
final class CrawlerProcesses implements AutoCloseable {
  /** How long anything may take on a loaded machine before a test gives up. */
  static final long DEADLINE_SECONDS = 60;

  /** Crawler JVMs are short-lived here: quick to start (C1 only), small. */
  private static final List<String> JVM_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

  private final String masterUrl;
  private final Path out;
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Map<String, Path> logs = new LinkedHashMap<>();

  /** Crawlers of the master at {@code masterUrl} that save under {@code out}. */
  CrawlerProcesses(String masterUrl, Path out) {
    this.masterUrl = masterUrl;
    this.out = out;
  }

  /** Starts crawler {@code name} with {@code options} besides --url, --name, --out, --delay 0. */
  Process start(String name, String... options) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Surefire's own class path may be a manifest-only jar; this property holds the real one.
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(JVM_OPTIONS);
    command.addAll(
        List.of(
            "-cp",
            classpath,
            WebCrawler.class.getName(),
            "crawler",
            "--url",
            masterUrl,
            "--name",
            name,
            "--out",
            out.toString(),
            "--delay",
            "0"));
    command.addAll(List.of(options));
    Path log = Files.createTempFile("webcrawler-" + name, ".log");
    log.toFile().deleteOnExit();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    processes.put(name, process);
    logs.put(name, log);
    return process;
  }

  /** The CPU time all crawler processes used so far. */
  Duration cpuTime() {
    return processes.values().stream()
        .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** The crawler named {@code name}. */
  Process process(String name) {
    return processes.get(name);
  }

  /** What crawler {@code name} printed so far, for failure messages. */
  String log(String name) throws IOException {
    return Files.readString(logs.get(name));
  }

  /** Waits until every crawler started has logged in with the provider. */
  void awaitLoggedIn(RpcClient client) throws InterruptedException {
    awaitCondition(
        "crawlers " + processes.keySet() + " logged in",
        () -> client.provider().getAllClientNames().containsAll(processes.keySet()));
  }

  /** Waits until crawler {@code name} exits, and returns its exit code. */
  int awaitExit(String name) throws InterruptedException, IOException {
    Process process = processes.get(name);
    if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError(
          name + " still running after " + DEADLINE_SECONDS + " s; its log:\n" + log(name));
    }
    return process.exitValue();
  }

  /** The status crawler {@code name} last reported, if it is logged in and reported one. */
  static Optional<CrawlerStatus> status(RpcClient client, String name) {
    Map<String, ClientRecord> clients = client.provider().getAllClients();
    ClientRecord record = clients.get(name);
    return record == null ? Optional.empty() : CrawlerStatus.parse(record.status());
  }

  /** Runs {@code control args} in this JVM; returns the exit code, stdout and stderr. */
  static CommandRun control(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new WebCrawler())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** Waits up to {@link #DEADLINE_SECONDS} for {@code condition}, checking it every 50 ms. */
  static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
    awaitCondition(what, DEADLINE_SECONDS, condition);
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
  public void close() {
    for (Process process : processes.values()) {
      process.destroyForcibly();
    }
    try {
      for (Process process : processes.values()) {
        process.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One command run in this JVM. */
  record CommandRun(int exitCode, String out, String err) {}
}
