package io.rpcservices.master.worker;

import io.rpcservices.master.Master;
import io.rpcservices.master.WsPeer;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.JsonRpcId;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.JsonRpcParams;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A worker written directly against the worker protocol of docs/REMOTE-SERVICES.md, over a
 * java.net.http WebSocket: registers a service, answers {@code worker.invoke} with a behaviour the
 * test chooses, records {@code worker.cancel}, and drains on {@code worker.stop}.
 */
final class TestWorker implements AutoCloseable {
  /** One {@code worker.invoke} as received. */
  record Invocation(JsonRpcId id, String method, List<@Nullable Object> params, double timeout) {}

  final BlockingQueue<Invocation> invocations = new LinkedBlockingQueue<>();
  final BlockingQueue<Long> cancels = new LinkedBlockingQueue<>();
  final CompletableFuture<JsonRpcId> stopRequested = new CompletableFuture<>();

  /** Calls held by {@link #holding()}, in arrival order, to be answered by the test. */
  final BlockingQueue<CompletableFuture<RpcResponse>> held = new LinkedBlockingQueue<>();

  private final WsPeer peer;
  private final Map<JsonRpcId, CompletableFuture<RpcResponse>> running = new ConcurrentHashMap<>();
  private final Map<JsonRpcId, CompletableFuture<Void>> replies = new ConcurrentHashMap<>();
  private volatile Function<Invocation, CompletableFuture<RpcResponse>> behaviour =
      TestWorker::math;

  private TestWorker(WsPeer peer) {
    this.peer = peer;
    peer.onCall(this::serve);
  }

  /** Connects to {@code master}'s {@code /ws}. */
  static TestWorker connect(Master master) {
    return new TestWorker(WsPeer.connect(master));
  }

  /** Connects and registers {@code service} in {@code groups}, taking one call at a time. */
  static TestWorker register(Master master, String service, String... groups) {
    TestWorker worker = connect(master);
    worker.register(service, List.of(groups), 1);
    return worker;
  }

  /** Registers the math methods as {@code service}; returns the wid. */
  String register(String service, List<String> groups, int concurrency) {
    RpcResponse response = peer.call("worker.register", registration(service, groups, concurrency));
    if (!(response instanceof Success success)) {
      throw new AssertionError("registration refused: " + response);
    }
    return (String) success.value();
  }

  /** The registration struct this worker sends. */
  static Map<String, Object> registration(String service, List<String> groups, int concurrency) {
    Map<String, Object> registration = new LinkedHashMap<>();
    registration.put("service", service);
    registration.put("groups", groups);
    registration.put(
        "methods",
        List.of(
            method("multiply", "Multiplies two integers.", "int", "int", "int"),
            method("fail", "Throws IllegalArgumentException(message).", "int", "string"),
            method("hold", "Answers when the test says so.", "int")));
    registration.put("host", "worker-host");
    registration.put("pid", 4242);
    registration.put("concurrency", concurrency);
    return registration;
  }

  /** Answers every call from now on with {@code behaviour}. */
  void behave(Function<Invocation, CompletableFuture<RpcResponse>> behaviour) {
    this.behaviour = behaviour;
  }

  /** A behaviour that holds every call until the test completes its future in {@link #held}. */
  Function<Invocation, CompletableFuture<RpcResponse>> holding() {
    return invocation -> {
      CompletableFuture<RpcResponse> answer = new CompletableFuture<>();
      held.add(answer);
      return answer;
    };
  }

  /** The next invocation, waiting up to ten seconds. */
  Invocation nextInvocation() throws InterruptedException {
    Invocation invocation = invocations.poll(10, TimeUnit.SECONDS);
    if (invocation == null) {
      throw new AssertionError("no invocation within 10 s");
    }
    return invocation;
  }

  /** The next held call, waiting up to ten seconds. */
  CompletableFuture<RpcResponse> nextHeld() throws InterruptedException {
    CompletableFuture<RpcResponse> answer = held.poll(10, TimeUnit.SECONDS);
    if (answer == null) {
      throw new AssertionError("no held call within 10 s");
    }
    return answer;
  }

