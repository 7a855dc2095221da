package io.rpcservices.bench;

import java.time.Duration;

/**
 * CPU time used by the server under test and by the load generator, as the operating system counts
 * it (clock ticks, so good to about 10 ms).
 *
 * @param server CPU time of the server process
 * @param client CPU time of this, the load generator's, process
 */
record CpuTimes(Duration server, Duration client) {

  /** The CPU times used so far. */
  static CpuTimes now(ProcessHandle server) {
    return new CpuTimes(cpu(server), cpu(ProcessHandle.current()));
  }

  /** The CPU times used since {@code earlier}. */
  CpuTimes since(CpuTimes earlier) {
    return new CpuTimes(server.minus(earlier.server), client.minus(earlier.client));
  }

  private static Duration cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
