package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.rpcservices.master.Master;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same calls over JSON-RPC on HTTP and over the WebSocket, against a real master. */
class JsonRpcClientTest {
  @RegisterExtension static final LocalMaster master = new LocalMaster();

  @ParameterizedTest
  @EnumSource(
      value = Protocol.class,
      names = {"JSON_RPC", "WEBSOCKET"})
  void callReturnsTheResultAndFaultsRaiseTheirExceptions(Protocol protocol) {
    try (RpcClient client = client(protocol)) {
      assertThat(client.call("master.ping")).isEqualTo("pong");
      assertThat(client.call(long.class, "storage.increment", create(client), "n", 2))
          .isEqualTo(2L);
      assertThatThrownBy(() -> client.call("stack.pop", "missing-" + protocol))
          .isExactlyInstanceOf(StackNotFoundError.class)
          .hasMessageStartingWith("StackNotFoundError: ");
      assertThatThrownBy(() -> client.call("nothing.here"))
          .isExactlyInstanceOf(MethodNotFound.class)
          .hasMessage("MethodNotFound: no such method: nothing.here");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Protocol.class,
      names = {"JSON_RPC", "WEBSOCKET"})
  void datesAndBytesComeBackAsTheTypesAskedFor(Protocol protocol) {
    try (RpcClient client = client(protocol)) {
      String storage = create(client);
      LocalDateTime when = LocalDateTime.of(2026, 11, 23, 10, 0);
      client.call("storage.setParameter", storage, "when", when);
      client.call("storage.setParameter", storage, "bytes", new byte[] {1, 2, 3});

      assertThat(client.call(LocalDateTime.class, "storage.getParameter", storage, "when"))
          .isEqualTo(when);
      assertThat(client.call(byte[].class, "storage.getParameter", storage, "bytes"))
          .containsExactly(1, 2, 3);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Protocol.class,
      names = {"JSON_RPC", "WEBSOCKET"})
  void batchGoesAsOneJsonRpcBatchWithFaultsInTheirPlace(Protocol protocol) {
    try (RpcClient client = client(protocol)) {
      List<Object> results =
          client
              .batch()
              .call("master.ping")
              .call("stack.pop", "missing-batch")
              .call("storage.getParameter", "none", "p", "default")
              .execute();

      assertThat(results).hasSize(3);
      assertThat(results.get(0)).isEqualTo("pong");
      assertThat(results.get(1)).isExactlyInstanceOf(StackNotFoundError.class);
      assertThat(results.get(2)).isInstanceOf(StorageNotFoundError.class);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Protocol.class,
      names = {"JSON_RPC", "WEBSOCKET"})
  void proxiesAndAsyncCallsWork(Protocol protocol) throws Exception {
    try (RpcClient client = client(protocol)) {
      CompletableFuture<Object> pong = client.callAsync("master.ping");
      assertThat(pong.get(10, TimeUnit.SECONDS)).isEqualTo("pong");
      Stack stack = client.stack().createStack("proxied-" + protocol);
      stack.push(5);
      assertThat(stack.pop()).isEqualTo(5);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Protocol.class,
      names = {"JSON_RPC", "WEBSOCKET"})
  void manyThreadsSharingOneClientGetTheirOwnAnswers(Protocol protocol) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (RpcClient client = client(protocol)) {
      String storage = create(client);
      List<Future<Integer>> threads = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        threads.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 200; i++) {
                    List<Object> mine = List.of(thread, i);
                    assertThat(client.call("storage.getParameter", storage, "missing", mine))
                        .isEqualTo(mine);
                  }
                  return 200;
                }));
      }
      for (Future<Integer> thread : threads) {
        assertThat(thread.get(2, TimeUnit.MINUTES)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void webSocketCallGivesUpAtItsTimeout() {
    try (RpcClient client = client(Protocol.WEBSOCKET).withTimeout(Duration.ofMillis(300))) {
      client.call("stack.create", "ws-waiting");

      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () ->
              assertThatThrownBy(() -> client.call("stack.pop", "ws-waiting", 3))
                  .isExactlyInstanceOf(RpcTimeoutException.class)
                  .hasMessage("stack.pop at " + client.url() + ": no answer within 300 ms"));
      assertThat(client.call("master.ping")).isEqualTo("pong");
    }
  }

  @Test
  void webSocketReconnectsWithTheNextCallAfterTheMasterRestarts() {
    Master first = Master.builder().port(0).build().start();
    int port = first.port();
    RpcClient client = RpcClient.connect("ws://127.0.0.1:" + port + "/ws");
    try {
      assertThat(client.call("master.ping")).isEqualTo("pong");
      first.close();
      assertThatThrownBy(() -> client.call("master.ping")).isInstanceOf(TransportException.class);
      try (Master second = Master.builder().port(port).build().start()) {
        assertThat(client.call("master.ping")).isEqualTo("pong");
      }
    } finally {
      first.close();
      client.close();
    }
  }

  @Test
  void closedWebSocketClientRefusesCalls() {
    RpcClient client = client(Protocol.WEBSOCKET);
    assertThat(client.call("master.ping")).isEqualTo("pong");

    client.close();

    assertThatThrownBy(() -> client.call("master.ping"))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessage("connection to " + client.url() + ": client closed");
  }

  private static RpcClient client(Protocol protocol) {
    return RpcClient.builder().url(master.url()).protocol(protocol).build();
  }

  private static String create(RpcClient client) {
    String name = "s-" + System.nanoTime();
    client.call("storage.create", name);
    return name;
  }
}
