package io.rpcservices.protocol;

import static io.rpcservices.protocol.JsonRpcFixtures.text;
import static io.rpcservices.protocol.JsonRpcFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact JSON written for each message, and values through both directions. */
class JsonRpcWriterTest {
  private static final LocalDateTime WHEN = LocalDateTime.of(2026, 11, 23, 10, 0, 0);

  private final JsonRpcCodec codec = new JsonRpcCodec(Limits.DEFAULT);

  @Test
  void writesRequestMembersInSpecOrder() {
    assertThat(
            encode(
                JsonRpcMessage.Request.of(JsonRpcId.of(1), RpcRequest.of("stack.push", "in", 5))))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"method\":\"stack.push\",\"params\":[\"in\",5],\"id\":1}");
    assertThat(encode(JsonRpcMessage.Request.of(JsonRpcId.of("a"), RpcRequest.of("master.ping"))))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"master.ping\",\"id\":\"a\"}");
  }

  @Test
  void writesTheTimeoutOfARequestInPlainSeconds() {
    assertThat(
            encode(
                JsonRpcMessage.Request.of(
                    JsonRpcId.of(1), RpcRequest.of("math.slow", 5), Duration.ofMillis(1500))))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"method\":\"math.slow\",\"params\":[5],\"timeout\":1.5,\"id\":1}");
    assertThat(
            encode(
                JsonRpcMessage.Request.of(
                    JsonRpcId.of(2), RpcRequest.of("m"), Duration.ofSeconds(30))))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"timeout\":30,\"id\":2}");
  }

  @Test
  void writesNamedParamsInTheirOrderEvenWhenEmpty() {
    Map<String, Object> named = new LinkedHashMap<>();
    named.put("z", 1);
    named.put("a", null);

    assertThat(encode(new JsonRpcMessage.Notification("n", new JsonRpcParams.Named(named))))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"n\",\"params\":{\"z\":1,\"a\":null}}");
    assertThat(encode(new JsonRpcMessage.Notification("n", new JsonRpcParams.Named(Map.of()))))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"n\",\"params\":{}}");
  }

  @Test
  void writesResultEvenWhenNull() {
    assertThat(encode(new JsonRpcMessage.Response(JsonRpcId.of(1), new Success(null))))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}");
  }

  @Test
  void writesFaultAsErrorWithTypeFirstInData() {
    Fault fault = Fault.of(FaultCode.REMOTE_ERROR, "boom", Map.of("trace", List.of("at x")));

    assertThat(encode(new JsonRpcMessage.Response(JsonRpcId.of(7), fault)))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":402,\"message\":\"RemoteError: boom\","
                + "\"data\":{\"type\":\"RemoteError\",\"trace\":[\"at x\"]}},\"id\":7}");
  }

  @Test
  void writesProtocolExceptionAsErrorWithNullId() {
    ProtocolException parseError = new ProtocolException(FaultCode.PARSE_ERROR, "empty JSON text");

    assertThat(encode(new JsonRpcMessage.Response(JsonRpcId.NULL, parseError.toFault())))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"ParseError: empty JSON"
                + " text\",\"data\":{\"type\":\"ParseError\"}},\"id\":null}");
  }

  @Test
  void writesInvalidEntryAsTheErrorItCallsFor() {
    assertThat(
            encode(new JsonRpcMessage.Invalid(JsonRpcId.of(3), "method: 1 (expected: a string)")))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"InvalidRequest: method:"
                + " 1 (expected: a string)\",\"data\":{\"type\":\"InvalidRequest\"}},\"id\":3}");
  }

  @Test
  void writesBatchOrNothingForNoEntries() {
    assertThat(
            codec
                .encodeBatch(
                    List.of(
                        new JsonRpcMessage.Response(JsonRpcId.of(1), new Success(1)),
                        new JsonRpcMessage.Response(JsonRpcId.of(2), new Success(2))))
                .map(JsonRpcFixtures::text))
        .contains(
            "[{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":2}]");
    assertThat(codec.encodeBatch(List.of())).isEmpty();
  }

  @Test
  void writesNonAsciiAsUtf8AndLoneSurrogatesEscaped() {
    assertThat(encode(new JsonRpcMessage.Response(JsonRpcId.of("é"), new Success("a\uD800b€"))))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"a\\uD800b€\",\"id\":\"é\"}");
  }

  @Test
  void refusesValuesOutsideTheTable() {
    assertThatThrownBy(
            () ->
                codec.encode(
                    new JsonRpcMessage.Response(JsonRpcId.of(1), new Success(BigDecimal.ONE))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported value type: java.math.BigDecimal");
    assertThatThrownBy(
            () ->
                codec.encode(
                    JsonRpcMessage.Notification.of(RpcRequest.of("m", Double.POSITIVE_INFINITY))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("double: Infinity (expected: finite)");
  }

  @Test
  void refusesValueNestedTooDeeplyToWrite() {
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);

    assertThatThrownBy(
            () -> codec.encode(new JsonRpcMessage.Response(JsonRpcId.of(1), new Success(cycle))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Document nesting depth (1001) exceeds the maximum allowed (1000)");
  }

  @Test
  void roundTripsEveryJsonTypeAsTheTableSays() {
    Map<String, Object> struct = new LinkedHashMap<>();
    struct.put("z", 1);
    struct.put("a", Arrays.asList(null, "x"));
    List<Object> values =
        Arrays.asList(
            42,
            Integer.MIN_VALUE,
            5_000_000_000L,
            Long.MIN_VALUE,
            2.5,
            -0.0,
            1e300,
            true,
            false,
            "",
            "h\u00e9 \"q\" \n\u2028 \uD83D\uDE00",
            null,
            struct,
            List.of(),
            Map.of());

    assertThat(paramsThroughTheWire(values)).isEqualTo(values);
    assertThat(resultThroughTheWire(values)).isEqualTo(values);
    assertThat(new ArrayList<Object>(((Map<?, ?>) paramsThroughTheWire(values).get(12)).keySet()))
        .containsExactly("z", "a");
  }

  /**
   * JSON has no integer width, date or binary type: a {@code Long} that fits an int, a {@code
   * byte[]} and a date-time come back as {@code Integer}, base64 text and ISO 8601 text (DESIGN.md,
   * "Values"), as XML-RPC clients reading them through JSON-RPC see them.
   */
  @Test
  void readsLongThatFitsBytesAndDateTimesBackAsTheirJsonForm() {
    List<Object> sent =
        List.of(
            5L,
            new byte[] {1, 2, 3},
            new byte[0],
            WHEN,
            Instant.parse("2026-11-23T10:00:00Z"),
            Date.from(Instant.parse("2026-11-23T10:00:00Z")));
    List<Object> received =
        List.of(5, "AQID", "", "20261123T10:00:00", "20261123T10:00:00", "20261123T10:00:00");

    assertThat(paramsThroughTheWire(sent)).isEqualTo(received);
    assertThat(resultThroughTheWire(sent)).isEqualTo(received);
  }

  private String encode(JsonRpcMessage message) {
    return text(codec.encode(message));
  }

  private List<Object> paramsThroughTheWire(List<Object> values) {
    byte[] wire =
        codec.encode(
            new JsonRpcMessage.Request(JsonRpcId.of(1), "m", new JsonRpcParams.Positional(values)));
    JsonRpcMessage.Request request =
        (JsonRpcMessage.Request) codec.decodeRequest(new ByteArrayInputStream(wire));
    return ((JsonRpcParams.Positional) request.params()).values();
  }

  @SuppressWarnings("unchecked")
  private List<Object> resultThroughTheWire(List<Object> values) {
    byte[] wire = codec.encode(new JsonRpcMessage.Response(JsonRpcId.of(1), new Success(values)));
    Success success = (Success) codec.decodeResponses(utf8(text(wire))).get(JsonRpcId.of(1));
    return (List<Object>) success.value();
  }
}
