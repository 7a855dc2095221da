package io.rpcservices.protocol;

import static io.rpcservices.protocol.JsonRpcFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rule a request or a response must follow, and the faults that errors are read into. */
class JsonRpcEntriesTest {
  private final JsonRpcCodec codec = new JsonRpcCodec(Limits.DEFAULT);

  @Test
  void refusesMessageThatIsNotAnObject() {
    assertInvalidRequest("\"x\"", JsonRpcId.NULL, "message: \"x\" (expected: an object)");
    assertInvalidRequest("null", JsonRpcId.NULL, "message: null (expected: an object)");
    assertInvalidRequest("true", JsonRpcId.NULL, "message: true (expected: an object)");
    assertThat(decodeRequest("[[1], {}]"))
        .isEqualTo(
            new JsonRpcMessage.Batch(
                List.of(
                    new JsonRpcMessage.Invalid(
                        JsonRpcId.NULL, "message: an array (expected: an object)"),
                    new JsonRpcMessage.Invalid(
                        JsonRpcId.NULL, "jsonrpc: missing (expected: \"2.0\")"))));
  }

  @Test
  void refusesVersionOtherThan2AndEchoesTheCallsId() {
    assertInvalidRequest(
        "{'jsonrpc': '1.0', 'method': 'm', 'id': 7}",
        JsonRpcId.of(7),
        "jsonrpc: \"1.0\" (expected: \"2.0\")");
    assertInvalidRequest(
        "{'jsonrpc': 2.0, 'method': 'm', 'id': 'a'}",
        JsonRpcId.of("a"),
        "jsonrpc: 2.0 (expected: \"2.0\")");
    assertInvalidRequest(
        "{'method': 'm', 'params': [], 'id': 1}",
        JsonRpcId.of(1),
        "jsonrpc: missing (expected: \"2.0\")");
  }

  @Test
  void readsTheTimeoutExtensionOfARequestInSeconds() {
    assertThat(decodeRequest("{'jsonrpc': '2.0', 'method': 'm', 'timeout': 1.5, 'id': 1}"))
        .isEqualTo(
            new JsonRpcMessage.Request(
                JsonRpcId.of(1), "m", JsonRpcParams.NONE, Duration.ofMillis(1500)));
    assertThat(decodeRequest("{'jsonrpc': '2.0', 'method': 'm', 'timeout': 30, 'id': 1}"))
        .isEqualTo(
            new JsonRpcMessage.Request(
                JsonRpcId.of(1), "m", JsonRpcParams.NONE, Duration.ofSeconds(30)));
    assertThat(decodeRequest("{'jsonrpc': '2.0', 'method': 'm', 'timeout': -1}"))
        .isEqualTo(new JsonRpcMessage.Notification("m", JsonRpcParams.NONE));
  }

  @Test
  void refusesATimeoutThatIsNotPositiveSeconds() {
    for (String timeout : List.of("0", "-1", "'soon'", "null", "[1]", "1e10", "0.0000000001")) {
      String json = "{'jsonrpc': '2.0', 'method': 'm', 'timeout': " + timeout + ", 'id': 3}";
      assertThat(decodeRequest(json))
          .isInstanceOfSatisfying(
              JsonRpcMessage.Invalid.class,
              invalid -> {
                assertThat(invalid.id()).isEqualTo(JsonRpcId.of(3));
                assertThat(invalid.reason())
                    .startsWith("timeout: ")
                    .endsWith(" (expected: seconds > 0, such as 1.5)");
              });
    }
  }

  @Test
  void refusesMethodThatIsNotAString() {
    assertInvalidRequest(
        "{'jsonrpc': '2.0', 'method': null, 'id': 1}",
        JsonRpcId.of(1),
        "method: null (expected: a string)");
    assertInvalidRequest(
        "{'jsonrpc': '2.0', 'method': ['m'], 'id': 1}",
        JsonRpcId.of(1),
        "method: an array (expected: a string)");
    assertInvalidRequest(
        "{'jsonrpc': '2.0', 'id': 1}", JsonRpcId.NULL, "method: missing (expected: a string)");
  }

  @Test
  void refusesParamsThatAreNeitherArrayNorObject() {
    assertInvalidRequest(
        "{'jsonrpc': '2.0', 'method': 'm', 'params': 'bar', 'id': 1}",
        JsonRpcId.of(1),
        "params: \"bar\" (expected: an array or an object)");
    assertInvalidRequest(
        "{'jsonrpc': '2.0', 'method': 'm', 'params': null, 'id': 1}",
        JsonRpcId.of(1),
        "params: null (expected: an array or an object)");
    assertInvalidRequest(
        "{'jsonrpc': '2.0', 'method': 'm', 'params': 5}",
        JsonRpcId.NULL,
        "params: 5 (expected: an array or an object)");
  }

