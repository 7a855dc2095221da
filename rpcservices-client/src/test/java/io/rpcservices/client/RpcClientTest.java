package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.master.Master;
import io.rpcservices.protocol.Limits;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Generic and typed calls, asynchronous calls, proxies and batches against a real master. */
class RpcClientTest {
  @RegisterExtension static final LocalMaster master = new LocalMaster();
  private static RpcClient client;

  @BeforeAll
  static void connect() {
    client = RpcClient.connect(master.url());
  }

  interface StackApi {
    String create(String name);

    int push(String name, Object data);

    Object pop(String name);

    CompletableFuture<Object> pop(String name, double timeoutSeconds);

    CompletableFuture<Integer> getSize(String name);

    @RpcMethod("isEmpty")
    boolean empty(String name);

    void truncate(String name);
  }

  @RpcService("storage")
  interface StorageApi {
    String create(String name);

    long increment(String name, String param, long delta);
  }

  @Test
  void callReturnsTheResult() {
    assertThat(client.call("master.ping")).isEqualTo("pong");
  }

  @Test
  void typedCallConvertsTheResult() {
    client.call("stack.create", "typed");
    client.call("stack.push", "typed", 5);

    assertThat(client.call(long.class, "stack.getSize", "typed")).isEqualTo(1L);
    assertThat(client.call(Integer.class, "stack.pop", "typed")).isEqualTo(5);
  }

  @Test
  void typedCallRejectsAResultOfAnotherType() {
    assertThatThrownBy(() -> client.call(Integer.class, "master.ping"))
        .isInstanceOf(ClassCastException.class)
        .hasMessage("master.ping returned java.lang.String, not java.lang.Integer");
  }

  @Test
  void unknownMethodRaisesMethodNotFound() {
    assertThatThrownBy(() -> client.call("nosuch.method", 1))
        .isExactlyInstanceOf(MethodNotFound.class)
        .hasMessage("MethodNotFound: no such method: nosuch.method");
  }

  @Test
  void wrongArgumentsRaiseInvalidParams() {
    assertThatThrownBy(() -> client.call("stack.push"))
        .isExactlyInstanceOf(InvalidParams.class)
        .hasMessageStartingWith("InvalidParams: ");
  }

  @Test
  void callAsyncCompletesWithTheResult() throws Exception {
    CompletableFuture<Object> pong = client.callAsync("master.ping");
    CompletableFuture<String> typed = client.callAsync(String.class, "master.ping");

    assertThat(pong.get(10, TimeUnit.SECONDS)).isEqualTo("pong");
    assertThat(typed.get(10, TimeUnit.SECONDS)).isEqualTo("pong");
  }

  @Test
  void callAsyncFailsWithTheTypedException() {
    CompletableFuture<Object> call = client.callAsync("stack.pop", "no-such-stack");

    assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(StackNotFoundError.class)
        .hasMessage("StackNotFoundError: no stack named 'no-such-stack'");
  }

  @Test
  void proxyCallsTheServiceSynchronouslyAndAsynchronously() throws Exception {
    StackApi stack = client.create("stack", StackApi.class);
    stack.create("proxied");

    assertThat(stack.push("proxied", "a")).isEqualTo(1);
    assertThat(stack.getSize("proxied").get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(stack.empty("proxied")).isFalse();
    assertThat(stack.pop("proxied")).isEqualTo("a");
    stack.truncate("proxied");
  }

  @Test
  void proxyRaisesTheTypedException() {
    StackApi stack = client.create("stack", StackApi.class);
    stack.create("proxied-empty");

    assertThatThrownBy(() -> stack.pop("proxied-empty")).isExactlyInstanceOf(StackIndexError.class);
    assertThatThrownBy(() -> stack.pop("proxied-empty", 0.1).get(10, TimeUnit.SECONDS))
        .cause()
        .isExactlyInstanceOf(StackIndexError.class);
  }

  @Test
  void proxyNamedByAnnotation() {
    StorageApi storage = client.create(StorageApi.class);
    storage.create("proxied");

    assertThat(storage.increment("proxied", "n", 2)).isEqualTo(2L);
    assertThat(storage.increment("proxied", "n", 3)).isEqualTo(5L);
  }

  @Test
  void batchKeepsOrderAndPutsFaultsInTheirPlace() {
    client.call("stack.create", "batched");

    List<Object> results =
        client
            .batch()
            .call("stack.push", "batched", 1)
            .call("stack.pop", "no-such-stack")
            .call("stack.push", "batched", 2)
            .call("master.ping")
            .execute();

    assertThat(results).hasSize(4);
    assertThat(results.get(0)).isEqualTo(1);
    assertThat(results.get(1))
        .isInstanceOfSatisfying(
            StackNotFoundError.class,
            e -> assertThat(e).hasMessage("StackNotFoundError: no stack named 'no-such-stack'"));
    assertThat(results.get(2)).isEqualTo(2);
    assertThat(results.get(3)).isEqualTo("pong");
  }

  @Test
  void valueNestedDeeperThanTheMasterAllowsRaisesRequestTooLarge() {
    Limits shallow = Limits.builder().maxDepth(4).build();
    try (Master strict = Master.builder().port(0).limits(shallow).build().start()) {
      RpcClient strictClient = RpcClient.connect(strict.url());
      strictClient.call("stack.create", "deep");
      Object deep = List.of(List.of(List.of(List.of(List.of(List.of("bottom"))))));

      assertThatThrownBy(() -> strictClient.call("stack.push", "deep", deep))
          .isExactlyInstanceOf(RequestTooLarge.class)
          .hasMessageStartingWith("RequestTooLarge: ");
    }
  }

  @Test
  void bodyLargerThanTheMasterAllowsFailsWithItsHttpStatus() {
    Limits small = Limits.builder().maxBodyBytes(1024).build();
    try (Master strict = Master.builder().port(0).limits(small).build().start()) {
      RpcClient strictClient = RpcClient.connect(strict.url());

      assertThatThrownBy(() -> strictClient.call("stack.push", "big", "x".repeat(4096)))
          .isExactlyInstanceOf(TransportException.class)
          .hasMessage("stack.push at " + strictClient.url() + ": HTTP status 413 (expected: 200)");
    }
  }

  @Test
  void asyncCallsCompleteOnTheGivenExecutor() throws Exception {
    ExecutorService executor =
        Executors.newFixedThreadPool(2, task -> new Thread(task, "given-executor"));
    try {
      RpcClient withExecutor = RpcClient.builder().url(master.url()).executor(executor).build();

      String thread =
          withExecutor
              .callAsync("master.ping")
              .thenApply(pong -> Thread.currentThread().getName())
              .get(10, TimeUnit.SECONDS);

      assertThat(thread).isEqualTo("given-executor");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void interruptedCallerGetsTransportExceptionAndKeepsItsInterrupt() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> client.call("master.ping"))
          .isExactlyInstanceOf(TransportException.class)
          .hasMessage("interrupted while waiting for an answer");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void emptyBatchSendsNothing() {
    assertThat(client.batch().execute()).isEmpty();
  }

  @Test
  void derivedClientWithTimeoutSharesTheConnection() {
    RpcClient fast = client.withTimeout(Duration.ofSeconds(5));

    assertThat(fast.call("master.ping")).isEqualTo("pong");
    assertThat(client.timeout()).isEqualTo(RpcClient.DEFAULT_TIMEOUT);
  }
}
