package io.rpcservices.client;

import io.rpcservices.client.internal.Transport;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A connection to a master, safe to share between threads. Calls go out as XML-RPC or JSON-RPC over
 * a pool of keep-alive HTTP/1.1 connections, or as JSON-RPC over one shared WebSocket, as the URL
 * or {@link Builder#protocol} says (see {@link Builder#url}). Each call has a deadline for all of
 * it, {@link #timeout()} (30 s unless set); over HTTP the master learns it from the {@code
 * X-Rpc-Timeout} header, and the client waits a short grace past it for the master's {@link
 * CallTimeoutError}. A client is immutable: {@link #withTimeout} returns a client with another
 * deadline that shares the connections.
 *
 * <pre>{@code
 * RpcClient client = RpcClient.connect("http://127.0.0.1:8000");
 * Stack stack = client.stack().createStack("in");
 * stack.push(5);
 * Object top = stack.pop(Duration.ofSeconds(10));
 * long hits = client.call(Long.class, "storage.increment", "stats", "hits", 1);
 * MathApi math = client.create("math", MathApi.class);
 * }</pre>
 *
 * <p>A call answered with a fault throws a {@link RemoteFaultException} subclass named like the
 * fault, such as {@link StackIndexError}; a call that fails on this side throws a {@link
 * TransportException}, or an {@link RpcTimeoutException} when its deadline passes.
 */
public final class RpcClient implements AutoCloseable {
  /** The deadline of a call unless another is set: 30 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final Connections connections;
  // Shared by every copy made by withTimeout: an interface is parsed and checked once.
  private final ConcurrentMap<Class<?>, ServiceInterface> interfaces;
  private final Duration timeout;

  RpcClient(
      Connections connections,
      ConcurrentMap<Class<?>, ServiceInterface> interfaces,
      Duration timeout) {
    this.connections = connections;
    this.interfaces = interfaces;
    this.timeout = timeout;
  }

  /**
   * A client of the master at {@code url}: {@code http://127.0.0.1:8000} speaks XML-RPC, {@code
   * http://127.0.0.1:8000/jsonrpc} JSON-RPC, {@code ws://127.0.0.1:8000/ws} JSON-RPC over a
   * WebSocket.
   */
  public static RpcClient connect(String url) {
    return builder().url(url).build();
  }

  /** A builder for a client with other limits, deadline or executor. */
  public static Builder builder() {
    return new Builder();
  }

  /** The URL calls go to, such as {@code http://127.0.0.1:8000/RPC2}. */
  public String url() {
    return transport().endpoint().toString();
  }

  /** The protocol of the calls. */
  public Protocol protocol() {
    return connections.protocol();
  }

  /** The deadline of each call. */
  public Duration timeout() {
    return timeout;
  }

  /** The limits replies are held to. */
  public Limits limits() {
    return transport().limits();
  }

  /** A client like this one whose calls have {@code timeout} as their deadline. */
  public RpcClient withTimeout(Duration timeout) {
    return new RpcClient(connections, interfaces, checkTimeout(timeout));
  }

  /**
   * Calls {@code method} with {@code args} and returns its result, a value of DESIGN.md's table.
   *
   * @throws RemoteFaultException if the call is answered with a fault
   * @throws TransportException if the call fails on this side of the wire
   * @throws RpcTimeoutException if the deadline passes
   * @throws IllegalArgumentException if an argument is not of the value table
   */
  public @Nullable Object call(String method, @Nullable Object... args) {
    return await(callAsync(method, args));
  }

  /**
   * Calls {@code method} and returns its result as {@code resultType}: numbers widen ({@code int}
   * to {@code long} or {@code double}, a {@code long} in range to {@code int}), other types must
   * match.
   *
   * @throws ClassCastException if the result is not of {@code resultType}, or nil for a primitive
   */
  public <T> @Nullable T call(Class<T> resultType, String method, @Nullable Object... args) {
    return await(callAsync(resultType, method, args));
  }

  /**
   * Sends a call without waiting for it: the future completes with the result, or exceptionally
   * with the exceptions {@link #call(String, Object...)} throws. Cancelling it aborts the call.
   */
  public CompletableFuture<@Nullable Object> callAsync(String method, @Nullable Object... args) {
    return send(timeout, method, Arrays.asList(args), Function.identity());
  }

  /** Sends a call without waiting for it, with a result of {@code resultType}. */
  public <T> CompletableFuture<@Nullable T> callAsync(
      Class<T> resultType, String method, @Nullable Object... args) {
    return send(
        timeout, method, Arrays.asList(args), value -> Values.convert(value, resultType, method));
  }

  /** The stack service: named LIFO stacks. */
  public Stacks stack() {
    return new Stacks(this);
  }

  /** The storage service: named key/value stores. */
  public Storages storage() {
    return new Storages(this);
  }

  /** The provider service: the registry of clients and their messages. */
  public Providers provider() {
    return new Providers(this);
  }

  /** The events service: publishing, and subscribing listeners to subjects. */
  public Events events() {
    return new Events(this);
  }

  /**
   * A proxy that calls {@code service}'s methods through {@code api}: a call of {@code
   * api.multiply(2, 3)} becomes {@code math.multiply(2, 3)} on the wire. Methods may return a value
   * type, {@code void}, or a {@code CompletableFuture} of one for an asynchronous call; a method
   * annotated with {@link RpcMethod} uses that name on the wire.
   *
   * <pre>{@code
   * interface MathApi {
   *   int multiply(int x, int y);
   *   CompletableFuture<Double> divide(double x, double y);
   * }
   * MathApi math = client.create("math", MathApi.class);
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code api} is not an interface or one of its methods
   *     cannot be called this way; the message names the method
   */
  public <T> T create(String service, Class<T> api) {
    if (service.isEmpty()) {
      throw new IllegalArgumentException("service: '' (expected: a service name)");
    }
    ServiceInterface model = interfaces.computeIfAbsent(api, ServiceInterface::parse);
    return model.newProxy(this, service, api);
  }

  /**
   * A proxy for {@code api}, which names its service with {@link RpcService}.
   *
   * @throws IllegalArgumentException if {@code api} has no {@link RpcService} annotation, or as for
   *     {@link #create(String, Class)}
   */
  public <T> T create(Class<T> api) {
    RpcService service = api.getAnnotation(RpcService.class);
    if (service == null) {
      throw new IllegalArgumentException(
          api.getName() + ": no @RpcService annotation (expected: one, or create(service, api))");
    }
    return create(service.value(), api);
  }

  /**
   * A new batch of calls sent together: as one JSON-RPC batch over JSON-RPC and the WebSocket, as
   * one {@code system.multicall} over XML-RPC.
   */
  public Batch batch() {
    return new Batch(this);
  }

  /**
   * Closes the connections of this client and of every client derived from it: the WebSocket, if
   * one is open, and its event subscriptions. Calls sent afterwards over a WebSocket fail; HTTP
   * connections close by themselves once idle.
   */
  @Override
  public void close() {
    connections.close();
  }

  @Override
  public String toString() {
    return "RpcClient[" + url() + ", timeout=" + timeout + "]";
  }

  Transport transport() {
    return connections.calls();
  }

  Connections connections() {
    return connections;
  }

  /** Sends a call with {@code timeout} as its deadline and converts its result. */
  <T> CompletableFuture<T> send(
      Duration timeout,
      String method,
      List<@Nullable Object> params,
      Function<@Nullable Object, T> convert) {
    return sendVia(transport(), timeout, method, params, convert);
  }

  /** Sends a call over {@code transport} with {@code timeout} as its deadline. */
  static <T> CompletableFuture<T> sendVia(
      Transport transport,
      Duration timeout,
      String method,
      List<@Nullable Object> params,
      Function<@Nullable Object, T> convert) {
    CompletableFuture<RpcResponse> exchange =
        transport.send(new RpcRequest(method, params), timeout);
    CompletableFuture<T> result = new CompletableFuture<>();
    exchange.whenComplete(
        (response, failure) -> {
          if (failure != null) {
            result.completeExceptionally(failure);
            return;
          }
          try {
            result.complete(convert.apply(valueOf(response)));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    // A caller who cancels the result aborts the exchange.
    result.whenComplete((value, failure) -> exchange.cancel(true));
    return result;
  }

  /** Sends a call with the deadline extended by {@code wait}, the time the master may wait. */
  <T> T invokeWaiting(
      Duration wait,
      String method,
      Function<@Nullable Object, T> convert,
      @Nullable Object... args) {
    return await(send(timeout.plus(wait), method, Arrays.asList(args), convert));
  }

  /** Calls {@code method} with this client's deadline and converts its result. */
  <T> T invoke(String method, Function<@Nullable Object, T> convert, @Nullable Object... args) {
    return await(send(timeout, method, Arrays.asList(args), convert));
  }

  /** The value of a successful response; a fault is thrown as its exception. */
  static @Nullable Object valueOf(RpcResponse response) {
    if (response instanceof Fault fault) {
      throw ExceptionFactory.create(fault);
    }
    return ((Success) response).value();
  }

  /**
   * Waits for {@code future} and throws its failure as it was raised. An interrupted caller gets a
   * TransportException and keeps its interrupt, even when the answer is already there.
   */
  static <T> T await(CompletableFuture<T> future) {
    try {
      // CompletableFuture.get would return an answer that arrives while it notices the interrupt.
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new TransportException("call failed", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting for an answer", e);
    }
  }

  static Duration checkTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
    }
    return timeout;
  }

  /** Builds an {@link RpcClient}; only the URL is required. */
  public static final class Builder {
    private @Nullable String url;
    private @Nullable Protocol protocol;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Limits limits = Limits.DEFAULT;
    private @Nullable Executor executor;

    Builder() {}

    /**
     * The master's URL. {@code http://host:port} posts XML-RPC to {@code /RPC2}; a URL with a path,
     * such as {@code http://host:port/groups/crawler/RPC2}, posts there, JSON-RPC if the path ends
     * in {@code /jsonrpc}; {@code ws://host:port/ws} speaks JSON-RPC over a WebSocket. A protocol
     * set with {@link #protocol} overrides what the URL implies, and a URL without a path then goes
     * to that protocol's {@link Protocol#defaultPath()}.
     */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The protocol of the calls, instead of the one the URL implies. */
    public Builder protocol(Protocol protocol) {
      this.protocol = Objects.requireNonNull(protocol, "protocol");
      return this;
    }

    /** The deadline of each call, {@link #DEFAULT_TIMEOUT} unless set. */
    public Builder timeout(Duration timeout) {
      this.timeout = checkTimeout(timeout);
      return this;
    }

    /** The limits replies are held to, {@link Limits#DEFAULT} unless set. */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The executor that completes asynchronous calls, the HTTP client's own unless set. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The client. No connection is opened until the first call.
     *
     * @throws IllegalArgumentException if the URL is missing, is not an http, https, ws or wss URL,
     *     or is a WebSocket URL for an HTTP protocol
     */
    public RpcClient build() {
      if (url == null) {
        throw new IllegalArgumentException("url: not set" + Endpoint.EXPECTED);
      }
      Endpoint endpoint = Endpoint.of(url, protocol);
      return new RpcClient(
          new Connections(endpoint, limits, executor), new ConcurrentHashMap<>(), timeout);
    }
  }
}
