package io.rpcservices.master.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.CallContext;
import io.rpcservices.master.service.provider.ProviderService;
import io.rpcservices.master.service.stack.StackService;
import io.rpcservices.master.service.storage.StorageService;
import io.rpcservices.master.store.InMemoryStateStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BuiltInServicesTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  @Test
  void createsStackStorageAndProviderInThatOrder() {
    Map<String, Object> services =
        BuiltInServices.create(new InMemoryStateStore(), Duration.ofMinutes(10), scheduler);
    assertThat(services).containsOnlyKeys("stack", "storage", "provider");
    assertThat(services.keySet()).containsExactly("stack", "storage", "provider");
    assertThat(services.get("stack")).isInstanceOf(StackService.class);
    assertThat(services.get("storage")).isInstanceOf(StorageService.class);
    assertThat(services.get("provider")).isInstanceOf(ProviderService.class);
  }

  @Test
  void servicesShareTheStore() {
    InMemoryStateStore store = new InMemoryStateStore();
    StackService stack =
        (StackService)
            BuiltInServices.create(store, Duration.ofMinutes(10), scheduler).get("stack");
    stack.create("in");
    assertThat(store.stacks().exists("in")).isTrue();
  }

  @Test
  void logsOutClientsThatStopVisiting() throws InterruptedException {
    ProviderService provider =
        (ProviderService)
            BuiltInServices.create(new InMemoryStateStore(), Duration.ofMillis(100), scheduler)
                .get("provider");
    provider.login(new CallContext("127.0.0.1"), "gone");
    awaitUntil(() -> !provider.hasClient("gone"));
    assertThat(provider.getAllClientNames()).isEmpty();
  }

  @Test
  void sweepsAtAQuarterOfTheTimeoutWithinBounds() {
    assertThat(BuiltInServices.sweepPeriod(Duration.ofMinutes(10)))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(BuiltInServices.sweepPeriod(Duration.ofSeconds(8))).isEqualTo(Duration.ofSeconds(2));
    assertThat(BuiltInServices.sweepPeriod(Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(10));
  }

  /** Checks {@code condition} every few milliseconds until it holds, for at most ten seconds. */
  private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within ten seconds").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }
}
