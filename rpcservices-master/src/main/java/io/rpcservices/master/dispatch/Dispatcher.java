package io.rpcservices.master.dispatch;

import io.rpcservices.master.CallContext;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Routes calls to service methods: finds the overload by name and arity, converts the parameters
 * and turns what the method returns or throws into a response. A method that returns a {@link
 * java.util.concurrent.CompletionStage} is answered when the stage completes, holding no thread
 * meanwhile. A void method answers {@code true}, since XML-RPC has no empty result.
 *
 * <pre>{@code
 * ServiceRegistry registry = new ServiceRegistry(List.of(ServiceModel.of("math", math)));
 * Dispatcher dispatcher = new Dispatcher(registry);
 * dispatcher.dispatch(RpcRequest.of("math.add", 1, 2), context); // completes with Success(3)
 * }</pre>
 */
public final class Dispatcher {
  private static final System.Logger LOGGER = System.getLogger(Dispatcher.class.getName());

  private final ServiceRegistry registry;

  /** A dispatcher to the services of {@code registry}. */
  public Dispatcher(ServiceRegistry registry) {
    this.registry = registry;
  }

  /** The services this dispatcher calls. */
  public ServiceRegistry registry() {
    return registry;
  }

  /**
   * Calls the method {@code request} names. The future never fails: every error is a {@link Fault}.
   * Cancelling it cancels the service's own future, if the method returned one.
   */
  public CompletableFuture<RpcResponse> dispatch(RpcRequest request, CallContext context) {
    String name = request.method();
    MethodGroup group = registry.method(name).orElse(null);
    if (group == null) {
      return answer(Fault.of(FaultCode.METHOD_NOT_FOUND, "no such method: " + name));
    }
    int received = request.params().size();
    MethodModel method = group.overload(received);
    if (method == null) {
      return answer(Fault.of(FaultCode.INVALID_PARAMS, group.arityMismatch(received)));
    }
    Object[] arguments;
    try {
      arguments = method.arguments(request.params(), context);
    } catch (FaultException e) {
      return answer(e.fault());
    }
    CompletableFuture<@Nullable Object> call = method.invoke(arguments);
    CompletableFuture<RpcResponse> response =
        call.handle((value, error) -> error == null ? new Success(value) : toFault(name, error));
    response.whenComplete(
        (value, error) -> {
          if (response.isCancelled()) {
            call.cancel(false);
          }
        });
    return response;
  }

  /**
   * The fault for an exception thrown by {@code method}: a {@link FaultException}'s own fault, else
   * an InternalError whose details go to the log only.
   */
  public static Fault toFault(String method, Throwable error) {
    if (error instanceof FaultException e) {
      return e.fault();
    }
    LOGGER.log(Level.ERROR, "call to " + method + " failed", error);
    return Fault.of(FaultCode.INTERNAL_ERROR, "internal error");
  }

  private static CompletableFuture<RpcResponse> answer(RpcResponse response) {
    return CompletableFuture.completedFuture(response);
  }
}
