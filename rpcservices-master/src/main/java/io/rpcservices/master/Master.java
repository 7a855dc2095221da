package io.rpcservices.master;

import io.rpcservices.master.dispatch.Dispatcher;
import io.rpcservices.master.dispatch.ServiceModel;
import io.rpcservices.master.dispatch.ServiceRegistry;
import io.rpcservices.master.events.EventsService;
import io.rpcservices.master.http.MasterServer;
import io.rpcservices.master.http.ServerOptions;
import io.rpcservices.master.service.BuiltInServices;
import io.rpcservices.master.service.provider.ProviderService;
import io.rpcservices.master.store.InMemoryStateStore;
import io.rpcservices.master.store.StateStore;
import io.rpcservices.master.system.MasterService;
import io.rpcservices.master.system.SystemService;
import io.rpcservices.master.worker.MgtService;
import io.rpcservices.master.worker.WorkerPools;
import io.rpcservices.master.worker.WorkerService;
import io.rpcservices.protocol.Limits;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A master process: hosts services and serves them on {@code /RPC2} and {@code /} (XML-RPC), {@code
 * /jsonrpc} (JSON-RPC 2.0), the WebSocket {@code /ws} (JSON-RPC 2.0 both ways) and {@code GET
 * /health}.
 *
 * <p>Every public method of a registered service object (declared on its class or on public
 * superclasses and interfaces, except those of {@link Object}) is callable as {@code
 * <name>.<method>}; overloads are told apart by their number of parameters. Parameters are
 * converted by the value table of DESIGN.md, widening numbers; a {@link CallContext} parameter is
 * filled in by the master. A method may return a {@link java.util.concurrent.CompletionStage}: the
 * call is answered when it completes. A void method answers {@code true}. A {@link
 * io.rpcservices.protocol.FaultException} thrown by a method answers with its fault; any other
 * exception answers {@code InternalError} and is logged. Every master also has the built-in
 * services ({@code stack}, {@code storage}, {@code provider}), {@code system.*}, {@code master.*},
 * {@code events.*} (publish/subscribe), and the worker pools with {@code worker.register} and
 * {@code mgt.*}: processes that register over {@code /ws} serve their own services through the
 * master ({@code docs/REMOTE-SERVICES.md}). Group gateways {@code /groups/<group>/RPC2} and {@code
 * /groups/<group>/jsonrpc} serve only the services of one group.
 *
 * <pre>{@code
 * Master master = Master.builder().port(8000).service("math", new MathService()).build().start();
 * Runtime.getRuntime().addShutdownHook(new Thread(master::close));
 * master.awaitClose();
 * }</pre>
 */
public final class Master implements AutoCloseable {
  private static final System.Logger LOGGER = System.getLogger(Master.class.getName());
  private static final Set<String> RESERVED = Set.of("system", "master", "worker", "mgt", "events");
  private static final int CALL_THREADS = 256;

  private final String host;
  private final int port;
  private final Duration idleTimeout;
  private final Duration callTimeout;
  private final Duration heartbeatTimeout;
  private final Limits limits;
  private final StateStore stateStore;
  private final ScheduledExecutorService scheduler;
  private final Dispatcher dispatcher;
  private final ExecutorService callExecutor = newCallExecutor();
  private final CountDownLatch closed = new CountDownLatch(1);
  private @Nullable MasterServer server;
  private @Nullable InetSocketAddress address;
  private boolean started;
  private boolean closing;

  private Master(Builder builder, ScheduledExecutorService scheduler, Dispatcher dispatcher) {
    this.host = builder.host;
    this.port = builder.port;
    this.idleTimeout = builder.idleTimeout;
    this.callTimeout = builder.callTimeout;
    this.heartbeatTimeout = builder.heartbeatTimeout;
    this.limits = builder.limits;
    this.stateStore = builder.stateStore;
    this.scheduler = scheduler;
    this.dispatcher = dispatcher;
  }

  /** A builder with the defaults of DESIGN.md: 127.0.0.1:8000, in-memory state. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving; returns this master.
   *
   * @throws java.io.UncheckedIOException if the port cannot be bound, such as {@code cannot bind
   *     127.0.0.1:8000: Address already in use}; the master is closed then
   * @throws IllegalStateException if the master was started or closed before
   */
  public synchronized Master start() {
    if (started || closing) {
      throw new IllegalStateException(closing ? "master is closed" : "master already started");
    }
    started = true;
    ServerOptions options =
        new ServerOptions(host, port, idleTimeout, callTimeout, heartbeatTimeout, limits);
    MasterServer newServer = new MasterServer(options, dispatcher, callExecutor);
    server = newServer;
    try {
      address = newServer.start();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    LOGGER.log(Level.INFO, "rpcservices master listening on " + url());
    return this;
  }

  /**
   * The port the master listens on (the bound one when built with port 0).
   *
   * @throws IllegalStateException if the master has not been started
   */
  public synchronized int port() {
    return boundAddress().getPort();
  }

  /**
   * The base URL, such as {@code http://127.0.0.1:8000}.
   *
   * @throws IllegalStateException if the master has not been started
   */
  public synchronized String url() {
    String literal = boundAddress().getAddress().getHostAddress();
    String urlHost = literal.contains(":") ? "[" + literal + "]" : literal;
    return "http://" + urlHost + ":" + port();
  }

  /**
   * Stops taking connections, closes the open ones, stops the call threads and the scheduler and
   * closes the state store. Calling it again does nothing.
   */
  @Override
  public void close() {
    MasterServer toClose;
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
      toClose = server;
    }
    try {
      if (toClose != null) {
        toClose.close();
      }
      callExecutor.shutdownNow();
      scheduler.shutdownNow();
      stateStore.close();
    } finally {
      closed.countDown();
    }
  }

