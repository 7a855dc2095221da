package io.rpcservices.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.Master;
import io.rpcservices.master.RawConnection;
import io.rpcservices.master.TestService;
import io.rpcservices.master.WireClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MasterServerTest {
  private final TestService service = new TestService();
  private final Master master = Master.builder().port(0).service("test", service).build().start();
  private final WireClient client = new WireClient(master);

  @AfterEach
  void closeMaster() {
    service.release.countDown();
    master.close();
  }

  private HttpResponse<byte[]> send(String method, String path) {
    return client.send(
        HttpRequest.newBuilder(client.uri(path))
            .method(method, BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void answersHealth() {
    HttpResponse<byte[]> response = send("GET", "/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response)).isEqualTo("ok");
  }

  @Test
  void answersNotFoundForUnknownPath() {
    HttpResponse<byte[]> response = send("POST", "/nowhere");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(text(response)).isEqualTo("no such path: /nowhere");
  }

  @Test
  void answersMethodNotAllowedForOtherVerbs() {
    HttpResponse<byte[]> get = send("GET", "/RPC2");
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertThat(text(get)).isEqualTo("/RPC2 takes POST");
    assertThat(send("PUT", "/").statusCode()).isEqualTo(405);
    HttpResponse<byte[]> post = send("POST", "/health");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void takesCallsOnRootAndAnyContentType() throws Exception {
    try (RawConnection connection = new RawConnection(master, 10_000)) {
      byte[] body = RawConnection.call("test.echo", "root").getBytes(StandardCharsets.UTF_8);
      connection.send(
          "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: "
              + body.length
              + "\r\n\r\n");
      connection.send(body);
      RawConnection.Response response = connection.read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("Content-Type")).isEqualTo("text/xml; charset=utf-8");
      assertThat(response.body()).contains("<string>root</string>");
    }
  }

  @Test
  void keepsConnectionAlive() throws Exception {
    try (RawConnection connection = new RawConnection(master, 10_000)) {
      for (int i = 0; i < 3; i++) {
        connection.send(RawConnection.post(RawConnection.call("test.echo", "call" + i)));
        RawConnection.Response response = connection.read();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Connection")).isNull();
        assertThat(response.body()).contains("call" + i);
      }
    }
  }

  @Test
  void closesWhenClientAsks() throws Exception {
    try (RawConnection connection = new RawConnection(master, 10_000)) {
      byte[] body = RawConnection.call("test.echo", "bye").getBytes(StandardCharsets.UTF_8);
      connection.send(
          "POST /RPC2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
              + body.length
              + "\r\n\r\n");
      connection.send(body);
      RawConnection.Response response = connection.read();
      assertThat(response.header("Connection")).isEqualTo("close");
      assertThat(connection.isClosedByPeer()).isTrue();
    }
  }

  @Test
  void answersPipelinedRequestsInOrder() throws Exception {
    try (RawConnection connection = new RawConnection(master, 10_000)) {
      byte[] slow =
          RawConnection.post(
              "<methodCall><methodName>test.delayed</methodName><params><param><value><int>300"
                  + "</int></value></param></params></methodCall>");
      connection.send(slow);
      connection.send(RawConnection.post(RawConnection.call("test.echo", "second")));
      connection.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
      connection.send(RawConnection.post(RawConnection.call("test.echo", "fourth")));
      assertThat(connection.read().body()).contains("<string>done</string>");
      assertThat(connection.read().body()).contains("<string>second</string>");
      assertThat(connection.read().body()).isEqualTo("ok");
      assertThat(connection.read().body()).contains("<string>fourth</string>");
    }
  }

  @Test
  void slowMethodDoesNotStallOtherCallers() throws Exception {
    CompletableFuture<Object> blocked =
        CompletableFuture.supplyAsync(() -> client.value("test.block"));
    assertThat(service.blocking.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(client.value("test.add", 1, 2)).isEqualTo(3);
    assertThat(blocked).isNotDone();
    service.release.countDown();
    assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo("released");
  }

  @Test
  void manyConnectionsGetTheirOwnAnswers() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(50);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int c = 0; c < 50; c++) {
        int caller = c;
        results.add(
            callers.submit(
                () -> {
                  try (RawConnection connection = new RawConnection(master, 10_000)) {
                    for (int i = 0; i < 20; i++) {
                      String expected = "caller" + caller + "-" + i;
                      connection.send(
                          RawConnection.post(RawConnection.call("test.echo", expected)));
                      if (!connection.read().body().contains("<string>" + expected + "</string>")) {
                        return false;
                      }
                    }
                    return true;
                  }
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void waitingCallsHoldNoThread() throws Exception {
    // More waiting calls than there are call threads; if a wait held a thread, the add would queue
    // behind them until the gate opens.
    CompletableFuture<String> gate = new CompletableFuture<>();
    try (Master gated = Master.builder().port(0).service("gate", new Gate(gate)).build().start()) {
      List<RawConnection> connections = new ArrayList<>();
      try {
        for (int i = 0; i < 400; i++) {
          RawConnection connection = new RawConnection(gated, 20_000);
          connections.add(connection);
          connection.send(RawConnection.post(RawConnection.call("gate.pass")));
        }
        assertThat(new WireClient(gated).value("master.ping")).isEqualTo("pong");
        gate.complete("open");
        for (RawConnection connection : connections) {
          assertThat(connection.read().body()).contains("<string>open</string>");
        }
      } finally {
        for (RawConnection connection : connections) {
          connection.close();
        }
      }
    }
  }

  @Test
  void cancelsCallWhenClientDisconnects() throws Exception {
    Pending pending = new Pending();
    try (Master waiting = Master.builder().port(0).service("pending", pending).build().start()) {
      try (RawConnection connection = new RawConnection(waiting, 10_000)) {
        connection.send(RawConnection.post(RawConnection.call("pending.forever")));
        assertThat(pending.started.await(10, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(pending.future.handle((value, error) -> error).get(10, TimeUnit.SECONDS))
          .isInstanceOf(CancellationException.class);
    }
  }

  @Test
  void answersExpectContinue() throws Exception {
    try (RawConnection connection = new RawConnection(master, 10_000)) {
      byte[] body = RawConnection.call("test.echo", "continued").getBytes(StandardCharsets.UTF_8);
      connection.send(
          "POST /RPC2 HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
              + body.length
              + "\r\n\r\n");
      assertThat(connection.read().status()).isEqualTo(100);
      connection.send(body);
      assertThat(connection.read().body()).contains("<string>continued</string>");
    }
  }

  @Test
  void refusesExpectContinueOverCap() throws Exception {
    try (RawConnection connection = new RawConnection(master, 10_000)) {
      connection.send(
          "POST /RPC2 HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
              + "Content-Length: 67108864\r\n\r\n");
      assertThat(connection.read().status()).isEqualTo(413);
      assertThat(connection.isClosedByPeer()).isTrue();
    }
  }

  /** A service whose one call never ends unless cancelled. */
  public static final class Pending {
    final CountDownLatch started = new CountDownLatch(1);
    final CompletableFuture<String> future = new CompletableFuture<>();

    public CompletableFuture<String> forever() {
      started.countDown();
      return future;
    }
  }

  /** A service whose calls all wait for one future. */
  public static final class Gate {
    private final CompletableFuture<String> gate;

    Gate(CompletableFuture<String> gate) {
      this.gate = gate;
    }

    public CompletableFuture<String> pass() {
      return gate.thenApply(value -> value);
    }
  }
}
