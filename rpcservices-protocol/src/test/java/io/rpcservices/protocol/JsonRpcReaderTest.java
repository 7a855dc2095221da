package io.rpcservices.protocol;

import static io.rpcservices.protocol.JsonRpcFixtures.text;
import static io.rpcservices.protocol.JsonRpcFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits while parsing, ids of every kind, and text that is no JSON document. */
class JsonRpcReaderTest {
  // Member names count as strings too: "jsonrpc" needs 7 characters.
  private static final Limits SMALL =
      Limits.builder().maxBodyBytes(256).maxDepth(2).maxElements(8).maxStringChars(8).build();

  private final JsonRpcCodec codec = new JsonRpcCodec(Limits.DEFAULT);
  private final JsonRpcCodec small = new JsonRpcCodec(SMALL);

  @Test
  void echoesIdsOfEveryKindUnchanged() {
    for (String id :
        List.of(
            "\"abc\"",
            "\"\"",
            "\"h\\u00e9 \\\"q\\\"\"",
            "\"12345678901234567890123456789\"",
            "0",
            "-1",
            "9223372036854775807",
            "9007199254740993",
            "123456789012345678901234567890123456789",
            "-98765432109876543210",
            "1.50",
            "1e3",
            "-0",
            "2.5E-7",
            "null")) {
      JsonRpcMessage request =
          codec.decodeRequest(
              utf8("{\"jsonrpc\": \"2.0\", \"method\": \"m\", \"id\": " + id + "}"));
      JsonRpcId decoded = ((JsonRpcMessage.Request) request).id();

      assertThat(text(codec.encode(new JsonRpcMessage.Response(decoded, new Success(true)))))
          .as(id)
          .isEqualTo(
              "{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":" + id.replace("\\u00e9", "é") + "}");
    }
  }

  @Test
  void readsIdsByKindAndText() {
    assertThat(responseId("7")).isEqualTo(JsonRpcId.of(7)).isNotEqualTo(JsonRpcId.of("7"));
    assertThat(responseId("\"7\"")).isEqualTo(JsonRpcId.of("7"));
    assertThat(responseId("-9223372036854775808")).isEqualTo(JsonRpcId.of(Long.MIN_VALUE));
    assertThat(responseId("18446744073709551616"))
        .isEqualTo(new JsonRpcId.NumberId("18446744073709551616"));
    assertThat(responseId("7.0"))
        .isEqualTo(new JsonRpcId.NumberId("7.0"))
        .isNotEqualTo(JsonRpcId.of(7));
    assertThat(responseId("null")).isEqualTo(JsonRpcId.NULL);
  }

