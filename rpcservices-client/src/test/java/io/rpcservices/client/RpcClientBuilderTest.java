package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.protocol.Limits;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Building clients and deriving them; none of these tests reaches a server. */
class RpcClientBuilderTest {

  @Test
  void postToRpc2UnderABareUrl() {
    assertThat(RpcClient.connect("http://127.0.0.1:8000").url())
        .isEqualTo("http://127.0.0.1:8000/RPC2");
    assertThat(RpcClient.connect("http://127.0.0.1:8000/").url())
        .isEqualTo("http://127.0.0.1:8000/RPC2");
  }

  @Test
  void postToTheGivenPath() {
    assertThat(RpcClient.connect("http://127.0.0.1:8000/groups/crawler/RPC2").url())
        .isEqualTo("http://127.0.0.1:8000/groups/crawler/RPC2");
  }

  @Test
  void defaultToThirtySecondsAndDefaultLimits() {
    RpcClient client = RpcClient.connect("http://127.0.0.1:8000");

    assertThat(client.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(client.limits()).isEqualTo(Limits.DEFAULT);
  }

  @Test
  void deriveClientWithAnotherTimeoutLeavingTheOriginal() {
    RpcClient client = RpcClient.connect("http://127.0.0.1:8000");

    RpcClient fast = client.withTimeout(Duration.ofMillis(250));

    assertThat(fast.timeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(fast.url()).isEqualTo(client.url());
    assertThat(client.timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void deriveStubsWithAnotherTimeout() {
    RpcClient client = RpcClient.connect("http://127.0.0.1:8000");

    Stacks stacks = client.stack().withTimeout(Duration.ofSeconds(2));

    assertThat(stacks).isNotNull();
    assertThat(client.timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void rejectNonPositiveTimeout() {
    RpcClient client = RpcClient.connect("http://127.0.0.1:8000");

    assertThatThrownBy(() -> client.withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout: PT0S (expected: > 0)");
    assertThatThrownBy(() -> RpcClient.builder().timeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout: PT-1S (expected: > 0)");
  }

  @Test
  void rejectUrlOtherThanHttp() {
    assertThatThrownBy(() -> RpcClient.connect("ftp://127.0.0.1/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url: ftp://127.0.0.1/ (expected: an http, https, ws or wss URL)");
    assertThatThrownBy(() -> RpcClient.connect("127.0.0.1:8000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url: 127.0.0.1:8000 (expected: an http, https, ws or wss URL)");
  }

  @Test
  void chooseTheProtocolByTheUrl() {
    RpcClient xml = RpcClient.connect("http://127.0.0.1:8000/groups/crawler/RPC2");
    RpcClient json = RpcClient.connect("http://127.0.0.1:8000/groups/crawler/jsonrpc");
    RpcClient webSocket = RpcClient.connect("ws://127.0.0.1:8000/ws");

    assertThat(xml.protocol()).isEqualTo(Protocol.XML_RPC);
    assertThat(json.protocol()).isEqualTo(Protocol.JSON_RPC);
    assertThat(json.url()).isEqualTo("http://127.0.0.1:8000/groups/crawler/jsonrpc");
    assertThat(webSocket.protocol()).isEqualTo(Protocol.WEBSOCKET);
    assertThat(webSocket.url()).isEqualTo("ws://127.0.0.1:8000/ws");
  }

  @Test
  void chooseTheProtocolByOptionWithItsDefaultPath() {
    assertThat(client("http://127.0.0.1:8000", Protocol.JSON_RPC).url())
        .isEqualTo("http://127.0.0.1:8000/jsonrpc");
    assertThat(client("http://127.0.0.1:8000/", Protocol.WEBSOCKET).url())
        .isEqualTo("ws://127.0.0.1:8000/ws");
    assertThat(client("https://example.org", Protocol.WEBSOCKET).url())
        .isEqualTo("wss://example.org/ws");
    assertThat(client("ws://127.0.0.1:8000", null).url()).isEqualTo("ws://127.0.0.1:8000/ws");
    assertThat(client("http://127.0.0.1:8000/custom", Protocol.JSON_RPC).url())
        .isEqualTo("http://127.0.0.1:8000/custom");
  }

  @Test
  void rejectWebSocketUrlForAnHttpProtocol() {
    assertThatThrownBy(() -> client("ws://127.0.0.1:8000/ws", Protocol.XML_RPC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url: ws://127.0.0.1:8000/ws (expected: an http or https URL for XML_RPC)");
  }

  @Test
  void rejectMissingUrl() {
    assertThatThrownBy(() -> RpcClient.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url: not set (expected: an http, https, ws or wss URL)");
  }

  @Test
  void rejectArgumentOutsideTheValueTableBeforeSending() {
    RpcClient client = RpcClient.connect("http://127.0.0.1:9");

    assertThatThrownBy(() -> client.call("stack.push", "in", new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported value type: java.lang.Object");
  }

  private static RpcClient client(String url, @Nullable Protocol protocol) {
    RpcClient.Builder builder = RpcClient.builder().url(url);
    if (protocol != null) {
      builder.protocol(protocol);
    }
    return builder.build();
  }
}
