package io.rpcservices.master.system;

import io.rpcservices.master.CallContext;
import io.rpcservices.master.dispatch.Dispatcher;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One {@code system.multicall}: runs its calls one after the other, each when the previous one has
 * completed, without holding a thread while a call waits.
 */
final class Multicall {
  private static final String NAME = "system.multicall";

  private final Dispatcher dispatcher;
  private final CallContext context;
  private final List<@Nullable Object> calls;
  private final List<@Nullable Object> results;
  private final CompletableFuture<List<@Nullable Object>> done = new CompletableFuture<>();
  // Written before a call starts, read when the multicall is cancelled; both happen in order.
  private volatile CompletableFuture<RpcResponse> current = CompletableFuture.completedFuture(null);

  Multicall(Dispatcher dispatcher, CallContext context, List<@Nullable Object> calls) {
    this.dispatcher = dispatcher;
    this.context = context;
    this.calls = calls;
    this.results = new ArrayList<>(calls.size());
  }

  /** Starts the calls; the future completes with all results, cancelling it cancels the rest. */
  CompletableFuture<List<@Nullable Object>> start() {
    done.whenComplete(
        (value, error) -> {
          if (done.isCancelled()) {
            current.cancel(false);
          }
        });
    next();
    return done;
  }

  private void next() {
    // Loops over calls that complete at once; a pending call resumes the loop when it completes.
    while (results.size() < calls.size()) {
      if (done.isDone()) {
        return;
      }
      CompletableFuture<RpcResponse> call = call(calls.get(results.size()));
      current = call;
      if (!call.isDone()) {
        call.thenAccept(
            response -> {
              results.add(entry(response));
              next();
            });
        return;
      }
      results.add(entry(call.join()));
    }
    done.complete(results);
  }

  private CompletableFuture<RpcResponse> call(@Nullable Object call) {
    int position = results.size() + 1;
    if (!(call instanceof Map<?, ?> struct)
        || !(struct.get("methodName") instanceof String method)
        || !(struct.get("params") instanceof List<?> params)) {
      return fault(
          FaultCode.INVALID_REQUEST,
          NAME + " entry " + position + ": expected a struct with methodName and params");
    }
    if (method.equals(NAME)) {
      return fault(FaultCode.INVALID_REQUEST, NAME + " entry " + position + ": cannot be nested");
    }
    return dispatcher.dispatch(new RpcRequest(method, new ArrayList<Object>(params)), context);
  }

  private static CompletableFuture<RpcResponse> fault(FaultCode code, String detail) {
    return CompletableFuture.completedFuture(Fault.of(code, detail));
  }

  private static @Nullable Object entry(RpcResponse response) {
    if (response instanceof Success success) {
      return Collections.singletonList(success.value());
    }
    Fault fault = (Fault) response;
    Map<String, Object> struct = new LinkedHashMap<>();
    struct.put("faultCode", fault.code());
    struct.put("faultString", fault.message());
    return struct;
  }
}