  @Test
  void refusesIdThatIsNotStringNumberOrNull() {
    assertInvalidRequest(
        "{'jsonrpc': '2.0', 'method': 'm', 'id': {'a': 1}}",
        JsonRpcId.NULL,
        "id: an object (expected: a string, a number or null)");
    assertInvalidRequest(
        "{'jsonrpc': '2.0', 'method': 'm', 'id': [1]}",
        JsonRpcId.NULL,
        "id: an array (expected: a string, a number or null)");
    assertInvalidRequest(
        "{'jsonrpc': '2.0', 'method': 'm', 'id': false}",
        JsonRpcId.NULL,
        "id: false (expected: a string, a number or null)");
  }

  @Test
  void refusesNumberOutsideTheValueTableInOneEntryOnly() {
    JsonRpcMessage batch =
        decodeRequest(
            "[{'jsonrpc': '2.0', 'method': 'a', 'params': [[1, 1e400, [2]], 3], 'id': 1},"
                + " {'jsonrpc': '2.0', 'method': 'b', 'params': {'n': 9223372036854775808}},"
                + " {'jsonrpc': '2.0', 'method': 'c', 'params': [4], 'id': 3}]");

    assertThat(batch)
        .isEqualTo(
            new JsonRpcMessage.Batch(
                List.of(
                    new JsonRpcMessage.Invalid(
                        JsonRpcId.of(1),
                        "params: number: 1e400 (expected: within the range of a double)"),
                    new JsonRpcMessage.Invalid(
                        JsonRpcId.NULL,
                        "params: integer: 9223372036854775808 (expected: a 64-bit signed"
                            + " integer)"),
                    new JsonRpcMessage.Request(
                        JsonRpcId.of(3), "c", new JsonRpcParams.Positional(List.of(4))))));
  }

  @Test
  void readsMembersInAnyOrderAndIgnoresUnknownOnes() {
    assertThat(
            decodeRequest(
                "{'id': null, 'params': [null], 'extra': {'a': [1]}, 'method': 'm',"
                    + " 'jsonrpc': '2.0'}"))
        .isEqualTo(
            new JsonRpcMessage.Request(
                JsonRpcId.NULL, "m", new JsonRpcParams.Positional(Arrays.asList((Object) null))));
  }

