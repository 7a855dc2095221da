package io.rpcservices.master.worker;

import io.rpcservices.master.CallContext;
import io.rpcservices.master.Peer;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.Help;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code worker} service: how a worker joins a pool over the WebSocket {@code /ws} ({@code
 * docs/REMOTE-SERVICES.md}, "Worker session").
 *
 * <pre>{@code
 * builder.service("worker", new WorkerService(pools));
 * }</pre>
 */
public final class WorkerService {
  private final WorkerPools pools;

  /** The service over {@code pools}. */
  public WorkerService(WorkerPools pools) {
    this.pools = pools;
  }

  /**
   * Registers the caller's WebSocket session as a worker of {@code registration}'s service and
   * returns its worker id.
   *
   * @throws FaultException InvalidRequest over HTTP, InvalidParams for an invalid registration
   */
  @Help(
      "Registers this WebSocket session as a worker: takes {service, groups, methods: [{name,"
          + " signature, help}], host, pid, concurrency} and returns the worker id (wid).")
  public String register(CallContext call, Map<String, @Nullable Object> registration) {
    Peer peer = call.peer();
    if (peer == null) {
      throw new FaultException(
          FaultCode.INVALID_REQUEST,
          "worker.register needs a WebSocket session: workers connect to /ws");
    }
    return pools.register(peer, registration);
  }
}
