package io.rpcservices.master.worker;

import io.rpcservices.master.Deadline;
import io.rpcservices.protocol.RpcResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * One caller's call to a remote method, from its arrival to its answer: waiting for a worker, sent
 * to one (perhaps again to another when that one goes away), answered, or ended by its deadline.
 * Its assignment is guarded by the lock of its {@link Pool}.
 */
final class RemoteCall {
  private final String method;
  private final List<@Nullable Object> params;
  private final Deadline deadline;
  private final CompletableFuture<RpcResponse> result = new CompletableFuture<>();
  private volatile @Nullable ScheduledFuture<?> timer;
  private @Nullable RemoteWorker worker;
  private long requestId;

  RemoteCall(String method, List<@Nullable Object> params, Deadline deadline) {
    this.method = method;
    this.params = params;
    this.deadline = deadline;
  }

  /** The method name without the service prefix. */
  String method() {
    return method;
  }

  Deadline deadline() {
    return deadline;
  }

  /** The caller's answer; cancelling it abandons the call. */
  CompletableFuture<RpcResponse> result() {
    return result;
  }

  void setTimer(ScheduledFuture<?> timer) {
    this.timer = timer;
  }

  /** Completes the call with {@code response} unless it is done; stops the deadline timer. */
  void finish(RpcResponse response) {
    result.complete(response);
    stopTimer();
  }

  /** Stops the deadline timer. */
  void stopTimer() {
    ScheduledFuture<?> running = timer;
    if (running != null) {
      running.cancel(false);
    }
  }

  /** Records that the call has gone to {@code to} as request {@code id}. */
  void assign(RemoteWorker to, long id) {
    worker = to;
    requestId = id;
  }

  /** Forgets the worker the call went to; it waits for another one. */
  void unassign() {
    worker = null;
  }

  /** The worker the call is on, or {@code null} while it waits for one. */
  @Nullable RemoteWorker worker() {
    return worker;
  }

  /** The id of the request on {@link #worker()}. */
  long requestId() {
    return requestId;
  }

  /** Whether the call is on {@code on} as request {@code id}. */
  boolean isOn(RemoteWorker on, long id) {
    return worker == on && requestId == id;
  }

  /** The parameter of {@code worker.invoke}: the method, its parameters and the seconds left. */
  Map<String, Object> invocation() {
    Map<String, Object> invocation = new LinkedHashMap<>();
    invocation.put("method", method);
    invocation.put("params", params);
    invocation.put("timeout", deadline.remainingNanos() / 1e9);
    return invocation;
  }
}
