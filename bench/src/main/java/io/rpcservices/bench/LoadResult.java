package io.rpcservices.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one load run.
 *
 * @param latencies per-call latency in nanoseconds, measured window only
 * @param seconds length of the measured window
 * @param errors calls that failed (non-200, fault, closed connection) in the whole run
 * @param reconnects times a connection had to be opened again because the server closed it
 * @param cpu CPU time used by the server, its helpers and the load generator in the measured window
 */
record LoadResult(Histogram latencies, double seconds, long errors, long reconnects, CpuTimes cpu) {

  /** Completed calls per second in the measured window. */
  double callsPerSecond() {
    return latencies.getTotalCount() / seconds;
  }

  /** The latency at {@code percentile} (0-100) in microseconds. */
  double latencyMicros(double percentile) {
    return latencies.getValueAtPercentile(percentile) / (double) TimeUnit.MICROSECONDS.toNanos(1);
  }

  /** The server's CPU time per completed call in microseconds. */
  double serverCpuMicrosPerCall() {
    return cpu.server().toNanos() / 1e3 / Math.max(1, latencies.getTotalCount());
  }

  /** The CPU time of the server's helpers (its workers) per completed call in microseconds. */
  double helperCpuMicrosPerCall() {
    return cpu.helpers().toNanos() / 1e3 / Math.max(1, latencies.getTotalCount());
  }

  /** The load generator's CPU time per completed call in microseconds. */
  double clientCpuMicrosPerCall() {
    return cpu.client().toNanos() / 1e3 / Math.max(1, latencies.getTotalCount());
  }

  /** The load generator's CPU use in the measured window, in cores. */
  double clientCores() {
    return cpu.client().toNanos() / 1e9 / seconds;
  }
}
