package io.rpcservices.bench;

import java.time.Duration;
import java.util.List;

/**
 * CPU time used by the server under test and by the load generator, as the operating system counts
 * it (clock ticks, so good to about 10 ms).
 *
 * @param server CPU time of the server process
 * @param client CPU time of this, the load generator's, process
 * @param helpers CPU time of the processes the server relies on, such as its workers
 */
record CpuTimes(Duration server, Duration client, Duration helpers) {

  /** The CPU times used so far. */
  static CpuTimes now(ProcessHandle server, List<ProcessHandle> helpers) {
    Duration helping = Duration.ZERO;
    for (ProcessHandle helper : helpers) {
      helping = helping.plus(cpu(helper));
    }
    return new CpuTimes(cpu(server), cpu(ProcessHandle.current()), helping);
  }

  /** The CPU times used since {@code earlier}. */
  CpuTimes since(CpuTimes earlier) {
    return new CpuTimes(
        server.minus(earlier.server), client.minus(earlier.client), helpers.minus(earlier.helpers));
  }

  private static Duration cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
