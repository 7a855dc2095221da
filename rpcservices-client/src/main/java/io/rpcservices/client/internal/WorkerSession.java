package io.rpcservices.client.internal;

import io.rpcservices.client.TransportException;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.JsonRpcId;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.JsonRpcParams;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One exported service's connection to the master, as docs/REMOTE-SERVICES.md describes it: a
 * WebSocket to {@code /ws} that registers the service, answers {@code worker.invoke}, {@code
 * worker.cancel} and {@code worker.stop}, pings the master, and reconnects with backoff (and
 * registers again) when the connection is lost, until the service is stopped.
 *
 * <p>Stopping drains: calls in flight finish and are answered; calls that arrive meanwhile are left
 * unanswered, and the master sends them to another worker when the socket closes.
 */
public final class WorkerSession implements JsonRpcSession.Handler {
  private static final System.Logger LOGGER = System.getLogger(WorkerSession.class.getName());
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration LAST_ROUND_TRIP = Duration.ofSeconds(5);
  private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(30);

  private final ServiceExport export;
  private final WorkerOptions options;
  private final ServiceCalls calls;
  private final CompletableFuture<String> firstRegistration = new CompletableFuture<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final Object lock = new Object();
  // Guarded by lock: the open session, the calls it runs, its worker id, whether the service is
  // stopping, the master's pending worker.stop, the reconnection timer and its backoff.
  private @Nullable JsonRpcSession session;
  private final Map<JsonRpcId, RunningCall> inflight = new HashMap<>();
  private @Nullable String wid;
  private boolean draining;
  private @Nullable JsonRpcId stopRequest;
  private @Nullable ScheduledFuture<?> reconnection;
  private final Backoff backoff;

  /** A session for {@code export}; nothing happens until {@link #start()}. */
  public WorkerSession(ServiceExport export, WorkerOptions options) {
    this.export = export;
    this.options = options;
    this.calls = new ServiceCalls(export, options.concurrency());
    this.backoff = new Backoff(options.backoffInitial(), options.backoffMax());
    stopped.whenComplete((value, failure) -> calls.shutdown());
  }

  /** Connects and registers, in the background. */
  public void start() {
    connect();
  }

  /**
   * Completes with the first worker id the master gave, or fails with a {@link FaultException} if
   * it refused the service.
   */
  public CompletableFuture<String> firstRegistration() {
    return firstRegistration.copy();
  }

  /** The current worker id, or null while not registered. */
  public @Nullable String wid() {
    synchronized (lock) {
      return wid;
    }
  }

  /** Completes once the service is stopped for good: drained, killed or refused. */
  public CompletableFuture<Void> stopped() {
    return stopped.copy();
  }

  /**
   * Stops taking calls, lets those in flight finish and answers them, then closes the connection
   * and stops reconnecting; the future completes then.
   */
  public CompletableFuture<Void> drain() {
    JsonRpcSession current;
    synchronized (lock) {
      draining = true;
      if (reconnection != null) {
        reconnection.cancel(false);
      }
      current = session;
      if (current == null) {
        stopped.complete(null);
      } else if (inflight.isEmpty()) {
        finishDrain(current);
      }
    }
    return stopped.copy();
  }

  /** Cuts the connection at once and stops; calls in flight are abandoned. */
  public void abort() {
    JsonRpcSession current;
    synchronized (lock) {
      draining = true;
      if (reconnection != null) {
        reconnection.cancel(false);
      }
      current = session;
    }
    if (current != null) {
      current.abort("worker stopped");
    }
    stopped.complete(null);
  }

  @Override
  public void onCall(JsonRpcSession from, JsonRpcMessage.Call call) {
    switch (call.method()) {
      case "worker.invoke" -> {
        if (call instanceof JsonRpcMessage.Request request) {
          invoke(from, request);
        }
      }
      case "worker.cancel" -> cancel(call);
      case "worker.stop" -> {
        if (call instanceof JsonRpcMessage.Request request) {
          stop(from, request.id());
        }
      }
      default -> {
        if (call instanceof JsonRpcMessage.Request request) {
          from.respond(
              request.id(),
              Fault.of(FaultCode.METHOD_NOT_FOUND, "no such method: " + call.method()));
        }
      }
    }
  }

  @Override
  public void onClose(JsonRpcSession from, TransportException reason) {
    List<RunningCall> abandoned;
    boolean stopping;
    synchronized (lock) {
      if (session != from) {
        return;
      }
      session = null;
      wid = null;
      abandoned = new ArrayList<>(inflight.values());
      inflight.clear();
      stopping = draining;
    }
    // The master sends these calls to another worker; their answers could not arrive anyway.
    Fault lost = Fault.of(FaultCode.SERVICE_ERROR, "connection to the master lost");
    abandoned.forEach(call -> call.cancel(lost));
    if (stopping) {
      stopped.complete(null);
    } else {
      LOGGER.log(
          Level.WARNING,
          "worker of " + export.name() + ": " + reason.getMessage() + "; reconnecting");
      reconnectLater();
    }
  }

  private void connect() {
    JsonRpcSession.open(options.http(), options.webSocket(), options.codec(), this, CONNECT_TIMEOUT)
        .whenComplete(
            (opened, failure) -> {
              if (failure != null) {
                LOGGER.log(
                    Level.DEBUG,
                    "worker of " + export.name() + ": " + Failures.unwrap(failure).getMessage());
                reconnectLater();
                return;
              }
              synchronized (lock) {
                if (draining) {
                  opened.close();
                  return;
                }
                session = opened;
              }
              opened.startHeartbeat(options.heartbeat(), options.heartbeat().multipliedBy(3));
              register(opened);
            });
  }

