package io.rpcservices.protocol;

import static io.rpcservices.protocol.JsonRpcFixtures.bytes;
import static io.rpcservices.protocol.JsonRpcFixtures.stream;
import static io.rpcservices.protocol.JsonRpcFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The examples of the JSON-RPC 2.0 spec (section 7), as golden fixtures: each request decodes to
 * the calls it holds, and the answers the dispatcher would give encode to the spec's response. Our
 * errors carry "ErrorName: detail" messages and {@code data.type} (DESIGN.md, "Faults") where the
 * spec shows its standard texts, so errors are compared after {@link #specForm} checks ours and
 * puts the spec's text in their place.
 */
class JsonRpcCodecTest {
  private static final Map<Integer, String> SPEC_MESSAGES =
      Map.of(
          -32700, "Parse error",
          -32600, "Invalid Request",
          -32601, "Method not found",
          -32602, "Invalid params",
          -32603, "Internal error");

  private final JsonRpcCodec codec = new JsonRpcCodec(Limits.DEFAULT);
  private final List<String> called = new ArrayList<>();

  @Test
  void decodesAndAnswersCallsWithPositionalParams() {
    assertThat(codec.decodeRequest(stream("positional-1-request.json")))
        .isEqualTo(request(JsonRpcId.of(1), "subtract", positional(42, 23)));
    assertThat(codec.decodeRequest(stream("positional-2-request.json")))
        .isEqualTo(request(JsonRpcId.of(2), "subtract", positional(23, 42)));

    assertAnswers("positional-1");
    assertAnswers("positional-2");
  }

  @Test
  void decodesAndAnswersCallsWithNamedParams() {
    Map<String, Object> named = new LinkedHashMap<>();
    named.put("subtrahend", 23);
    named.put("minuend", 42);
    JsonRpcMessage decoded = codec.decodeRequest(stream("named-3-request.json"));

    assertThat(decoded)
        .isEqualTo(request(JsonRpcId.of(3), "subtract", new JsonRpcParams.Named(named)));
    JsonRpcParams.Named params = (JsonRpcParams.Named) ((JsonRpcMessage.Request) decoded).params();
    assertThat(new ArrayList<>(params.values().keySet())).containsExactly("subtrahend", "minuend");
    assertAnswers("named-3");
    assertAnswers("named-4");
  }

  @Test
  void decodesNotificationsAndAnswersNothing() {
    assertThat(codec.decodeRequest(stream("notification-update-request.json")))
        .isEqualTo(new JsonRpcMessage.Notification("update", positional(1, 2, 3, 4, 5)));
    assertThat(codec.decodeRequest(stream("notification-foobar-request.json")))
        .isEqualTo(new JsonRpcMessage.Notification("foobar", JsonRpcParams.NONE));

    assertThat(serve(stream("notification-update-request.json"))).isEmpty();
    assertThat(serve(stream("notification-foobar-request.json"))).isEmpty();
    assertThat(called).containsExactly("update", "foobar");
  }

  @Test
  void answersCallOfUnknownMethodWithMethodNotFound() {
    assertThat(codec.decodeRequest(stream("method-not-found-request.json")))
        .isEqualTo(request(JsonRpcId.of("1"), "foobar", JsonRpcParams.NONE));

    assertAnswers("method-not-found");
    assertThat(tree(serve(stream("method-not-found-request.json")).orElseThrow()))
        .isEqualTo(
            tree(
                "{'jsonrpc': '2.0', 'error': {'code': -32601, 'message': 'MethodNotFound: no such"
                    + " method: foobar', 'data': {'type': 'MethodNotFound'}}, 'id': '1'}"));
  }

  @Test
  void refusesInvalidJsonAsParseError() {
    assertThatThrownBy(() -> codec.decodeRequest(stream("invalid-json-request.json")))
        .isInstanceOf(ProtocolException.class)
        .hasMessage(
            "Unexpected character ('p' (code 112)): was expecting comma to separate Object"
                + " entries at line 1, column 40")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.PARSE_ERROR);

    assertAnswers("invalid-json");
  }

  @Test
  void decodesInvalidRequestObjectAsInvalid() {
    assertThat(codec.decodeRequest(stream("invalid-request-object-request.json")))
        .isEqualTo(new JsonRpcMessage.Invalid(JsonRpcId.NULL, "method: 1 (expected: a string)"));

    assertAnswers("invalid-request-object");
  }

  @Test
  void refusesBatchWithInvalidJsonAsOneParseError() {
    assertThatThrownBy(() -> codec.decodeRequest(stream("batch-invalid-json-request.json")))
        .isInstanceOf(ProtocolException.class)
        .hasMessage(
            "Unexpected character (']' (code 93)): was expecting a colon to separate field name"
                + " and value at line 4, column 1")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.PARSE_ERROR);

    assertAnswers("batch-invalid-json");
    assertThat(called).isEmpty();
  }

  @Test
  void answersEmptyBatchWithOneError() {
    assertThat(codec.decodeRequest(stream("empty-array-request.json")))
        .isEqualTo(
            new JsonRpcMessage.Invalid(
                JsonRpcId.NULL, "batch: empty (expected: at least one message)"));

    assertAnswers("empty-array");
  }

  @Test
  void answersEachInvalidBatchEntryWithAnError() {
    JsonRpcMessage.Invalid notAnObject =
        new JsonRpcMessage.Invalid(JsonRpcId.NULL, "message: 1 (expected: an object)");

    assertThat(codec.decodeRequest(stream("invalid-batch-one-request.json")))
        .isEqualTo(new JsonRpcMessage.Batch(List.of(notAnObject)));
    assertThat(entries(codec.decodeRequest(stream("invalid-batch-request.json"))))
        .extracting(entry -> ((JsonRpcMessage.Invalid) entry).reason())
        .containsExactly(
            "message: 1 (expected: an object)",
            "message: 2 (expected: an object)",
            "message: 3 (expected: an object)");

    assertAnswers("invalid-batch-one");
    assertAnswers("invalid-batch");
  }

  @Test
  void decodesAndAnswersMixedBatch() {
    assertThat(codec.decodeRequest(stream("batch-request.json")))
        .isEqualTo(
            new JsonRpcMessage.Batch(
                List.of(
                    request(JsonRpcId.of("1"), "sum", positional(1, 2, 4)),
                    new JsonRpcMessage.Notification("notify_hello", positional(7)),
                    request(JsonRpcId.of("2"), "subtract", positional(42, 23)),
                    new JsonRpcMessage.Invalid(
                        JsonRpcId.NULL, "jsonrpc: missing (expected: \"2.0\")"),
                    request(
                        JsonRpcId.of("5"),
                        "foo.get",
                        new JsonRpcParams.Named(Map.of("name", "myself"))),
                    request(JsonRpcId.of("9"), "get_data", JsonRpcParams.NONE))));

    assertAnswers("batch");
    assertThat(called).containsExactly("sum", "notify_hello", "subtract", "foo.get", "get_data");
  }

  @Test
  void answersBatchOfNotificationsWithNothingAtAll() {
    assertThat(serve(stream("batch-all-notifications-request.json"))).isEmpty();
    assertThat(called).containsExactly("notify_sum", "notify_hello");
  }

  @Test
  void encodesClientCallsAsTheSpecShowsThem() {
    Map<String, Object> named = new LinkedHashMap<>();
    named.put("subtrahend", 23);
    named.put("minuend", 42);

    assertEncodes(
        JsonRpcMessage.Request.of(JsonRpcId.of(1), RpcRequest.of("subtract", 42, 23)),
        "positional-1-request.json");
    assertEncodes(
        request(JsonRpcId.of(3), "subtract", new JsonRpcParams.Named(named)),
        "named-3-request.json");
    assertEncodes(
        JsonRpcMessage.Notification.of(RpcRequest.of("update", 1, 2, 3, 4, 5)),
        "notification-update-request.json");
    assertEncodes(
        JsonRpcMessage.Notification.of(RpcRequest.of("foobar")),
        "notification-foobar-request.json");
    assertEncodes(
        request(JsonRpcId.of("1"), "foobar", JsonRpcParams.NONE), "method-not-found-request.json");
    assertThat(
            tree(
                codec
                    .encodeBatch(
                        List.of(
                            JsonRpcMessage.Notification.of(RpcRequest.of("notify_sum", 1, 2, 4)),
                            JsonRpcMessage.Notification.of(RpcRequest.of("notify_hello", 7))))
                    .orElseThrow()))
        .isEqualTo(tree(bytes("batch-all-notifications-request.json")));
  }

  @Test
  void reEncodesEveryValidSpecCallUnchanged() {
    for (String name :
        List.of(
            "positional-1-request.json",
            "positional-2-request.json",
            "named-3-request.json",
            "named-4-request.json",
            "notification-update-request.json",
            "notification-foobar-request.json",
            "method-not-found-request.json",
            "batch-all-notifications-request.json")) {
      assertThat(tree(codec.encode(codec.decode(stream(name)))))
          .as(name)
          .isEqualTo(tree(bytes(name)));
    }
  }

  @Test
  void decodesSpecResponsesOnTheClient() {
    assertThat(codec.decodeResponses(stream("positional-2-response.json")))
        .containsExactly(Map.entry(JsonRpcId.of(2), new Success(-19)));
    assertThat(codec.decodeResponses(stream("method-not-found-response.json")))
        .containsExactly(
            Map.entry(
                JsonRpcId.of("1"),
                new Fault(-32601, "Method not found", Map.of("type", "MethodNotFound"))));
    assertThat(codec.decodeResponses(stream("invalid-json-response.json")))
        .containsExactly(
            Map.entry(
                JsonRpcId.NULL, new Fault(-32700, "Parse error", Map.of("type", "ParseError"))));
    assertThat(codec.decodeResponses(stream("batch-response.json")))
        .containsExactly(
            Map.entry(JsonRpcId.of("1"), new Success(7)),
            Map.entry(JsonRpcId.of("2"), new Success(19)),
            Map.entry(
                JsonRpcId.NULL,
                new Fault(-32600, "Invalid Request", Map.of("type", "InvalidRequest"))),
            Map.entry(
                JsonRpcId.of("5"),
                new Fault(-32601, "Method not found", Map.of("type", "MethodNotFound"))),
            Map.entry(JsonRpcId.of("9"), new Success(List.of("hello", 5))));
  }

  @Test
  void refusesSpecRequestsWhereResponsesAreExpected() {
    assertThatThrownBy(() -> codec.decodeResponses(stream("positional-1-request.json")))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("message: a call (expected: a response)");
    assertThatThrownBy(() -> codec.decodeResponses(stream("invalid-batch-request.json")))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("message: 1 (expected: an object)");
    assertThatThrownBy(() -> codec.decodeResponses(stream("empty-array-request.json")))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("batch: empty (expected: at least one message)");
  }

  @Test
  void decodesAnyMessageForEitherPeerOfAWebSocket() {
    assertThat(codec.decode(stream("positional-1-request.json")))
        .isEqualTo(request(JsonRpcId.of(1), "subtract", positional(42, 23)));
    assertThat(codec.decode(stream("positional-1-response.json")))
        .isEqualTo(new JsonRpcMessage.Response(JsonRpcId.of(1), new Success(19)));
    assertThat(entries(codec.decode(JsonRpcFixtures.text(bytes("batch-response.json")))))
        .hasSize(5)
        .allMatch(entry -> entry instanceof JsonRpcMessage.Response);
  }

  @Test
  void refusesResponseWhereOnlyRequestsAreExpected() {
    assertThat(codec.decodeRequest(stream("positional-1-response.json")))
        .isEqualTo(
            new JsonRpcMessage.Invalid(JsonRpcId.NULL, "method: missing (expected: a string)"));
  }

  /** The answers of the spec's example methods, as the dispatcher would give them. */
  private RpcResponse call(JsonRpcMessage.Call call) {
    called.add(call.method());
    switch (call.method()) {
      case "subtract":
        if (call.params() instanceof JsonRpcParams.Named named) {
          return new Success(
              (Integer) named.values().get("minuend") - (Integer) named.values().get("subtrahend"));
        }
        List<Object> operands = ((JsonRpcParams.Positional) call.params()).values();
        return new Success((Integer) operands.get(0) - (Integer) operands.get(1));
      case "sum":
        return new Success(
            ((JsonRpcParams.Positional) call.params())
                .values().stream().mapToInt(value -> (Integer) value).sum());
      case "get_data":
        return new Success(List.of("hello", 5));
      case "update":
      case "notify_hello":
      case "notify_sum":
        return new Success(null);
      default:
        return Fault.of(FaultCode.METHOD_NOT_FOUND, "no such method: " + call.method());
    }
  }

  /** What a server does with a body: the answer to send, if any. */
  private Optional<byte[]> serve(InputStream body) {
    JsonRpcMessage message;
    try {
      message = codec.decodeRequest(body);
    } catch (ProtocolException e) {
      return Optional.of(codec.encode(new JsonRpcMessage.Response(JsonRpcId.NULL, e.toFault())));
    }
    if (message instanceof JsonRpcMessage.Batch batch) {
      List<JsonRpcMessage> answers = new ArrayList<>();
      batch.messages().forEach(entry -> answer(entry).ifPresent(answers::add));
      return codec.encodeBatch(answers);
    }
    return answer(message).map(codec::encode);
  }

  private Optional<JsonRpcMessage> answer(JsonRpcMessage message) {
    if (message instanceof JsonRpcMessage.Request request) {
      return Optional.of(new JsonRpcMessage.Response(request.id(), call(request)));
    }
    if (message instanceof JsonRpcMessage.Notification notification) {
      call(notification);
      return Optional.empty();
    }
    return Optional.of(((JsonRpcMessage.Invalid) message).toResponse());
  }

  private void assertAnswers(String example) {
    byte[] answer = serve(stream(example + "-request.json")).orElseThrow();

    assertThat(specForm(tree(answer)))
        .as(example)
        .isEqualTo(tree(bytes(example + "-response.json")));
  }

  private void assertEncodes(JsonRpcMessage message, String fixture) {
    assertThat(tree(codec.encode(message))).as(fixture).isEqualTo(tree(bytes(fixture)));
  }

  /**
   * Checks that every error in a response tree has our message form and data, then gives it the
   * spec's standard message and no data.
   */
  private static Object specForm(Object tree) {
    if (tree instanceof List<?> list) {
      List<Object> responses = new ArrayList<>();
      list.forEach(response -> responses.add(specForm(response)));
      return responses;
    }
    Map<String, Object> response = new LinkedHashMap<>();
    ((Map<?, ?>) tree).forEach((name, value) -> response.put((String) name, value));
    if (response.get("error") instanceof Map<?, ?> error) {
      int code = (Integer) error.get("code");
      String name = FaultCode.of(code).orElseThrow().errorName();
      assertThat(error.get("data")).isEqualTo(Map.of("type", name));
      assertThat((String) error.get("message")).startsWith(name + ": ");
      response.put("error", Map.of("code", code, "message", SPEC_MESSAGES.get(code)));
    }
    return response;
  }

  private static List<JsonRpcMessage> entries(JsonRpcMessage batch) {
    return ((JsonRpcMessage.Batch) batch).messages();
  }

  private static JsonRpcMessage.Request request(JsonRpcId id, String method, JsonRpcParams params) {
    return new JsonRpcMessage.Request(id, method, params);
  }

  private static JsonRpcParams positional(Object... values) {
    return new JsonRpcParams.Positional(List.of(values));
  }
}
