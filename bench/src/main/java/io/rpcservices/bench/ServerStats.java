package io.rpcservices.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A server process's live threads and heap, sampled inside that process after a full GC so the heap
 * figure is what is live rather than what garbage happens to be lying around.
 *
 * @param threads live Java threads, the harness's one control thread included
 * @param peakThreads the most live threads since the previous sample
 * @param heapUsedBytes heap in use after the GC
 */
record ServerStats(int threads, int peakThreads, long heapUsedBytes) {
  private static final String PREFIX = "stats ";

  /** Samples the current process and starts the next peak thread count from now. */
  static ServerStats sample() {
    System.gc();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ServerStats stats =
        new ServerStats(
            threads.getThreadCount(),
            threads.getPeakThreadCount(),
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    threads.resetPeakThreadCount();
    return stats;
  }

  /** The heap in use in MiB. */
  double heapUsedMib() {
    return heapUsedBytes / (1024.0 * 1024.0);
  }

  /** The one-line form sent over the control channel. */
  String toLine() {
    return PREFIX + threads + " " + peakThreads + " " + heapUsedBytes;
  }

  /** Parses {@link #toLine()}. */
  static ServerStats parse(String line) {
    if (!line.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "stats line: " + line + " (expected: stats <threads> <peak> <heap>)");
    }
    String[] fields = line.substring(PREFIX.length()).split(" ");
    return new ServerStats(
        Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), Long.parseLong(fields[2]));
  }
}
