package io.rpcservices.client;

import io.rpcservices.client.internal.Transport;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Calls collected to be sent together: as one JSON-RPC batch when the client speaks JSON-RPC (over
 * HTTP or the WebSocket), as one {@code system.multicall} over XML-RPC. The results come back in
 * the order of the calls; a call answered with a fault has its {@link RemoteFaultException} in its
 * place instead of a value, and the others still count. A batch is built by one thread; build a new
 * one for each use.
 *
 * <pre>{@code
 * List<Object> results =
 *     client.batch().call("stack.push", "in", 1).call("stack.pop", "missing").execute();
 * // results: [1, StackNotFoundError]
 * }</pre>
 */
public final class Batch {
  private static final String MULTICALL = "system.multicall";

  private final RpcClient client;
  private final List<RpcRequest> calls = new ArrayList<>();

  Batch(RpcClient client) {
    this.client = client;
  }

  /** Adds a call of {@code method} with {@code args}; returns this batch. */
  public Batch call(String method, @Nullable Object... args) {
    calls.add(new RpcRequest(method, Arrays.asList(args)));
    return this;
  }

  /** The number of calls added. */
  public int size() {
    return calls.size();
  }

  /**
   * Sends the calls and returns one result per call: its value, or the {@link RemoteFaultException}
   * it was answered with.
   *
   * @throws TransportException if the batch fails on this side of the wire
   * @throws RpcTimeoutException if the deadline passes
   * @throws RemoteFaultException if the batch or multicall as a whole is answered with a fault
   */
  public List<@Nullable Object> execute() {
    return RpcClient.await(executeAsync());
  }

  /** Sends the calls without waiting; the future completes as {@link #execute()} returns. */
  public CompletableFuture<List<@Nullable Object>> executeAsync() {
    if (calls.isEmpty()) {
      return CompletableFuture.completedFuture(new ArrayList<>());
    }
    Transport transport = client.transport();
    if (transport.sendsBatches()) {
      CompletableFuture<List<RpcResponse>> exchange =
          transport.sendBatch(List.copyOf(calls), client.timeout());
      CompletableFuture<List<@Nullable Object>> results = exchange.thenApply(Batch::results);
      // A caller who cancels the results abandons the exchange.
      results.whenComplete((value, failure) -> exchange.cancel(true));
      return results;
    }
    List<Object> multicall = new ArrayList<>();
    for (RpcRequest call : calls) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("methodName", call.method());
      entry.put("params", new ArrayList<>(call.params()));
      multicall.add(entry);
    }
    int expected = calls.size();
    return client.send(
        client.timeout(), MULTICALL, List.of(multicall), v -> results(v, expected, client.url()));
  }

  private static List<@Nullable Object> results(List<RpcResponse> responses) {
    List<@Nullable Object> results = new ArrayList<>(responses.size());
    for (RpcResponse response : responses) {
      results.add(
          response instanceof Fault fault
              ? ExceptionFactory.create(fault)
              : ((Success) response).value());
    }
    return results;
  }

  private static List<@Nullable Object> results(@Nullable Object value, int expected, String url) {
    List<@Nullable Object> answers = Values.toArray(value, MULTICALL);
    if (answers.size() != expected) {
      throw new TransportException(
          MULTICALL
              + " at "
              + url
              + ": "
              + answers.size()
              + " results (expected: "
              + expected
              + ")");
    }
    List<@Nullable Object> results = new ArrayList<>(expected);
    for (Object answer : answers) {
      results.add(result(answer, url));
    }
    return results;
  }

  private static @Nullable Object result(@Nullable Object answer, String url) {
    if (answer instanceof List<?> wrapped && wrapped.size() == 1) {
      return wrapped.get(0);
    }
    if (answer instanceof Map<?, ?> fault
        && fault.get("faultCode") instanceof Integer code
        && fault.get("faultString") instanceof String message) {
      return ExceptionFactory.create(Fault.fromWire(code, message));
    }
    throw new TransportException(
        MULTICALL
            + " at "
            + url
            + ": invalid result (expected: [value] or {faultCode, faultString})");
  }
}
