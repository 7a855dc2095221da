package io.rpcservices.master.worker;

import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.RpcResponse;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The workers of one service name and the calls waiting for one of them.
 *
 * <p>A call goes to the worker with the fewest calls outstanding that is below its concurrency
 * limit, ties broken round-robin; with none free it waits, holding no thread, until a worker
 * registers or finishes a call, or its deadline passes. A call whose worker's session closes goes
 * back to the head of the queue. All state is guarded by this pool's lock; requests and
 * notifications to workers are sent after the lock is released.
 *
 * <p>The pool keeps the groups and methods of its workers after the last one has gone, so that
 * callers wait for a new worker rather than find no such method.
 */
final class Pool {
  private static final System.Logger LOGGER = System.getLogger(Pool.class.getName());

  private final String service;
  private final List<RemoteWorker> workers = new ArrayList<>();
  private final Deque<RemoteCall> waiting = new ArrayDeque<>();
  private List<String> groups = List.of();
  private Map<String, Registration.MethodSpec> methods = Map.of();
  private int cursor;

  /** A call on its way to a worker, to send once the lock is released. */
  private record Send(RemoteWorker worker, RemoteCall call, long id) {}

  Pool(String service) {
    this.service = service;
  }

  String service() {
    return service;
  }

  /** Adds a registered worker and gives it the waiting calls it can take. */
  void add(RemoteWorker worker) {
    List<Send> sends;
    synchronized (this) {
      workers.add(worker);
      refresh();
      sends = drain();
    }
    sends.forEach(this::send);
  }

  /** Drops a worker whose session has closed; its calls come back as their requests fail. */
  synchronized void remove(RemoteWorker worker) {
    if (workers.remove(worker)) {
      refresh();
    }
  }

  /** Sends {@code call} to a worker, or queues it until one is free. */
  void call(RemoteCall call) {
    Send send;
    synchronized (this) {
      if (call.result().isDone()) {
        return;
      }
      RemoteWorker worker = pick();
      if (worker == null) {
        waiting.addLast(call);
        return;
      }
      send = assign(worker, call);
    }
    send(send);
  }

  /** Ends {@code call} at its deadline: 400 if no worker is left, else 401 (and a cancel). */
  void expire(RemoteCall call) {
    Fault fault;
    RemoteWorker on = null;
    long id = 0;
    synchronized (this) {
      if (call.result().isDone()) {
        return;
      }
      if (waiting.remove(call)) {
        fault =
            workers.stream().anyMatch(RemoteWorker::isLive)
                ? Fault.of(
                    FaultCode.CALL_TIMEOUT_ERROR,
                    name(call) + ": every worker stayed busy until the call's deadline")
                : Fault.of(
                    FaultCode.SERVICE_UNAVAILABLE_ERROR,
                    "no worker serves " + service + " (waited until the call's deadline)");
      } else {
        on = call.worker();
        id = call.requestId();
        fault =
            Fault.of(
                FaultCode.CALL_TIMEOUT_ERROR,
                name(call)
                    + ": worker "
                    + (on == null ? "?" : on.wid())
                    + " did not answer before the call's deadline");
      }
    }
    call.finish(fault);
    if (on != null) {
      cancel(on, id);
    }
  }

  /** Forgets a call whose caller went away; a worker that has it is told to cancel it. */
  void abandon(RemoteCall call) {
    RemoteWorker on;
    long id;
    synchronized (this) {
      waiting.remove(call);
      on = call.worker();
      id = call.requestId();
    }
    call.stopTimer();
    if (on != null) {
      cancel(on, id);
    }
  }

  /** Stops routing calls to {@code worker} and asks it to finish its calls and disconnect. */
  void stop(RemoteWorker worker) {
    synchronized (this) {
      worker.drain();
    }
    CompletableFuture<RpcResponse> stopped;
    try {
      stopped = worker.peer().request(worker.nextRequestId(), "worker.stop", List.of());
    } catch (RuntimeException e) {
      stopped = CompletableFuture.failedFuture(e);
    }
    stopped.whenComplete(
        (response, error) -> {
          if (response instanceof Fault fault) {
            LOGGER.log(Level.WARNING, "worker " + worker.wid() + " refused worker.stop: " + fault);
          }
        });
  }