  /** Blocks until {@link #close()} has finished, for example from a shutdown hook. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  private InetSocketAddress boundAddress() {
    if (address == null) {
      throw new IllegalStateException("master not started");
    }
    return address;
  }

  /** Builds a {@link Master}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8000;
    private Duration clientTimeout = Duration.ofSeconds(600);
    private StateStore stateStore = new InMemoryStateStore();
    private Limits limits = Limits.DEFAULT;
    private Duration idleTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ofSeconds(30);
    private Duration heartbeatTimeout = Duration.ofSeconds(15);
    private final Map<String, ServiceModel> services = new LinkedHashMap<>();

    Builder() {}

    /** The address to bind, {@code 127.0.0.1} by default. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port to bind, 8000 by default; 0 picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
      }
      this.port = port;
      return this;
    }

    /**
     * Registers {@code service}'s public methods as {@code name.<method>}.
     *
     * @throws IllegalArgumentException for an invalid or taken name ({@code system} and {@code
     *     master} are), a service without public methods, a parameter type outside the value table
     *     or two overloads taking the same number of parameters
     */
    public Builder service(String name, Object service) {
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException("service name is reserved: " + name);
      }
      add(services, name, service);
      return this;
    }

    /** How long a provider client may go without a visit, 600 s by default. */
    public Builder clientTimeout(Duration clientTimeout) {
      this.clientTimeout = requirePositive("clientTimeout", clientTimeout);
      return this;
    }

    /** Where the built-in services keep their state, in memory by default; the master closes it. */
    public Builder stateStore(StateStore stateStore) {
      this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
      return this;
    }

    /** Limits on request bodies, nesting, element counts and strings. */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** How long a connection may stay idle or stall mid-request before it is closed, 60 s. */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = requirePositive("idleTimeout", idleTimeout);
      return this;
    }

    /**
     * The deadline of a call that does not send {@code X-Rpc-Timeout}, and of calls over the
     * WebSocket, 30 s by default. Calls to remote services fail with fault 401 when it passes.
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = requirePositive("callTimeout", callTimeout);
      return this;
    }

    /**
     * How long a WebSocket session may send nothing before it is closed, 15 s by default; a session
     * silent for a third of it is pinged.
     */
    public Builder heartbeatTimeout(Duration heartbeatTimeout) {
      this.heartbeatTimeout = requirePositive("heartbeatTimeout", heartbeatTimeout);
      return this;
    }

    /**
     * The master, not yet started, with the registered services plus the built-in ones.
     *
     * @throws IllegalArgumentException if a registered service takes the name of a built-in one
     */
    public Master build() {
      ScheduledThreadPoolExecutor scheduler = newScheduler();
      try {
        Map<String, ServiceModel> all = new LinkedHashMap<>(services);
        Map<String, Object> builtIns = BuiltInServices.create(stateStore, clientTimeout, scheduler);
        builtIns.forEach((name, service) -> add(all, name, service));
        Set<String> localNames = new HashSet<>(all.keySet());
        localNames.addAll(RESERVED);
        WorkerPools pools = new WorkerPools(localNames, scheduler);
        add(all, "worker", new WorkerService(pools));
        add(all, "mgt", new MgtService(pools));
        add(all, "events", new EventsService((ProviderService) builtIns.get("provider")));
        // The system and master services report on the dispatcher, which must know them first.
        CompletableFuture<Dispatcher> dispatcher = new CompletableFuture<>();
        add(all, "system", new SystemService(dispatcher::join));
        add(all, "master", new MasterService(dispatcher::join, stateStore));
        dispatcher.complete(
            new Dispatcher(new ServiceRegistry(all.values(), pools), stateStore::durable));
        return new Master(this, scheduler, dispatcher.join());
      } catch (RuntimeException e) {
        scheduler.shutdownNow();
        throw e;
      }
    }

    private static void add(Map<String, ServiceModel> services, String name, Object service) {
      Objects.requireNonNull(name, "name");
      if (services.containsKey(name)) {
        throw new IllegalArgumentException("service name already registered: " + name);
      }
      services.put(name, ServiceModel.of(name, service));
    }

    private static Duration requirePositive(String name, Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
      }
      return value;
    }
  }

  /**
   * The threads that decode requests and run service methods: enough for hundreds of blocking
   * methods at once, more calls queue; idle threads end.
   */
  private static ExecutorService newCallExecutor() {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            CALL_THREADS,
            CALL_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads("rpcservices-call-"));
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** The thread that runs the built-in services' timeouts; cancelled timeouts leave at once. */
  private static ScheduledThreadPoolExecutor newScheduler() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, daemonThreads("rpcservices-scheduler-"));
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
