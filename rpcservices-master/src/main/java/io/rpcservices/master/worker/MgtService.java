package io.rpcservices.master.worker;

import io.rpcservices.protocol.Help;
import java.util.List;

/**
 * The {@code mgt} service: what the worker pools hold, and stopping a worker (DESIGN.md, "Remote
 * services"). There is no remote {@code eval}: code sent over the wire is never run.
 *
 * <pre>{@code
 * builder.service("mgt", new MgtService(pools));
 * }</pre>
 */
public final class MgtService {
  private final WorkerPools pools;

  /** The service over {@code pools}. */
  public MgtService(WorkerPools pools) {
    this.pools = pools;
  }

  /** Every remote service: its name, number of workers, groups and method names. */
  @Help("Returns [{service, workers, groups, methods}] for every remote service, by name.")
  public List<Object> services() {
    return pools.services();
  }

  /** The workers of {@code service}. */
  @Help("Returns [{wid, service, host, pid, groups}] for the workers of a service.")
  public List<Object> ping(String service) {
    return pools.ping(service);
  }

  /** The statistics of the workers of {@code service}. */
  @Help(
      "Returns [{wid, host, pid, processed, exceptions, inflight, waittimes}] for the workers of a"
          + " service; waittimes are the seconds between its last ten requests.")
  public List<Object> stats(String service) {
    return pools.stats(service);
  }

  /** Stops worker {@code wid} gracefully; false if there is no such worker. */
  @Help(
      "Stops a worker gracefully: it takes no new calls, finishes those it has and disconnects."
          + " Returns true, or false when no worker has this wid.")
  public boolean kill(String wid) {
    return pools.kill(wid);
  }
}
