package io.rpcservices.bench;

import java.lang.management.ManagementFactory;

/**
 * A server process's live threads and heap, sampled inside that process after a full GC so the heap
 * figure is what is live rather than what garbage happens to be lying around.
 *
 * @param threads live Java threads, the harness's one control thread included
 * @param heapUsedBytes heap in use after the GC
 */
record ServerStats(int threads, long heapUsedBytes) {
  private static final String PREFIX = "stats ";

  /** Samples the current process. */
  static ServerStats sample() {
    System.gc();
    return new ServerStats(
        ManagementFactory.getThreadMXBean().getThreadCount(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /** The heap in use in MiB. */
  double heapUsedMib() {
    return heapUsedBytes / (1024.0 * 1024.0);
  }

  /** The one-line form sent over the control channel. */
  String toLine() {
    return PREFIX + threads + " " + heapUsedBytes;
  }

  /** Parses {@link #toLine()}. */
  static ServerStats parse(String line) {
    if (!line.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "stats line: " + line + " (expected: stats <threads> <heap>)");
    }
    String[] fields = line.substring(PREFIX.length()).split(" ");
    return new ServerStats(Integer.parseInt(fields[0]), Long.parseLong(fields[1]));
  }
}
