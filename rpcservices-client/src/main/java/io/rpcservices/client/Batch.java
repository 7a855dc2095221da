package io.rpcservices.client;

import io.rpcservices.protocol.Fault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Calls collected to be sent together as one {@code system.multicall}. The results come back in the
 * order of the calls; a call answered with a fault has its {@link RemoteFaultException} in its
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
  private final List<Map<String, Object>> calls = new ArrayList<>();

  Batch(RpcClient client) {
    this.client = client;
  }

  /** Adds a call of {@code method} with {@code args}; returns this batch. */
  public Batch call(String method, @Nullable Object... args) {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("methodName", method);
    call.put("params", new ArrayList<>(Arrays.asList(args)));
    calls.add(call);
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
   * @throws RemoteFaultException if the multicall itself is answered with a fault
   */
  public List<@Nullable Object> execute() {
    return RpcClient.await(executeAsync());
  }

  /** Sends the calls without waiting; the future completes as {@link #execute()} returns. */
  public CompletableFuture<List<@Nullable Object>> executeAsync() {
    if (calls.isEmpty()) {
      return CompletableFuture.completedFuture(new ArrayList<>());
    }
    int expected = calls.size();
    return client.send(
        client.timeout(),
        MULTICALL,
        List.of(new ArrayList<>(calls)),
        v -> results(v, expected, client.url()));
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