  @Test
  void refusesDeepNestingCleanly() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    String deepObject = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);

    for (String document :
        List.of(
            deep,
            deepObject,
            "{\"jsonrpc\": \"2.0\", \"method\": \"m\", \"params\": " + deep + "}",
            "[{\"jsonrpc\": \"2.0\", \"method\": \"m\", \"params\": {\"p\": " + deep + "}}]",
            "{\"jsonrpc\": \"2.0\", \"result\": " + deep + ", \"id\": 1}",
            "{\"jsonrpc\": \"2.0\", \"method\": \"m\", \"id\": " + deep + "}")) {
      assertThatThrownBy(() -> codec.decode(document))
          .isInstanceOf(ProtocolException.class)
          .hasMessage("nesting depth: 65 (expected: <= 64)")
          .extracting(e -> ((ProtocolException) e).faultCode())
          .isEqualTo(FaultCode.REQUEST_TOO_LARGE);
    }
  }

  @Test
  void countsNestingFromEachParameterAsXmlRpcDoes() {
    String depth2 = "[[1]]";

    assertThat(
            small.decode(
                "[{\"jsonrpc\": \"2.0\", \"method\": \"m\", \"params\": [" + depth2 + "]}]"))
        .isEqualTo(
            new JsonRpcMessage.Batch(
                List.of(
                    new JsonRpcMessage.Notification(
                        "m", new JsonRpcParams.Positional(List.of(List.of(List.of(1))))))));
    assertThat(
            small.decode(
                "{\"jsonrpc\": \"2.0\", \"method\": \"m\", \"params\": {\"p\": " + depth2 + "}}"))
        .isInstanceOf(JsonRpcMessage.Notification.class);
    assertThat(small.decode("{\"jsonrpc\": \"2.0\", \"result\": " + depth2 + ", \"id\": 1}"))
        .isInstanceOf(JsonRpcMessage.Response.class);
    assertThatThrownBy(
            () -> small.decode("{\"jsonrpc\": \"2.0\", \"method\": \"m\", \"params\": [[[[1]]]]}"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("nesting depth: 3 (expected: <= 2)");
  }

  @Test
  void countsValuesAcrossTheWholeBatchEnvelopeIncluded() {
    // jsonrpc and method are values too: 2 + 6 params.
    assertThat(
            small.decode(
                "{\"jsonrpc\": \"2.0\", \"method\": \"m\", \"params\": [1, 2, 3, 4, 5, 6]}"))
        .isInstanceOf(JsonRpcMessage.Notification.class);
    assertThatThrownBy(
            () ->
                small.decode(
                    "[{\"jsonrpc\": \"2.0\", \"method\": \"m\", \"params\": [1, 2, 3]},"
                        + " {\"jsonrpc\": \"2.0\", \"method\": \"m\", \"params\": [4, 5]}]"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("elements: 9 (expected: <= 8)")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.REQUEST_TOO_LARGE);
  }

  @Test
  void limitsTheNumberOfBatchEntries() {
    assertThat(small.decode("[1, 2, 3, 4, 5, 6, 7, 8]")).isInstanceOf(JsonRpcMessage.Batch.class);
    assertThatThrownBy(() -> small.decode("[{}, {}, {}, {}, {}, {}, {}, {}, {}]"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("batch: 9 messages (expected: <= 8)")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.REQUEST_TOO_LARGE);
  }

  @Test
  void limitsStringsNamesAndIds() {
    assertThatThrownBy(() -> small.decode("{\"jsonrpc\": \"2.0\", \"method\": \"abcdefghi\"}"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("String value length (9) exceeds the maximum allowed (8)")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.REQUEST_TOO_LARGE);
    assertThatThrownBy(
            () -> small.decode("{\"jsonrpc\": \"2.0\", \"result\": 1, \"id\": \"abcdefghi\"}"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("String value length (9) exceeds the maximum allowed (8)");
    assertThatThrownBy(
            () ->
                small.decode(
                    "{\"jsonrpc\": \"2.0\", \"method\": \"m\", \"params\": {\"abcdefghi\": 1}}"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("Name length (9) exceeds the maximum allowed (8)");
  }

  @Test
  void refusesTextLongerThanTheBodyLimit() {
    String text = "[" + " ".repeat(300) + "]";

    assertThatThrownBy(() -> small.decode(text))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("body: 302 characters (expected: <= 256)")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.REQUEST_TOO_LARGE);
  }

  @Test
  void cutsAnEndlessBodyShortlyAfterTheLimit() {
    long limit = 1 << 20;
    JsonRpcCodec oneMebibyte = new JsonRpcCodec(Limits.builder().maxBodyBytes(limit).build());
    EndlessBatch body = new EndlessBatch();

    assertThatThrownBy(() -> oneMebibyte.decodeRequest(body))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("body: more than 1048576 bytes (expected: <= 1048576)")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.REQUEST_TOO_LARGE);
    // The parser reads in chunks, so the refusal comes within one chunk past the limit.
    assertThat(body.served).isBetween(limit + 1, limit + 64 * 1024);
  }

  @Test
  void refusesEmptyTextAndTrailingContentAsParseErrors() {
    assertThatThrownBy(() -> codec.decode(" \n "))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("empty JSON text")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.PARSE_ERROR);
    assertThatThrownBy(
            () -> codec.decode("{\"jsonrpc\": \"2.0\", \"method\": \"m\"}\n{\"jsonrpc\": \"2.0\"}"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("unexpected content after the value at line 2, column 1")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.PARSE_ERROR);
  }

  @Test
  void refusesTruncatedTextAsParseError() {
    assertThatThrownBy(
            () -> codec.decode("[{\"jsonrpc\": \"2.0\", \"method\": \"m\", \"params\": [1e400"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("Unexpected end-of-input")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.PARSE_ERROR);
  }

  @Test
  void reportsAFailingStreamAsUncheckedIoException() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    assertThatThrownBy(() -> codec.decodeResponses(failing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("java.io.IOException: connection reset");
  }

  private JsonRpcId responseId(String id) {
    return codec
        .decodeResponses(utf8("{\"jsonrpc\": \"2.0\", \"result\": 0, \"id\": " + id + "}"))
        .keySet()
        .iterator()
        .next();
  }

  /** A batch that never ends: {@code [} and then notifications forever; counts what it served. */
  private static final class EndlessBatch extends InputStream {
    private static final byte[] ENTRY =
        "{\"jsonrpc\": \"2.0\", \"method\": \"m\", \"params\": [1]},\n".getBytes();
    private long served;

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      for (int i = 0; i < length; i++) {
        buffer[offset + i] = served == 0 ? (byte) '[' : ENTRY[(int) ((served - 1) % ENTRY.length)];
        served++;
      }
      return length;
    }
  }
}
