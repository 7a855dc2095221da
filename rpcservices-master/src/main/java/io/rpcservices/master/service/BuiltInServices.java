package io.rpcservices.master.service;

import io.rpcservices.master.service.provider.ProviderService;
import io.rpcservices.master.service.stack.StackService;
import io.rpcservices.master.service.storage.StorageService;
import io.rpcservices.master.store.StateStore;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Creates the built-in services (stack, storage, provider) over one state store. */
public final class BuiltInServices {
  private static final System.Logger LOG = System.getLogger(BuiltInServices.class.getName());
  private static final Duration MIN_SWEEP_PERIOD = Duration.ofMillis(10);
  private static final Duration MAX_SWEEP_PERIOD = Duration.ofSeconds(30);

  private BuiltInServices() {}

  /**
   * The built-in service objects by service name, in registration order.
   *
   * @param store where their state lives
   * @param clientTimeout how long a provider client may go without a visit before it is logged out
   * @param scheduler runs timeouts (waiting pops, leases, client expiry); never blocks. Tasks are
   *     cancelled once they are not needed, so a {@link
   *     java.util.concurrent.ScheduledThreadPoolExecutor} should remove cancelled tasks ({@code
   *     setRemoveOnCancelPolicy(true)}).
   * @throws IllegalArgumentException if {@code clientTimeout} is not positive
   */
  public static Map<String, Object> create(
      StateStore store, Duration clientTimeout, ScheduledExecutorService scheduler) {
    Map<String, Object> services = new LinkedHashMap<>();
    services.put("stack", new StackService(store.stacks(), scheduler));
    services.put("storage", new StorageService(store.parameters()));
    ProviderService provider = new ProviderService(store.clients(), clientTimeout, scheduler);
    services.put("provider", provider);
    long period = sweepPeriod(clientTimeout).toNanos();
    scheduler.scheduleWithFixedDelay(() -> sweep(provider), period, period, TimeUnit.NANOSECONDS);
    return Collections.unmodifiableMap(services);
  }

  /** How often to look for idle clients: a quarter of the timeout, from 10 ms to 30 s. */
  static Duration sweepPeriod(Duration clientTimeout) {
    Duration quarter = clientTimeout.dividedBy(4);
    if (quarter.compareTo(MIN_SWEEP_PERIOD) < 0) {
      return MIN_SWEEP_PERIOD;
    }
    return quarter.compareTo(MAX_SWEEP_PERIOD) > 0 ? MAX_SWEEP_PERIOD : quarter;
  }

  private static void sweep(ProviderService provider) {
    try {
      provider.cleanUp();
    } catch (RuntimeException e) {
      // A failed sweep (a store that is down) must not cancel the later ones.
      LOG.log(System.Logger.Level.WARNING, "provider client sweep failed", e);
    }
  }
}
