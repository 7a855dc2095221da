package io.rpcservices.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.master.store.ClientStore;
import io.rpcservices.master.store.InMemoryStateStore;
import io.rpcservices.master.store.ParameterStore;
import io.rpcservices.master.store.StackStore;
import io.rpcservices.master.store.StateStore;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MasterTest {
  /** An in-memory store that counts how often it is closed. */
  private static final class CountingStore implements StateStore {
    final CountDownLatch closed = new CountDownLatch(2);
    private final InMemoryStateStore store = new InMemoryStateStore();

    @Override
    public StackStore stacks() {
      return store.stacks();
    }

    @Override
    public ParameterStore parameters() {
      return store.parameters();
    }

    @Override
    public ClientStore clients() {
      return store.clients();
    }

    @Override
    public String description() {
      return "counting";
    }

    @Override
    public void close() {
      closed.countDown();
      store.close();
    }
  }

  @Test
  void startsOnFreePortAndAnswers() {
    try (Master master =
        Master.builder().port(0).service("test", new TestService()).build().start()) {
      assertThat(master.port()).isPositive();
      assertThat(master.url()).isEqualTo("http://127.0.0.1:" + master.port());
      assertThat(new WireClient(master).value("test.add", 20, 22)).isEqualTo(42);
    }
  }

  @Test
  void refusesTakenPort() {
    try (Master first = Master.builder().port(0).build().start()) {
      Master second = Master.builder().port(first.port()).build();
      assertThatThrownBy(second::start)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("cannot bind 127.0.0.1:" + first.port() + ": Address already in use");
      assertThatThrownBy(second::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("master is closed");
    }
  }

  @Test
  void closesStoreOnceAndReleasesAwaitClose() throws Exception {
    CountingStore store = new CountingStore();
    Master master = Master.builder().port(0).stateStore(store).build().start();
    CompletableFuture<Void> waiting =
        CompletableFuture.runAsync(
            () -> {
              try {
                master.awaitClose();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    master.close();
    master.close();
    waiting.get(10, TimeUnit.SECONDS);
    assertThat(store.closed.getCount()).isEqualTo(1);
  }

  @Test
  void refusesSecondStart() {
    try (Master master = Master.builder().port(0).build().start()) {
      assertThatThrownBy(master::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("master already started");
    }
  }

  @Test
  void refusesPortBeforeStart() {
    try (Master master = Master.builder().build()) {
      assertThatThrownBy(master::port)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("master not started");
    }
  }

  @Test
  void rejectsInvalidAndDuplicateServiceNames() {
    Master.Builder builder = Master.builder().service("test", new TestService());
    assertThatThrownBy(() -> builder.service("test", new TestService()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service name already registered: test");
    assertThatThrownBy(() -> builder.service("system", new TestService()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service name is reserved: system");
    assertThatThrownBy(() -> builder.service("1st", new TestService()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "service name: '1st' (expected: letters, digits and '_', not starting with a digit,"
                + " parts separated by '.')");
  }

  @Test
  void rejectsInvalidSettings() {
    assertThatThrownBy(() -> Master.builder().port(65536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port: 65536 (expected: 0-65535)");
    assertThatThrownBy(() -> Master.builder().idleTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idleTimeout: PT0S (expected: > 0)");
    assertThatThrownBy(() -> Master.builder().clientTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientTimeout: PT-1S (expected: > 0)");
  }
}
