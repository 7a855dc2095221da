package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.rpcservices.master.Master;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Workers in this JVM exporting services through a real master, called over every protocol. */
class WorkerTest {
  private static final AtomicInteger SERVICES = new AtomicInteger();
  @RegisterExtension static final LocalMaster master = new LocalMaster();

  private final List<Worker> workers = new ArrayList<>();
  private final List<RpcClient> clients = new ArrayList<>();

  @AfterEach
  void closeWorkersAndClients() {
    workers.forEach(Worker::close);
    clients.forEach(RpcClient::close);
  }

  interface MathApi {
    int multiply(int x, int y);

    CompletableFuture<Integer> check(int x);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void exportedMethodsAnswerOverEveryProtocol(Protocol protocol) throws Exception {
    String service = exportMath(new MathService(), Worker.builder());
    RpcClient client = client(protocol);

    assertThat(client.call(service + ".multiply", 6, 7)).isEqualTo(42);
    assertThat(client.create(service, MathApi.class).multiply(3, 4)).isEqualTo(12);
    assertThat(client.callAsync(service + ".multiply", 6, 7).get(10, TimeUnit.SECONDS))
        .isEqualTo(42);
  }

  @Test
  void throwingMethodRaisesRemoteErrorWithTheRemoteTypeMessageAndTrace() {
    String service = exportMath(new MathService(), Worker.builder());

    assertThatThrownBy(() -> client(Protocol.JSON_RPC).call(service + ".check", -1))
        .isExactlyInstanceOf(RemoteError.class)
        .hasMessage("RemoteError: java.lang.IllegalArgumentException: x must be > 0")
        .satisfies(
            e -> {
              RemoteError error = (RemoteError) e;
              assertThat(error.code()).isEqualTo(402);
              assertThat(error.remoteType()).isEqualTo("java.lang.IllegalArgumentException");
              assertThat(error.remoteMessage()).isEqualTo("x must be > 0");
              assertThat(error.remoteTrace())
                  .startsWith("java.lang.IllegalArgumentException: x must be > 0\n")
                  .contains("at io.rpcservices.client.MathService.check(MathService.java:");
            });
  }

