package io.rpcservices.master.service;

import io.rpcservices.master.service.stack.StackService;
import io.rpcservices.master.service.storage.StorageService;
import io.rpcservices.master.store.StateStore;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/** Creates the built-in services (stack, storage, provider) over one state store. */
public final class BuiltInServices {
  private BuiltInServices() {}

  /**
   * The built-in service objects by service name, in registration order.
   *
   * @param store where their state lives
   * @param clientTimeout how long a provider client may go without a visit before it is logged out
   * @param scheduler runs timeouts (waiting pops, leases, client expiry); never blocks
   */
  public static Map<String, Object> create(
      StateStore store, Duration clientTimeout, ScheduledExecutorService scheduler) {
    Map<String, Object> services = new LinkedHashMap<>();
    services.put("stack", new StackService(store.stacks(), scheduler));
    services.put("storage", new StorageService(store.parameters()));
    return Collections.unmodifiableMap(services);
  }
}