  /** The peer, to make calls of its own or watch it close. */
  WsPeer peer() {
    return peer;
  }

  /** Drops the connection as a killed process would. */
  void abort() {
    peer.abort();
  }

  @Override
  public void close() {
    peer.close();
  }

  private void serve(JsonRpcMessage.Call call) {
    Map<?, ?> argument = argument(call);
    switch (call.method()) {
      case "worker.invoke":
        invoke((JsonRpcMessage.Request) call, argument);
        break;
      case "worker.cancel":
        long id = ((Number) argument.get("id")).longValue();
        cancels.add(id);
        CompletableFuture<RpcResponse> cancelled = running.get(JsonRpcId.of(id));
        if (cancelled != null) {
          cancelled.complete(Fault.fromWire(401, "CallTimeoutError: cancelled"));
        }
        break;
      case "worker.stop":
        JsonRpcId stopId = ((JsonRpcMessage.Request) call).id();
        stopRequested.complete(stopId);
        // Drains: answers the stop, and disconnects, once every call's answer has been sent.
        CompletableFuture.allOf(replies.values().toArray(CompletableFuture<?>[]::new))
            .thenRun(
                () -> {
                  peer.send(new JsonRpcMessage.Response(stopId, new Success(true)));
                  peer.close();
                });
        break;
      default:
        throw new AssertionError("unexpected call from the master: " + call);
    }
  }

  private void invoke(JsonRpcMessage.Request request, Map<?, ?> argument) {
    @SuppressWarnings("unchecked")
    List<@Nullable Object> params = new ArrayList<>((List<Object>) argument.get("params"));
    Invocation invocation =
        new Invocation(
            request.id(),
            (String) argument.get("method"),
            params,
            ((Number) argument.get("timeout")).doubleValue());
    invocations.add(invocation);
    CompletableFuture<RpcResponse> answer = behaviour.apply(invocation);
    running.put(request.id(), answer);
    CompletableFuture<Void> reply = new CompletableFuture<>();
    replies.put(request.id(), reply);
    answer.thenAccept(
        response -> {
          running.remove(request.id());
          peer.send(new JsonRpcMessage.Response(request.id(), response));
          replies.remove(request.id());
          reply.complete(null);
        });
  }

  private static Map<?, ?> argument(JsonRpcMessage.Call call) {
    List<Object> params = ((JsonRpcParams.Positional) call.params()).values();
    return params.isEmpty() ? Map.of() : (Map<?, ?>) params.get(0);
  }

  /** The math service: multiply, fail (as a Java worker reports an exception) and hold. */
  private static CompletableFuture<RpcResponse> math(Invocation invocation) {
    switch (invocation.method()) {
      case "multiply":
        int product = (Integer) invocation.params().get(0) * (Integer) invocation.params().get(1);
        return CompletableFuture.completedFuture(new Success(product));
      case "fail":
        return CompletableFuture.completedFuture(remoteError((String) invocation.params().get(0)));
      case "hold":
        return new CompletableFuture<>();
      default:
        return CompletableFuture.completedFuture(
            Fault.fromWire(-32601, "MethodNotFound: no such method: " + invocation.method()));
    }
  }

  /** The error a Java worker sends for a method that threw IllegalArgumentException. */
  static Fault remoteError(String message) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "RemoteError");
    data.put("exception", "java.lang.IllegalArgumentException");
    data.put("message", message);
    data.put("trace", "java.lang.IllegalArgumentException: " + message + "\n\tat Math.fail");
    return new Fault(402, "RemoteError: java.lang.IllegalArgumentException: " + message, data);
  }

  private static Map<String, Object> method(String name, String help, String... signature) {
    Map<String, Object> method = new LinkedHashMap<>();
    method.put("name", name);
    method.put("signature", List.of(List.of(signature)));
    method.put("help", help);
    return method;
  }
}