  @Test
  void overXmlRpcRemoteErrorCarriesTheTraceInFaultData() {
    String service = exportMath(new MathService(), Worker.builder());

    assertThatThrownBy(
            () -> client(Protocol.XML_RPC).create(service, MathApi.class).check(0).join())
        .cause()
        .isExactlyInstanceOf(RemoteError.class)
        .hasMessage("RemoteError: java.lang.IllegalArgumentException: x must be > 0")
        .satisfies(
            e -> {
              RemoteError error = (RemoteError) e;
              assertThat(error.remoteType()).isEqualTo("java.lang.IllegalArgumentException");
              assertThat(error.remoteMessage()).isEqualTo("x must be > 0");
              assertThat(error.remoteTrace())
                  .startsWith("java.lang.IllegalArgumentException: x must be > 0\n")
                  .contains("at io.rpcservices.client.MathService.check(MathService.java:");
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = Protocol.class,
      names = {"XML_RPC", "JSON_RPC"})
  void callPastItsTimeoutFailsWithCallTimeoutErrorAndLeavesTheWorkerFree(Protocol protocol)
      throws Exception {
    MathService math = new MathService();
    String service = exportMath(math, Worker.builder().concurrency(1));
    RpcClient client = client(protocol).withTimeout(Duration.ofSeconds(1));

    assertTimeoutPreemptively(
        Duration.ofSeconds(4),
        () ->
            assertThatThrownBy(() -> client.call(service + ".sleep", 5))
                .isExactlyInstanceOf(CallTimeoutError.class));
    assertThat(math.awaitInterrupted(10)).isTrue();
    assertThat(client.call(service + ".multiply", 6, 7)).isEqualTo(42);
  }

  @Test
  void runNoMoreCallsAtOnceThanTheConcurrencyLimit() throws Exception {
    MathService math = new MathService();
    String service = exportMath(math, Worker.builder().concurrency(2));
    RpcClient client = client(Protocol.WEBSOCKET);

    List<CompletableFuture<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(client.callAsync(service + ".hold", 100));
    }
    for (CompletableFuture<Object> call : calls) {
      assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(100);
    }
    assertThat(math.mostRunning()).isBetween(1, 2);
  }

  @Test
  void closeFinishesTheCallsInFlightFirst() throws Exception {
    MathService math = new MathService();
    Worker worker = Worker.builder().url(master.url()).shutdownHook(false).build();
    String service = "math" + SERVICES.incrementAndGet();
    worker.export(service, math);
    assertThat(worker.awaitRegistered(Duration.ofSeconds(10))).isTrue();
    RpcClient client = client(Protocol.JSON_RPC);
    CompletableFuture<Object> slow = client.callAsync(service + ".sleep", 1);
    // A call that reached the master but not yet the method would go to another worker.
    assertThat(math.awaitSleeping(10)).isTrue();

    worker.close();

    assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slept");
    assertThat(worker.await(Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void mgtKillDrainsTheWorkerAndEndsItsAwait() throws Exception {
    Worker worker = Worker.builder().url(master.url()).shutdownHook(false).build();
    workers.add(worker);
    String service = "math" + SERVICES.incrementAndGet();
    MathService math = new MathService();
    worker.export(service, math);
    assertThat(worker.awaitRegistered(Duration.ofSeconds(10))).isTrue();
    RpcClient client = client(Protocol.XML_RPC);
    CompletableFuture<Object> slow = client.callAsync(service + ".sleep", 1);
    assertThat(math.awaitSleeping(10)).isTrue();

    assertThat(client.call("mgt.kill", worker.workerIds().get(service))).isEqualTo(true);

    assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slept");
    assertThat(worker.await(Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void reconnectAndRegisterAgainWhenTheMasterRestarts() throws Exception {
    Master first = Master.builder().port(0).build().start();
    int port = first.port();
    Worker worker =
        Worker.builder()
            .url(first.url())
            .shutdownHook(false)
            .backoff(Duration.ofMillis(50), Duration.ofMillis(500))
            .build();
    workers.add(worker);
    worker.export("restarted", new MathService());
    assertThat(worker.awaitRegistered(Duration.ofSeconds(10))).isTrue();
    first.close();

    try (Master second = Master.builder().port(port).build().start();
        RpcClient client = RpcClient.connect(second.url())) {
      waitFor(() -> ((List<?>) client.call("mgt.ping", "restarted")).size(), 1);
      assertThat(client.call("restarted.multiply", 6, 7)).isEqualTo(42);
    }
  }

  @Test
  void refusedRegistrationRaisesTheMastersFault() throws Exception {
    Worker worker = Worker.builder().url(master.url()).shutdownHook(false).build();
    workers.add(worker);
    worker.export("grouped", new MathService(), "no spaces allowed");

    assertThatThrownBy(() -> worker.awaitRegistered(Duration.ofSeconds(10)))
        .isExactlyInstanceOf(InvalidParams.class)
        .hasMessageStartingWith("InvalidParams: worker.register: groups: no spaces allowed");
    assertThat(worker.await(Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void refuseInvalidExports() {
    Worker worker = Worker.builder().url(master.url()).shutdownHook(false).build();
    workers.add(worker);
    worker.export("once", new MathService());

    assertThatThrownBy(() -> worker.export("once", new MathService()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service 'once' is already exported");
    assertThatThrownBy(() -> worker.export("mgt", new MathService()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service name: 'mgt' (expected: not the name of a built-in service)");
    worker.close();
    assertThatThrownBy(() -> worker.export("late", new MathService()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("worker stopped: cannot export late");
  }

  private String exportMath(MathService math, Worker.Builder builder) {
    Worker worker = builder.url(master.url()).shutdownHook(false).build();
    workers.add(worker);
    String service = "math" + SERVICES.incrementAndGet();
    worker.export(service, math, "web-services");
    try {
      assertThat(worker.awaitRegistered(Duration.ofSeconds(10))).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return service;
  }

  private RpcClient client(Protocol protocol) {
    RpcClient client = RpcClient.builder().url(master.url()).protocol(protocol).build();
    clients.add(client);
    return client;
  }

  /** Waits up to 30 s for {@code value} to give {@code expected}. */
  private static void waitFor(Supplier<Object> value, Object expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!expected.equals(value.get())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "still " + value.get() + " after 30 s (expected: " + expected + ")");
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
