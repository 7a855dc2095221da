package io.rpcservices.master.worker;

import io.rpcservices.master.CallContext;
import io.rpcservices.master.Peer;
import io.rpcservices.master.dispatch.RemoteMethod;
import io.rpcservices.master.dispatch.RemoteServices;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.RpcResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The worker pools of a master, one per remote service name: registers workers, forwards calls to
 * them with the caller's deadline, and answers the management queries. A service name, once
 * registered, stays known: calls to it wait for a worker within their deadline.
 *
 * <pre>{@code
 * WorkerPools pools = new WorkerPools(Set.of("stack", "storage"), scheduler);
 * ServiceRegistry registry = new ServiceRegistry(localServices, pools);
 * builder.service("worker", new WorkerService(pools)).service("mgt", new MgtService(pools));
 * }</pre>
 */
public final class WorkerPools implements RemoteServices {
  private final Set<String> localServices;
  private final ScheduledExecutorService scheduler;
  private final Map<String, Pool> pools = new ConcurrentHashMap<>();
  private final Map<String, RemoteWorker> byWid = new ConcurrentHashMap<>();
  private final Map<String, String> widBySession = new ConcurrentHashMap<>();
  private final AtomicLong wids = new AtomicLong();

  /**
   * Pools for a master.
   *
   * @param localServices the names of the master's own services, which workers may not take
   * @param scheduler runs the calls' deadlines; its tasks never block
   */
  public WorkerPools(Set<String> localServices, ScheduledExecutorService scheduler) {
    this.localServices = Set.copyOf(localServices);
    this.scheduler = scheduler;
  }

  /**
   * Registers the worker at the other end of {@code peer} and returns its id; it leaves its pool
   * when the session closes.
   *
   * @throws FaultException InvalidParams for a registration that is not valid, InvalidRequest for a
   *     session that has registered already
   */
  public String register(Peer peer, Map<String, @Nullable Object> registration) {
    Registration checked = Registration.parse(registration, peer.remoteAddress());
    if (localServices.contains(checked.service())) {
      throw new FaultException(
          FaultCode.INVALID_PARAMS,
          "worker.register: service: '" + checked.service() + "' is served by the master itself");
    }
    String wid = checked.service() + "-" + wids.incrementAndGet();
    String earlier = widBySession.putIfAbsent(peer.id(), wid);
    if (earlier != null) {
      throw new FaultException(
          FaultCode.INVALID_REQUEST,
          "worker.register: this session registered "
              + earlier
              + " already (open one session per service)");
    }
    Pool pool = pools.computeIfAbsent(checked.service(), Pool::new);
    RemoteWorker worker = new RemoteWorker(wid, peer, checked);
    byWid.put(wid, worker);
    pool.add(worker);
    peer.closed()
        .thenRun(
            () -> {
              pool.remove(worker);
              byWid.remove(wid);
              widBySession.remove(peer.id());
            });
    return wid;
  }

  /** Stops routing calls to worker {@code wid} and tells it to drain; false if there is none. */
  public boolean kill(String wid) {
    RemoteWorker worker = byWid.get(wid);
    if (worker == null) {
      return false;
    }
    pools.get(worker.registration().service()).stop(worker);
    return true;
  }

  /** The {@code mgt.services} entries, by service name. */
  public List<Object> services() {
    List<Object> entries = new ArrayList<>();
    pools.keySet().stream().sorted().forEach(name -> entries.add(pools.get(name).describe()));
    return entries;
  }

  /** The {@code mgt.ping} entries of {@code service}'s workers; none for an unknown service. */
  public List<Object> ping(String service) {
    Pool pool = pools.get(service);
    return pool == null ? List.of() : pool.ping();
  }

  /** The {@code mgt.stats} entries of {@code service}'s workers; none for an unknown service. */
  public List<Object> stats(String service) {
    Pool pool = pools.get(service);
    return pool == null ? List.of() : pool.stats();
  }

  @Override
  public Optional<RemoteMethod> method(String name, @Nullable String group) {
    int dot = name.indexOf('.');
    Pool pool = dot < 0 ? null : pools.get(name.substring(0, dot));
    if (pool == null || (group != null && !pool.inGroup(group))) {
      return Optional.empty();
    }
    Registration.MethodSpec spec = pool.method(name.substring(dot + 1));
    return spec == null ? Optional.empty() : Optional.of(new PoolMethod(pool, spec));
  }

  @Override
  public List<RemoteMethod> methods(@Nullable String group) {
    List<RemoteMethod> methods = new ArrayList<>();
    for (Pool pool : pools.values()) {
      if (group == null || pool.inGroup(group)) {
        pool.methods().forEach(spec -> methods.add(new PoolMethod(pool, spec)));
      }
    }
    return methods;
  }

  private CompletableFuture<RpcResponse> call(
      Pool pool, String method, List<@Nullable Object> params, CallContext context) {
    RemoteCall call = new RemoteCall(method, params, context.deadline());
    call.result()
        .whenComplete(
            (response, error) -> {
              if (call.result().isCancelled()) {
                pool.abandon(call);
              }
            });
    call.setTimer(
        scheduler.schedule(
            () -> pool.expire(call), context.deadline().remainingNanos(), TimeUnit.NANOSECONDS));
    pool.call(call);
    return call.result();
  }

  /** A method of a pool, as the dispatcher and introspection see it. */
  private final class PoolMethod implements RemoteMethod {
    private final Pool pool;
    private final Registration.MethodSpec spec;

    PoolMethod(Pool pool, Registration.MethodSpec spec) {
      this.pool = pool;
      this.spec = spec;
    }

    @Override
    public String name() {
      return pool.service() + "." + spec.name();
    }

    @Override
    public String help() {
      return spec.help();
    }

    @Override
    public List<List<String>> signatures() {
      return spec.signatures();
    }

    @Override
    public CompletableFuture<RpcResponse> call(List<@Nullable Object> params, CallContext context) {
      return WorkerPools.this.call(pool, spec.name(), params, context);
    }
  }
}
