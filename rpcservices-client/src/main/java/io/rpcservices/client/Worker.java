package io.rpcservices.client;

import io.rpcservices.client.internal.ServiceExport;
import io.rpcservices.client.internal.WorkerOptions;
import io.rpcservices.client.internal.WorkerSession;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.JsonRpcCodec;
import io.rpcservices.protocol.Limits;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A process that exports its own services through a master: any client may then call them over any
 * protocol, and the master spreads the calls over all the workers of a service. Each exported
 * service has its own WebSocket to the master's {@code /ws}, registers itself, runs up to {@link
 * Builder#concurrency} calls at once and reconnects when the master goes away.
 *
 * <pre>{@code
 * public static void main(String[] args) throws InterruptedException {
 *   Worker.connect("http://localhost:8000").export("math", new MathService(), "web-services").await();
 * }
 * }</pre>
 *
 * <p>Every public method of an exported object becomes {@code <service>.<method>}, with parameters
 * converted as the master's own services have them (numbers widen; {@code String}, {@code boolean},
 * {@code byte[]}, {@code LocalDateTime}, {@code Map}, {@code List}, {@code Object}); {@link
 * io.rpcservices.protocol.Help} gives the help text. A method that throws answers fault 402 {@code
 * RemoteError} with the exception's class, message and trace, except a {@link FaultException},
 * which answers its own fault. A call whose deadline passes is answered with {@code
 * CallTimeoutError} and its thread interrupted.
 *
 * <p>The worker stops when the master stops all its services ({@code mgt.kill}) or when it is
 * closed; either way calls in flight finish and are answered first. A JVM shutdown closes it too,
 * unless {@link Builder#shutdownHook(boolean)} turned that off.
 */
public final class Worker implements AutoCloseable {
  /** How many calls of each service run at once unless set: 16. */
  public static final int DEFAULT_CONCURRENCY = 16;

  private static final System.Logger LOGGER = System.getLogger(Worker.class.getName());

  private final WorkerOptions options;
  private final Duration drainTimeout;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final @Nullable Thread shutdownHook;
  // Guarded by this: the exported services by name, and whether the worker is closed.
  private final Map<String, WorkerSession> sessions = new LinkedHashMap<>();
  private boolean closed;

  private Worker(WorkerOptions options, Duration drainTimeout, boolean shutdownHook) {
    this.options = options;
    this.drainTimeout = drainTimeout;
    this.shutdownHook = shutdownHook ? new Thread(this::close, "rpcservices-worker-drain") : null;
    if (this.shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(this.shutdownHook);
    }
  }

  /** A worker of the master at {@code url}, such as {@code http://localhost:8000}. */
  public static Worker connect(String url) {
    return builder().url(url).build();
  }

  /** A builder for a worker with other settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Exports {@code service}'s public methods as {@code name.<method>} in {@code groups}, and
   * registers them with the master in the background; returns this worker.
   *
   * @throws IllegalArgumentException for a name that is not {@code [A-Za-z_][A-Za-z0-9_]*}, a
   *     built-in service's name, a name already exported, an object without public methods, a
   *     parameter type outside the value table or two overloads with as many parameters
   * @throws IllegalStateException if the worker is stopped
   */
  public Worker export(String name, Object service, String... groups) {
    ServiceExport export = ServiceExport.of(name, service, Arrays.asList(groups));
    WorkerSession session = new WorkerSession(export, options);
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("worker stopped: cannot export " + name);
      }
      if (sessions.containsKey(name)) {
        throw new IllegalArgumentException("service '" + name + "' is already exported");
      }
      sessions.put(name, session);
    }
    session.stopped().thenRun(this::stopIfAllStopped);
    session.start();
    return this;
  }

  /**
   * Waits until every exported service has registered with the master once.
   *
   * @return false if {@code timeout} passed first
   * @throws RemoteFaultException if the master refused a service
   */
  public boolean awaitRegistered(Duration timeout) throws InterruptedException {
    List<CompletableFuture<String>> registrations = new ArrayList<>();
    synchronized (this) {
      sessions.values().forEach(session -> registrations.add(session.firstRegistration()));
    }
    try {
      CompletableFuture.allOf(registrations.toArray(CompletableFuture[]::new))
          .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FaultException refused) {
        throw ExceptionFactory.create(refused.fault());
      }
      throw new TransportException("registration failed", e.getCause());
    }
  }

  /** The worker ids the master gave the services now registered, by service name. */
  public synchronized Map<String, String> workerIds() {
    Map<String, String> ids = new LinkedHashMap<>();
    sessions.forEach(
        (name, session) -> {
          String wid = session.wid();
          if (wid != null) {
            ids.put(name, wid);
          }
        });
    return ids;
  }

  /** Blocks until the worker is stopped: closed, or all its services killed by the master. */
  public void await() throws InterruptedException {
    stopped.await();
  }

  /**
   * Blocks until the worker is stopped or {@code timeout} passes.
   *
   * @return whether the worker is stopped
   */
  public boolean await(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Stops the worker: no service takes new calls, calls in flight finish and are answered (for up
   * to the drain timeout), then the connections close. Calls the master had sent but not started go
   * to other workers. Closing twice does nothing.
   */
  @Override
  public void close() {
    List<WorkerSession> draining;
    synchronized (this) {
      closed = true;
      draining = List.copyOf(sessions.values());
    }
    List<CompletableFuture<Void>> drained = new ArrayList<>();
    draining.forEach(session -> drained.add(session.drain()));
    try {
      CompletableFuture.allOf(drained.toArray(CompletableFuture[]::new))
          .get(drainTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOGGER.log(Level.WARNING, "worker: calls still running after " + drainTimeout + "; cut off");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    draining.forEach(WorkerSession::abort);
    stop();
  }

  @Override
  public String toString() {
    return "Worker[" + options.webSocket() + ", services=" + services() + "]";
  }

  private synchronized List<String> services() {
    return List.copyOf(sessions.keySet());
  }

  private void stopIfAllStopped() {
    synchronized (this) {
      for (WorkerSession session : sessions.values()) {
        if (!session.stopped().isDone()) {
          return;
        }
      }
      closed = true;
    }
    stop();
  }

  private void stop() {
    if (stopped.getCount() == 0) {
      return;
    }
    stopped.countDown();
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down already; the hook runs or has run.
      }
    }
  }

  /** Builds a {@link Worker}; only the URL is required. */
  public static final class Builder {
    private @Nullable String url;
    private int concurrency = DEFAULT_CONCURRENCY;
    private Duration heartbeat = Duration.ofSeconds(5);
    private Duration backoffInitial = Duration.ofMillis(100);
    private Duration backoffMax = Duration.ofSeconds(5);
    private Duration drainTimeout = Duration.ofSeconds(60);
    private boolean shutdownHook = true;
    private Limits limits = Limits.DEFAULT;

    Builder() {}

    /**
     * The master's URL: {@code http://host:port} or {@code ws://host:port/ws}; the worker connects
     * to the master's {@code /ws} either way.
     */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** How many calls of each service run at once, {@link #DEFAULT_CONCURRENCY} unless set. */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency: " + concurrency + " (expected: > 0)");
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * How often each connection pings the master, 5 s unless set; a connection that hears nothing
     * for three times as long is dropped and made again.
     */
    public Builder heartbeat(Duration heartbeat) {
      this.heartbeat = RpcClient.checkTimeout(heartbeat);
      return this;
    }

    /**
     * The wait before reconnecting to a master that went away: {@code initial} (0.1 s unless set),
     * doubling after each failed attempt up to {@code max} (5 s unless set), with jitter.
     */
    public Builder backoff(Duration initial, Duration max) {
      if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException(
            "backoff: " + initial + " to " + max + " (expected: 0 < initial <= max)");
      }
      this.backoffInitial = initial;
      this.backoffMax = max;
      return this;
    }

    /** How long {@link Worker#close()} lets calls in flight finish, 60 s unless set. */
    public Builder drainTimeout(Duration drainTimeout) {
      this.drainTimeout = RpcClient.checkTimeout(drainTimeout);
      return this;
    }

    /** Whether a JVM shutdown closes (drains) the worker; true unless set. */
    public Builder shutdownHook(boolean shutdownHook) {
      this.shutdownHook = shutdownHook;
      return this;
    }

    /** The limits the master's messages are held to, {@link Limits#DEFAULT} unless set. */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The worker. No connection is opened until a service is exported.
     *
     * @throws IllegalArgumentException if the URL is missing or not an http, https, ws or wss URL
     */
    public Worker build() {
      if (url == null) {
        throw new IllegalArgumentException("url: not set" + Endpoint.EXPECTED);
      }
      WorkerOptions options =
          new WorkerOptions(
              Endpoint.webSocketOf(Endpoint.of(url, null).uri()),
              sessionClient(),
              new JsonRpcCodec(limits),
              concurrency,
              heartbeat,
              backoffInitial,
              backoffMax,
              hostName(),
              ProcessHandle.current().pid());
      return new Worker(options, drainTimeout, shutdownHook);
    }

    /**
     * The HTTP client of the worker's WebSockets. Its executor runs tasks where they arise, so the
     * messages of the master are taken in on the client's selector thread rather than handed to
     * another thread each: a session's handler never blocks (service methods run on the service's
     * own threads), and a hand-off per message costs a busy worker more than its call.
     */
    private static HttpClient sessionClient() {
      return HttpClient.newBuilder().executor(Runnable::run).build();
    }

    private static String hostName() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "localhost";
      }
    }
  }
}
