package io.rpcservices.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Renders the benchmark's results as Markdown, ready to paste into docs/BENCHMARKS.md. */
final class MarkdownReport {
  /**
   * The calls/s ratio over Apache ws-xmlrpc the issue asks of the master at the most connections.
   */
  static final double TARGET_RATIO = 1.5;

  /** Extra live threads the master may show with every waiter waiting and still count as flat. */
  static final int FLAT_THREADS = 4;

  /** Heap the master may keep after the waiters have gone and still count as flat. */
  static final double FLAT_HEAP_MIB = 16;

  private final StringBuilder out = new StringBuilder();

  private MarkdownReport() {}

  /** The whole report. */
  static String render(
      Machine machine,
      BenchOptions options,
      String command,
      List<ThroughputRow> rows,
      @Nullable WaiterResult waiters) {
    MarkdownReport report = new MarkdownReport();
    report.header(machine, options, command);
    if (!rows.isEmpty()) {
      report.throughput(rows);
      report.targets(rows);
    }
    if (waiters != null) {
      report.waiters(waiters);
    }
    return report.out.toString();
  }

  private void header(Machine machine, BenchOptions options, String command) {
    line("## Run of %s", LocalDate.now());
    line("");
    line(
        "- Machine: %d processors, %s, %s memory",
        machine.processors(), machine.cpu(), machine.memory());
    line("- JDK: %s", machine.jdk());
    line(
        "- Load average when the run started: %s; when it ended: %s (the run itself adds about 2)",
        machine.loadAverage(),
        Machine.loadAverageNow());
    line("- Command: `%s`", command);
    line(
        "- Each run: %s s warm-up, then %s s measured; each server first warmed up for %s s;"
            + " %d load generator thread(s); servers in JVMs of their own (`%s`)",
        seconds(options.warmup().toMillis()),
        seconds(options.duration().toMillis()),
        seconds(options.serverWarmup().toMillis()),
        options.clientThreads(),
        String.join(" ", ServerProcess.JVM_OPTIONS));
    line("");
  }

  private void throughput(List<ThroughputRow> rows) {
    line("### Throughput and latency");
    line("");
    line(
        "| workload | connections | server | calls/s | p50 (µs) | p99 (µs)"
            + " | server CPU/call (µs) | client CPU (cores) | errors | reconnects |");
    line("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    for (ThroughputRow row : rows) {
      LoadResult result = row.result();
      line(
          "| %s | %d | %s | %,.0f | %,.0f | %,.0f | %.0f | %.2f | %d | %d |",
          row.workload().label(),
          row.connections(),
          row.server().label(),
          result.callsPerSecond(),
          result.latencyMicros(50),
          result.latencyMicros(99),
          result.serverCpuMicrosPerCall(),
          result.clientCores(),
          result.errors(),
          result.reconnects());
    }
    line("");
  }

  private void targets(List<ThroughputRow> rows) {
    int most = rows.stream().mapToInt(ThroughputRow::connections).max().orElseThrow();
    if (rows.stream().map(ThroughputRow::server).distinct().count() < ServerKind.values().length) {
      return;
    }
    line(
        "### Target at %d connections: calls/s >= %.1fx Apache ws-xmlrpc's, with a lower p99",
        most, TARGET_RATIO);
    line("");
    line("| workload | calls/s ratio | p99 rpcservices (µs) | p99 Apache (µs) | errors | met |");
    line("|---|---:|---:|---:|---:|---|");
    for (Workload workload : Workload.values()) {
      Optional<LoadResult> ours = find(rows, ServerKind.RPCSERVICES, workload, most);
      Optional<LoadResult> apache = find(rows, ServerKind.APACHE, workload, most);
      if (ours.isEmpty() || apache.isEmpty()) {
        continue;
      }
      double ratio = ours.get().callsPerSecond() / apache.get().callsPerSecond();
      double ourP99 = ours.get().latencyMicros(99);
      double apacheP99 = apache.get().latencyMicros(99);
      long errors = ours.get().errors() + apache.get().errors();
      boolean met = ratio >= TARGET_RATIO && ourP99 < apacheP99 && errors == 0;
      line(
          "| %s | %.2fx | %,.0f | %,.0f | %d | %s |",
          workload.label(), ratio, ourP99, apacheP99, errors, met ? "yes" : "**no**");
    }
    line("");
  }

  private void waiters(WaiterResult result) {
    line("### %,d waiters in `stack.pop(name, 30)`", result.waiters());
    line("");
    line(
        "- Answered with an item: %,d of %,d (faults: %d, failed: %d, ended before the first push:"
            + " %d, failed pushes: %d)",
        result.answered(),
        result.waiters(),
        result.faulted(),
        result.failed(),
        result.endedBeforePush(),
        result.pushFailures());
    line(
        "- Opening the connections and sending the pops took %.1f s; first push to last answer %.1f"
            + " s",
        result.connectSeconds(), result.answerSeconds());
    line("");
    line("| master | live threads | peak threads since the row above | heap used after GC (MiB) |");
    line("|---|---:|---:|---:|");
    stats("just started", result.fresh());
    stats("warmed up (16 connections of master.ping), before the waiters connect", result.before());
    stats("all waiting", result.during());
    stats("all answered, connections still open", result.answeredStats());
    stats("connections closed", result.after());
    line("");
    int extraThreads =
        Math.max(result.during().peakThreads(), result.during().threads())
            - result.before().threads();
    double keptHeap = result.after().heapUsedMib() - result.before().heapUsedMib();
    double perWaiter =
        (result.during().heapUsedBytes() - result.before().heapUsedBytes())
            / (double) result.waiters();
    boolean flat = extraThreads <= FLAT_THREADS && keptHeap <= FLAT_HEAP_MIB;
    line(
        "- Target (all answered; threads and heap flat: at most %d more threads while waiting, at"
            + " most %.0f MiB kept after): %s. Extra threads while waiting: %d; heap while waiting:"
            + " %,.0f bytes per waiter; heap kept after: %.1f MiB.",
        FLAT_THREADS,
        FLAT_HEAP_MIB,
        result.allAnswered() && flat ? "met" : "**not met**",
        extraThreads,
        perWaiter,
        keptHeap);
    line("");
  }

  private void stats(String when, ServerStats stats) {
    line(
        "| %s | %d | %d | %.1f |", when, stats.threads(), stats.peakThreads(), stats.heapUsedMib());
  }

  private static Optional<LoadResult> find(
      List<ThroughputRow> rows, ServerKind server, Workload workload, int connections) {
    return rows.stream()
        .filter(
            row ->
                row.server() == server
                    && row.workload() == workload
                    && row.connections() == connections)
        .map(ThroughputRow::result)
        .findFirst();
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
