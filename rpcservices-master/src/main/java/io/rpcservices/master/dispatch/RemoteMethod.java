package io.rpcservices.master.dispatch;

import io.rpcservices.master.CallContext;
import io.rpcservices.protocol.RpcResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** A method that runs somewhere else, such as on a worker of a pool. */
public interface RemoteMethod extends MethodInfo {
  /**
   * Calls the method with positional parameters. The future never fails: every error is a {@link
   * io.rpcservices.protocol.Fault}. Cancelling it abandons the call.
   */
  CompletableFuture<RpcResponse> call(List<@Nullable Object> params, CallContext context);
}