  @Test
  void refusesDuplicateMemberAsParseError() {
    assertThatThrownBy(() -> decodeRequest("{'jsonrpc': '2.0', 'method': 'm', 'method': 'n'}"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("Duplicate field 'method' at line 1, column 43")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.PARSE_ERROR);
  }

  @Test
  void refusesResponseWithBothOrNeitherResultAndError() {
    assertResponseRefused(
        "{'jsonrpc': '2.0', 'result': 1, 'error': {'code': 1, 'message': 'x'}, 'id': 1}",
        "response: both result and error (expected: exactly one)");
    assertResponseRefused(
        "{'jsonrpc': '2.0', 'result': 1, 'error': null, 'id': 1}",
        "response: both result and error (expected: exactly one)");
    assertResponseRefused(
        "{'jsonrpc': '2.0', 'id': 1}",
        "message: no method, result or error (expected: a request or a response)");
  }

  @Test
  void refusesResponseWithWrongVersion() {
    assertResponseRefused(
        "{'jsonrpc': '1.0', 'result': 1, 'id': 1}", "jsonrpc: \"1.0\" (expected: \"2.0\")");
    assertResponseRefused(
        "{'result': 1, 'error': null, 'id': 1}", "jsonrpc: missing (expected: \"2.0\")");
  }

  @Test
  void refusesResponseWithoutValidId() {
    assertResponseRefused(
        "{'jsonrpc': '2.0', 'result': 1}", "id: missing (expected: a string, a number or null)");
    assertResponseRefused(
        "{'jsonrpc': '2.0', 'result': 1, 'id': true}",
        "id: true (expected: a string, a number or null)");
  }

  @Test
  void refusesMalformedErrorObject() {
    assertResponseRefused(
        "{'jsonrpc': '2.0', 'error': 'boom', 'id': 1}", "error: \"boom\" (expected: an object)");
    assertResponseRefused(
        "{'jsonrpc': '2.0', 'error': {'message': 'x'}, 'id': 1}",
        "error.code: missing (expected: a 32-bit integer)");
    assertResponseRefused(
        "{'jsonrpc': '2.0', 'error': {'code': 1.5, 'message': 'x'}, 'id': 1}",
        "error.code: 1.5 (expected: a 32-bit integer)");
    assertResponseRefused(
        "{'jsonrpc': '2.0', 'error': {'code': 5000000000, 'message': 'x'}, 'id': 1}",
        "error.code: 5000000000 (expected: a 32-bit integer)");
    assertResponseRefused(
        "{'jsonrpc': '2.0', 'error': {'code': 1, 'message': 2}, 'id': 1}",
        "error.message: 2 (expected: a string)");
    assertResponseRefused(
        "{'jsonrpc': '2.0', 'error': {'code': 1}, 'id': 1}",
        "error.message: missing (expected: a string)");
  }

  @Test
  void refusesResultOutsideTheValueTable() {
    assertResponseRefused(
        "{'jsonrpc': '2.0', 'result': [1e400], 'id': 1}",
        "result: number: 1e400 (expected: within the range of a double)");
  }

  @Test
  void neverEchoesTheIdOfABrokenResponse() {
    assertThat(
            codec.decode(
                "{\"jsonrpc\": \"2.0\", \"result\": 1, \"error\": {\"code\": 1, \"message\":"
                    + " \"x\"}, \"id\": 5}"))
        .isEqualTo(
            new JsonRpcMessage.Invalid(
                JsonRpcId.NULL, "response: both result and error (expected: exactly one)"));
    assertThat(codec.decode("{\"jsonrpc\": \"1.0\", \"result\": 1, \"id\": 5}"))
        .isEqualTo(
            new JsonRpcMessage.Invalid(JsonRpcId.NULL, "jsonrpc: \"1.0\" (expected: \"2.0\")"));
  }

  @Test
  void refusesRepeatedIdInBatchResponse() {
    assertResponseRefused(
        "[{'jsonrpc': '2.0', 'result': 1, 'id': 'a'}, {'jsonrpc': '2.0', 'result': 2, 'id': 'a'}]",
        "id: \"a\" (expected: distinct ids)");
  }

  @Test
  void readsNullResultAsSuccess() {
    assertThat(decodeResponses("{'jsonrpc': '2.0', 'result': null, 'id': 1}"))
        .containsExactly(Map.entry(JsonRpcId.of(1), new Success(null)));
  }

  @Test
  void keepsErrorDataMembersExceptNulls() {
    assertThat(
            decodeResponses(
                "{'jsonrpc': '2.0', 'id': 1, 'error': {'code': 402, 'message': 'RemoteError:"
                    + " boom', 'data': {'type': 'RemoteError', 'trace': ['at x'], 'cause':"
                    + " null}}}"))
        .containsExactly(
            Map.entry(
                JsonRpcId.of(1),
                new Fault(
                    402,
                    "RemoteError: boom",
                    Map.of("type", "RemoteError", "trace", List.of("at x")))));
  }

  @Test
  void namesTheTypeOfErrorDataWithoutOne() {
    assertThat(
            decodeResponses(
                "{'jsonrpc': '2.0', 'id': 1, 'error': {'code': 100, 'message':"
                    + " 'StackIndexError: empty', 'data': {'stack': 'in'}}}"))
        .containsExactly(
            Map.entry(
                JsonRpcId.of(1),
                new Fault(
                    100,
                    "StackIndexError: empty",
                    Map.of("type", "StackIndexError", "stack", "in"))));
    assertThat(
            decodeResponses(
                "{'jsonrpc': '2.0', 'id': 1, 'error': {'code': 7, 'message': 'odd', 'data':"
                    + " {'type': 5}}}"))
        .containsExactly(Map.entry(JsonRpcId.of(1), new Fault(7, "odd", Map.of("type", "Fault"))));
  }

  @Test
  void keepsErrorDataThatIsNotAnObjectUnderData() {
    assertThat(
            decodeResponses(
                "{'jsonrpc': '2.0', 'id': 1, 'error': {'code': -32602, 'message': 'Invalid"
                    + " params', 'data': 'x must be > 0'}}"))
        .containsExactly(
            Map.entry(
                JsonRpcId.of(1),
                new Fault(
                    -32602,
                    "Invalid params",
                    Map.of("type", "InvalidParams", "data", "x must be > 0"))));
  }

  private JsonRpcMessage decodeRequest(String singleQuoted) {
    return codec.decodeRequest(utf8(singleQuoted.replace('\'', '"')));
  }

  private Map<JsonRpcId, RpcResponse> decodeResponses(String singleQuoted) {
    return codec.decodeResponses(utf8(singleQuoted.replace('\'', '"')));
  }

  private void assertInvalidRequest(String singleQuoted, JsonRpcId id, String reason) {
    assertThat(decodeRequest(singleQuoted)).isEqualTo(new JsonRpcMessage.Invalid(id, reason));
  }

  private void assertResponseRefused(String singleQuoted, String message) {
    assertThatThrownBy(() -> decodeResponses(singleQuoted))
        .isInstanceOf(ProtocolException.class)
        .hasMessage(message)
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.INVALID_REQUEST);
  }
}
