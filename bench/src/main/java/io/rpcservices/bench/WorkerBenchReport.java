package io.rpcservices.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Renders the worker benchmark as a Markdown section for docs/BENCHMARKS.md. */
final class WorkerBenchReport {
  /** A call via a worker must make at least this share of {@code master.ping}'s calls/s. */
  static final double TARGET_RATIO = 0.5;

  private WorkerBenchReport() {}

  /** The report: machine, command, one row per cell, then the target per worker count. */
  static String render(
      Machine machine, String loadAverageAtEnd, String command, List<WorkerBenchRow> rows) {
    StringBuilder out = new StringBuilder();
    line(out, "### Run of %s", LocalDate.now());
    line(out, "");
    line(out, "- Machine: %d processors, %s, %s", machine.processors(), machine.cpu(), machine.memory());
    line(out, "- JDK: %s", machine.jdk());
    line(out, "- Load average (1/5/15 min): %s at the start, %s at the end",
        machine.loadAverage(), loadAverageAtEnd);
    line(out, "- Command: `%s`", command);
    line(out, "");
    line(out, "| workers | protocol | method | calls/s | p50 µs | p99 µs | CPU µs/call: master"
        + " | workers | load generator | errors | vs ping |");
    line(out, "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    boolean met = true;
    for (WorkerBenchRow row : rows) {
      LoadResult result = row.result();
      double ratio = result.callsPerSecond() / ping(rows, row).result().callsPerSecond();
      boolean ok = ratio >= TARGET_RATIO && result.errors() == 0;
      if (!row.method().equals("master.ping")) {
        met &= ok;
      }
      line(out, "| %d | %s | `%s` | %,.0f | %,.0f | %,.0f | %.0f | %.0f | %.0f | %d | %.0f%% |",
          row.workers(), row.protocol(), row.method(), result.callsPerSecond(),
          result.latencyMicros(50), result.latencyMicros(99), result.serverCpuMicrosPerCall(),
          result.helperCpuMicrosPerCall(), result.clientCpuMicrosPerCall(), result.errors(),
          ratio * 100);
    }
    line(out, "");
    line(out, "Target (a call via a worker makes at least %.0f%% of the calls/s of `master.ping`,"
        + " without errors): **%s**.", TARGET_RATIO * 100, met ? "met" : "not met");
    return out.toString();
  }

  private static WorkerBenchRow ping(List<WorkerBenchRow> rows, WorkerBenchRow row) {
    return rows.stream()
        .filter(other -> other.workers() == row.workers())
        .filter(other -> other.protocol().equals(row.protocol()))
        .filter(other -> other.method().equals("master.ping"))
        .findFirst()
        .orElseThrow();
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