  /** The method {@code name} (without the service prefix), or {@code null}. */
  synchronized Registration.@Nullable MethodSpec method(String name) {
    return methods.get(name);
  }

  /** The methods the workers serve (or served last). */
  synchronized List<Registration.MethodSpec> methods() {
    return List.copyOf(methods.values());
  }

  /** Whether the service belongs to {@code group}. */
  synchronized boolean inGroup(String group) {
    return groups.contains(group);
  }

  /** The {@code mgt.services} entry. */
  synchronized Map<String, Object> describe() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("service", service);
    entry.put("workers", workers.size());
    entry.put("groups", groups);
    entry.put("methods", List.copyOf(methods.keySet()));
    return entry;
  }

  /** The {@code mgt.ping} entries. */
  synchronized List<Object> ping() {
    List<Object> entries = new ArrayList<>();
    workers.forEach(worker -> entries.add(worker.ping()));
    return entries;
  }

  /** The {@code mgt.stats} entries. */
  synchronized List<Object> stats() {
    List<Object> entries = new ArrayList<>();
    workers.forEach(worker -> entries.add(worker.stats()));
    return entries;
  }

  private void send(Send send) {
    CompletableFuture<RpcResponse> response;
    try {
      response =
          send.worker()
              .peer()
              .request(send.id(), "worker.invoke", List.of(send.call().invocation()));
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    response.whenComplete((answer, error) -> answered(send, answer, error));
  }

  private void answered(Send send, @Nullable RpcResponse answer, @Nullable Throwable error) {
    RemoteCall call = send.call();
    List<Send> sends;
    synchronized (this) {
      boolean current = call.isOn(send.worker(), send.id());
      if (current) {
        call.unassign();
      }
      if (error == null) {
        send.worker().answered(answer instanceof Fault);
      } else {
        // The session closed: the call goes to another worker while its deadline lasts.
        send.worker().lost();
        remove(send.worker());
        if (current && !call.result().isDone()) {
          waiting.addFirst(call);
        }
      }
      sends = drain();
    }
    if (answer != null) {
      call.finish(answer);
    }
    sends.forEach(this::send);
  }

  private void cancel(RemoteWorker worker, long id) {
    worker.peer().notify("worker.cancel", List.of(Map.of("id", id)));
  }

  /** Under the lock: the waiting calls that free workers take now. */
  private List<Send> drain() {
    List<Send> sends = new ArrayList<>();
    while (!waiting.isEmpty()) {
      if (waiting.peekFirst().result().isDone()) {
        waiting.removeFirst();
        continue;
      }
      RemoteWorker worker = pick();
      if (worker == null) {
        break;
      }
      sends.add(assign(worker, waiting.removeFirst()));
    }
    return sends;
  }

  /** Under the lock: the free worker with the fewest calls outstanding, the next one on ties. */
  private @Nullable RemoteWorker pick() {
    int count = workers.size();
    RemoteWorker best = null;
    int bestIndex = 0;
    for (int i = 0; i < count; i++) {
      int index = (cursor + i) % count;
      RemoteWorker worker = workers.get(index);
      if (worker.canTake() && (best == null || worker.inflight() < best.inflight())) {
        best = worker;
        bestIndex = index;
      }
    }
    if (best != null) {
      cursor = (bestIndex + 1) % count;
    }
    return best;
  }

  private static Send assign(RemoteWorker worker, RemoteCall call) {
    long id = worker.nextRequestId();
    call.assign(worker, id);
    worker.started();
    return new Send(worker, call, id);
  }

  /** Under the lock: the groups and methods of the workers, kept when the last one has gone. */
  private void refresh() {
    if (workers.isEmpty()) {
      return;
    }
    TreeSet<String> allGroups = new TreeSet<>();
    Map<String, Registration.MethodSpec> allMethods = new LinkedHashMap<>();
    for (RemoteWorker worker : workers) {
      allGroups.addAll(worker.registration().groups());
      allMethods.putAll(worker.registration().methods());
    }
    groups = List.copyOf(allGroups);
    methods = allMethods;
  }

  private String name(RemoteCall call) {
    return service + "." + call.method();
  }
}
