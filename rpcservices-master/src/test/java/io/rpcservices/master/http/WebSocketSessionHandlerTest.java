package io.rpcservices.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.Master;
import io.rpcservices.master.RawConnection;
import io.rpcservices.master.TestService;
import io.rpcservices.master.WireClient;
import io.rpcservices.master.WsPeer;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.JsonRpcId;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JSON-RPC 2.0 over the WebSocket {@code /ws} of a real master, with java.net.http peers. */
class WebSocketSessionHandlerTest {
  private final Master master =
      Master.builder()
          .port(0)
          .heartbeatTimeout(Duration.ofMillis(600))
          .limits(Limits.builder().maxBodyBytes(4096).build())
          .service("test", new TestService())
          .build()
          .start();

  @AfterEach
  void closeMaster() {
    master.close();
  }

  @Test
  void answersCallsOverTheSession() {
    try (WsPeer peer = WsPeer.connect(master)) {
      assertThat(peer.call("test.add", 20, 22)).isEqualTo(new Success(42));
      assertThat(peer.call("test.refuse"))
          .isEqualTo(Fault.of(FaultCode.STACK_INDEX_ERROR, "stack 'in' is empty"));
      assertThat(peer.call("master.ping")).isEqualTo(new Success("pong"));
    }
  }

  @Test
  void answersCallsAsTheyCompleteNotInOrder() {
    try (WsPeer peer = WsPeer.connect(master)) {
      CompletableFuture<RpcResponse> slow = peer.request("test.delayed", 60_000);
      assertThat(peer.call("test.add", 1, 2)).isEqualTo(new Success(3));
      assertThat(slow).isNotDone();
    }
  }

  @Test
  void answersBatchesAndIgnoresNotifications() {
    try (WsPeer peer = WsPeer.connect(master)) {
      peer.sendText(
          "[{\"jsonrpc\": \"2.0\", \"method\": \"test.add\", \"params\": [1, 2], \"id\": 1},"
              + " {\"jsonrpc\": \"2.0\", \"method\": \"test.echo\", \"params\": [\"n\"]},"
              + " {\"jsonrpc\": \"2.0\", \"method\": \"test.echo\","
              + " \"params\": {\"text\": \"named\"}, \"id\": 2}]");

      assertThat(peer.next())
          .isEqualTo(
              new JsonRpcMessage.Batch(
                  List.of(
                      new JsonRpcMessage.Response(JsonRpcId.of(1), new Success(3)),
                      new JsonRpcMessage.Response(JsonRpcId.of(2), new Success("named")))));
      peer.sendText("{\"jsonrpc\": \"2.0\", \"method\": \"test.echo\", \"params\": [\"n\"]}");
      assertThat(peer.call("test.echo", "after")).isEqualTo(new Success("after"));
      assertThat(peer.hasNext()).isFalse();
    }
  }

  @Test
  void answersInvalidJsonWithParseError() {
    try (WsPeer peer = WsPeer.connect(master)) {
      peer.sendText("{\"jsonrpc\": \"2.0\", \"method\": \"foobar, \"params\": \"bar\", \"baz]");

      JsonRpcMessage.Response error = (JsonRpcMessage.Response) peer.next();
      assertThat(error.id()).isEqualTo(JsonRpcId.NULL);
      assertThat(((Fault) error.response()).code()).isEqualTo(FaultCode.PARSE_ERROR.code());
    }
  }

  @Test
  void closesSessionThatSendsBinaryFrames() {
    try (WsPeer peer = WsPeer.connect(master)) {
      peer.sendBinary(new byte[] {1, 2, 3});

      assertThat(WsPeer.await(peer.closed())).isEqualTo(1003);
    }
  }

  @Test
  void closesSessionThatSendsTooLargeMessage() {
    try (WsPeer peer = WsPeer.connect(master)) {
      peer.sendText(
          "{\"jsonrpc\": \"2.0\", \"method\": \"test.echo\", \"params\": [\""
              + "x".repeat(5000)
              + "\"]}");

      assertThat(WsPeer.await(peer.closed())).isEqualTo(1009);
    }
  }

  @Test
  void closesSilentSessionAndKeepsPeersThatAnswerPings() throws Exception {
    try (WsPeer peer = WsPeer.connect(master);
        RawConnection silent = new RawConnection(master, 10_000)) {
      silent.send(
          "GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
      assertThat(silent.read().status()).isEqualTo(101);

      silent.awaitClosedByPeer();

      // The java.net.http peer answered the master's pings meanwhile: it is still served.
      assertThat(peer.call("test.add", 2, 3)).isEqualTo(new Success(5));
    }
  }

  @Test
  void refusesPlainGetOnWebSocketPath() {
    WireClient client = new WireClient(master);
    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(client.uri("/ws")).build());

    assertThat(response.statusCode()).isEqualTo(400);
  }
}
