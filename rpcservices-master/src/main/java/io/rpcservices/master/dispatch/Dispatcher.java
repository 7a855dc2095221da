package io.rpcservices.master.dispatch;

import io.rpcservices.master.CallContext;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Routes calls to service methods: finds the overload by name and arity (or by parameter names),
 * converts the parameters and turns what the method returns or throws into a response. A method
 * that returns a {@link java.util.concurrent.CompletionStage} is answered when the stage completes,
 * holding no thread meanwhile. A void method answers {@code true}, since XML-RPC has no empty
 * result. A method that no local service has goes to the registry's remote services. A call through
 * a group gateway ({@link CallContext#group()}) reaches only what that gateway shows.
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
  private final Supplier<? extends CompletionStage<Void>> durable;

  /** A dispatcher to the services of {@code registry}. */
  public Dispatcher(ServiceRegistry registry) {
    this(registry, () -> CompletableFuture.completedFuture(null));
  }

  /**
   * A dispatcher to the services of {@code registry} that answers a call to a local service only
   * once the stage {@code durable} gives after the method returned has completed: the master passes
   * {@link io.rpcservices.master.store.StateStore#durable()}, so that no answer leaves before the
   * mutations it acknowledges are durable.
   */
  public Dispatcher(ServiceRegistry registry, Supplier<? extends CompletionStage<Void>> durable) {
    this.registry = registry;
    this.durable = durable;
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
    MethodGroup group = registry.method(name, context.group()).orElse(null);
    if (group == null) {
      return dispatchRemote(name, request.params(), context);
    }
    int received = request.params().size();
    MethodModel method = group.overload(received);
    if (method == null) {
      return answer(Fault.of(FaultCode.INVALID_PARAMS, group.arityMismatch(received)));
    }
    return invoke(method, request.params(), context);
  }

  /**
   * Whether a call of {@code name} runs without blocking the thread that starts it, so that an
   * event loop may dispatch it: true for the methods of workers, which the master only routes, and
   * for names that nothing serves, which are answered at once. A local service's method may block.
   */
  public boolean neverBlocks(String name, CallContext context) {
    return registry.method(name, context.group()).isEmpty();
  }

  /**
   * Calls {@code name} with parameters by name, as JSON-RPC allows: the overload whose Java
   * parameter names (compiled with {@code -parameters}) are exactly the given ones. Remote methods
   * take positional parameters only.
   */
  public CompletableFuture<RpcResponse> dispatchNamed(
      String name, Map<String, @Nullable Object> params, CallContext context) {
    MethodGroup group = registry.method(name, context.group()).orElse(null);
    if (group == null) {
      if (registry.remoteMethod(name, context.group()).isPresent()) {
        return answer(
            Fault.of(
                FaultCode.INVALID_PARAMS,
                name + " takes positional parameters only (it is a remote method)"));
      }
      return notFound(name);
    }
    MethodModel method = group.overload(params.keySet());
    if (method == null) {
      return answer(Fault.of(FaultCode.INVALID_PARAMS, group.namesMismatch(params.keySet())));
    }
    return invoke(method, method.positional(params), context);
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

  private CompletableFuture<RpcResponse> dispatchRemote(
      String name, List<@Nullable Object> params, CallContext context) {
    RemoteMethod remote = registry.remoteMethod(name, context.group()).orElse(null);
    if (remote == null) {
      return notFound(name);
    }
    try {
      return remote.call(params, context);
    } catch (RuntimeException e) {
      return answer(toFault(name, e));
    }
  }

  private CompletableFuture<RpcResponse> invoke(
      MethodModel method, List<@Nullable Object> params, CallContext context) {
    Object[] arguments;
    try {
      arguments = method.arguments(params, context);
    } catch (FaultException e) {
      return answer(e.fault());
    }
    CompletableFuture<@Nullable Object> call = method.invoke(arguments);
    CompletableFuture<RpcResponse> response =
        call.handle(
                (value, error) ->
                    error == null ? new Success(value) : toFault(method.name(), error))
            .thenCompose(answer -> whenDurable(method.name(), answer));
    response.whenComplete(
        (value, error) -> {
          if (response.isCancelled()) {
            call.cancel(false);
          }
        });
    return response;
  }

  /** {@code answer} once what the call changed is durable; InternalError if that failed. */
  private CompletionStage<RpcResponse> whenDurable(String name, RpcResponse answer) {
    return durable.get().handle((done, error) -> error == null ? answer : toFault(name, error));
  }

  private static CompletableFuture<RpcResponse> notFound(String name) {
    return answer(Fault.of(FaultCode.METHOD_NOT_FOUND, "no such method: " + name));
  }

  private static CompletableFuture<RpcResponse> answer(RpcResponse response) {
    return CompletableFuture.completedFuture(response);
  }
}