  private void register(JsonRpcSession opened) {
    Map<String, Object> registration = new LinkedHashMap<>();
    registration.put("service", export.name());
    registration.put("groups", export.groups());
    registration.put("methods", export.descriptions());
    registration.put("host", options.host());
    registration.put("pid", options.pid());
    registration.put("concurrency", options.concurrency());
    opened
        .request(RpcRequest.of("worker.register", registration))
        .orTimeout(REGISTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                opened.abort("no answer to worker.register");
              } else if (response instanceof Fault fault) {
                LOGGER.log(
                    Level.ERROR,
                    "worker of " + export.name() + ": the master refused it: " + fault.message());
                firstRegistration.completeExceptionally(new FaultException(fault));
                abort();
              } else {
                String id = String.valueOf(((Success) response).value());
                synchronized (lock) {
                  wid = id;
                  backoff.reset();
                }
                LOGGER.log(Level.INFO, "worker of " + export.name() + " registered as " + id);
                firstRegistration.complete(id);
              }
            });
  }

  private void reconnectLater() {
    synchronized (lock) {
      if (draining) {
        stopped.complete(null);
        return;
      }
      reconnection =
          ClientThreads.TIMER.schedule(
              this::connect, backoff.nextDelay().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void invoke(JsonRpcSession from, JsonRpcMessage.Request request) {
    Map<?, ?> invocation = struct(request.params());
    if (invocation == null
        || !(invocation.get("method") instanceof String method)
        || !(invocation.get("params") == null || invocation.get("params") instanceof List)
        || !(invocation.get("timeout") == null || invocation.get("timeout") instanceof Number)) {
      from.respond(
          request.id(),
          Fault.of(
              FaultCode.INVALID_PARAMS,
              "worker.invoke takes {method: string, params: array, timeout: number}"));
      return;
    }
    List<@Nullable Object> params =
        invocation.get("params") instanceof List<?> list ? new ArrayList<>(list) : List.of();
    Duration timeout =
        invocation.get("timeout") instanceof Number seconds
            ? Duration.ofNanos((long) (seconds.doubleValue() * 1e9))
            : null;
    RunningCall call;
    synchronized (lock) {
      if (draining || session != from) {
        // Left unanswered: the master sends it to another worker when this session closes.
        return;
      }
      call = calls.start(method, params, timeout);
      inflight.put(request.id(), call);
    }
    call.response()
        .thenAccept(response -> answer(from, request.id(), response))
        .whenComplete((value, failure) -> finished(from, request.id()));
  }

  private static void answer(JsonRpcSession from, JsonRpcId id, RpcResponse response) {
    try {
      from.respond(id, response);
    } catch (IllegalArgumentException e) {
      from.respond(id, Fault.of(FaultCode.INTERNAL_ERROR, "result: " + e.getMessage()));
    }
  }

  private void finished(JsonRpcSession from, JsonRpcId id) {
    synchronized (lock) {
      if (inflight.remove(id) != null && draining && inflight.isEmpty() && session == from) {
        finishDrain(from);
      }
    }
  }

  private void cancel(JsonRpcMessage.Call call) {
    Map<?, ?> target = struct(call.params());
    JsonRpcId id = target == null ? null : idOf(target.get("id"));
    RunningCall running;
    synchronized (lock) {
      running = id == null ? null : inflight.get(id);
    }
    if (running != null) {
      running.cancel(Fault.of(FaultCode.CALL_TIMEOUT_ERROR, "cancelled by the master"));
    }
  }

  private void stop(JsonRpcSession from, JsonRpcId id) {
    synchronized (lock) {
      draining = true;
      stopRequest = id;
      if (inflight.isEmpty()) {
        finishDrain(from);
      }
    }
    LOGGER.log(Level.INFO, "worker of " + export.name() + ": stopped by the master");
  }

  /** Answers a pending worker.stop, then closes the session. Called with the lock held. */
  private void finishDrain(JsonRpcSession current) {
    JsonRpcId stop = stopRequest;
    stopRequest = null;
    CompletableFuture<Void> answered =
        stop == null
            ? CompletableFuture.completedFuture(null)
            : current.respond(stop, new Success(true));
    // The master reads a session's messages on a pool of threads and forgets the calls of a
    // session once it closes: a round trip after the last answers lets it take them in first.
    answered
        .thenCompose(written -> current.request(RpcRequest.of("master.ping")))
        .orTimeout(LAST_ROUND_TRIP.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((value, failure) -> current.close());
  }

  private static @Nullable Map<?, ?> struct(JsonRpcParams params) {
    if (params instanceof JsonRpcParams.Named named) {
      return named.values();
    }
    List<@Nullable Object> values = ((JsonRpcParams.Positional) params).values();
    return values.size() == 1 && values.get(0) instanceof Map<?, ?> map ? map : null;
  }

  private static @Nullable JsonRpcId idOf(@Nullable Object id) {
    if (id instanceof Integer || id instanceof Long) {
      return JsonRpcId.of(((Number) id).longValue());
    }
    return id instanceof String text ? JsonRpcId.of(text) : null;
  }
}
