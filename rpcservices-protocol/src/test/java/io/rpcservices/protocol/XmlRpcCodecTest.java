package io.rpcservices.protocol;

import static io.rpcservices.protocol.XmlRpcFixtures.stream;
import static io.rpcservices.protocol.XmlRpcFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XmlRpcCodecTest {
  private static final LocalDateTime NOVEMBER_23 = LocalDateTime.of(2026, 11, 23, 10, 0);

  private final XmlRpcCodec codec = new XmlRpcCodec(Limits.DEFAULT);

  @Test
  void decodePythonRequest() {
    RpcRequest request = codec.decodeRequest(stream("python-request.xml"));

    byte[] binary = new byte[90];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i % 3);
    }
    assertThat(request.method()).isEqualTo("stack.push");
    assertThat(request.params())
        .containsExactly(
            Map.of("a", 1, "b", Arrays.asList(1, "x", null)),
            binary,
            1e100,
            true,
            NOVEMBER_23,
            // Python writes CR raw, so XML line-end normalization turns CR LF into LF.
            "a\nb<&>",
            "é\uD83D\uDE00",
            2.5,
            -7);
  }

  @Test
  void decodePythonResponses() {
    assertThat(codec.decodeResponse(stream("python-response.xml"))).isEqualTo(new Success(5));
    assertThat(codec.decodeResponse(stream("python-fault-response.xml")))
        .isEqualTo(
            new Fault(
                100, "StackIndexError: stack 'in' is empty", Map.of("type", "StackIndexError")));
    assertThat(codec.decodeRequest(stream("python-no-params-request.xml")))
        .isEqualTo(RpcRequest.of("master.ping"));
  }

  @Test
  void decodeApacheRequest() {
    RpcRequest request = codec.decodeRequest(stream("apache-request.xml"));

    assertThat(request.method()).isEqualTo("stack.push");
    assertThat(request.params())
        .containsExactly(
            Map.of("a", 1, "b", Arrays.asList(1, "x", null)),
            new byte[90],
            1e100,
            true,
            NOVEMBER_23,
            "a\nb<&>",
            "é\uD83D\uDE00",
            2.5,
            -7,
            1L << 40,
            null);
  }

  @Test
  void decodeApacheResponse() {
    assertThat(codec.decodeResponse(stream("apache-response.xml"))).isEqualTo(new Success(5));
  }

  @Test
  void decodeApacheFaultIgnoringFaultCause() {
    assertThat(codec.decodeResponse(stream("apache-fault-with-cause-response.xml")))
        .isEqualTo(Fault.fromWire(100, "StackIndexError: stack 'in' is empty"));
  }

  @Test
  void encodeEveryValueTypeAsGolden() {
    Map<String, Object> struct = new LinkedHashMap<>();
    struct.put("z", 1);
    struct.put("a", null);
    RpcRequest request =
        RpcRequest.of(
            "stack.push",
            42,
            (short) -7,
            (byte) 3,
            5L,
            Long.MAX_VALUE,
            true,
            false,
            2.5,
            0.5f,
            "text",
            new StringBuilder("builder"),
            'c',
            NOVEMBER_23,
            new byte[] {0, 1, 2, (byte) 0xFF},
            new byte[0],
            struct,
            List.of(1, "two"),
            new Object[] {"x", null},
            new LinkedHashSet<>(),
            null);

    assertThat(new String(codec.encodeRequest(request), StandardCharsets.UTF_8))
        .isEqualTo(text("all-types-encoded-request.xml"));
  }

  @Test
  void decodeEveryValueTypeFromGolden() {
    RpcRequest request = codec.decodeRequest(stream("all-types-encoded-request.xml"));

    Map<String, Object> struct = new LinkedHashMap<>();
    struct.put("z", 1);
    struct.put("a", null);
    assertThat(request.params())
        .containsExactly(
            42,
            -7,
            3,
            5L,
            Long.MAX_VALUE,
            true,
            false,
            2.5,
            0.5,
            "text",
            "builder",
            "c",
            NOVEMBER_23,
            new byte[] {0, 1, 2, (byte) 0xFF},
            new byte[0],
            struct,
            List.of(1, "two"),
            Arrays.asList("x", null),
            List.of(),
            null);
    List<Object> names = new ArrayList<>(((Map<?, ?>) request.params().get(15)).keySet());
    assertThat(names).containsExactly("z", "a");
  }

  static Stream<Arguments> valuesAndTheirDecodedForm() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("list", new ArrayList<>(Arrays.asList(1, null, Map.of("deep", List.of(true)))));
    nested.put("b", "x");
    nested.put("a", 1.5);
    return Stream.of(
        Arguments.of(0, 0),
        Arguments.of(Integer.MIN_VALUE, Integer.MIN_VALUE),
        Arguments.of(Integer.MAX_VALUE, Integer.MAX_VALUE),
        Arguments.of((short) 12, 12),
        Arguments.of((byte) -1, -1),
        Arguments.of(Long.MIN_VALUE, Long.MIN_VALUE),
        Arguments.of(1L, 1L),
        Arguments.of(true, true),
        Arguments.of(false, false),
        Arguments.of(-0.0, -0.0),
        Arguments.of(Double.MIN_VALUE, Double.MIN_VALUE),
        Arguments.of(Double.MAX_VALUE, Double.MAX_VALUE),
        Arguments.of(1.0 / 3, 1.0 / 3),
        Arguments.of(0.1f, 0.1),
        Arguments.of("", ""),
        Arguments.of("  spaced \t\n\r\n text ", "  spaced \t\n\r\n text "),
        Arguments.of("<&>]]>\"'", "<&>]]>\"'"),
        Arguments.of("\uD83D\uDE00 \uFFFD \u00E9", "\uD83D\uDE00 \uFFFD \u00E9"),
        Arguments.of(new StringBuilder("sb"), "sb"),
        Arguments.of('\u20AC', "\u20AC"),
        Arguments.of(NOVEMBER_23, NOVEMBER_23),
        Arguments.of(
            LocalDateTime.of(9999, 12, 31, 23, 59, 59), LocalDateTime.of(9999, 12, 31, 23, 59, 59)),
        Arguments.of(Instant.parse("2026-11-23T10:00:00Z"), NOVEMBER_23),
        Arguments.of(Date.from(Instant.parse("2026-11-23T10:00:00.999Z")), NOVEMBER_23),
        Arguments.of(nested, nested),
        Arguments.of(Map.of(), Map.of()),
        Arguments.of(List.of(), List.of()),
        Arguments.of(new Object[] {1, "a"}, List.of(1, "a")),
        Arguments.of(Arrays.asList((Object) null), Arrays.asList((Object) null)));
  }

  @ParameterizedTest
  @MethodSource("valuesAndTheirDecodedForm")
  void roundTripValueInRequestAndResponse(Object value, Object decoded) {
    RpcRequest request = codec.decodeRequest(bytes(codec.encodeRequest(RpcRequest.of("m", value))));
    RpcResponse response = codec.decodeResponse(bytes(codec.encodeResponse(new Success(value))));

    assertThat(request.params()).containsExactly(decoded);
    assertThat(response).isEqualTo(new Success(decoded));
  }

  @Test
  void roundTripBytes() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }

    RpcResponse response = codec.decodeResponse(bytes(codec.encodeResponse(new Success(all))));

    assertThat((byte[]) ((Success) response).value()).isEqualTo(all);
  }

  @Test
  void roundTripNullResponseAsGolden() {
    byte[] encoded = codec.encodeResponse(new Success(null));

    assertThat(new String(encoded, StandardCharsets.UTF_8))
        .isEqualTo(text("nil-encoded-response.xml"));
    assertThat(codec.decodeResponse(bytes(encoded))).isEqualTo(new Success(null));
    assertThat(codec.decodeResponse(stream("nil-response.xml"))).isEqualTo(new Success(null));
  }

  @Test
  void encodeFaultAsGolden() {
    Fault fault = Fault.of(FaultCode.STACK_INDEX_ERROR, "stack 'in' is <empty>", Map.of("n", 1));

    byte[] encoded = codec.encodeResponse(fault);

    assertThat(new String(encoded, StandardCharsets.UTF_8))
        .isEqualTo(text("fault-encoded-response.xml"));
    assertThat(codec.decodeResponse(bytes(encoded)))
        .isEqualTo(Fault.of(FaultCode.STACK_INDEX_ERROR, "stack 'in' is <empty>"));
  }

  @Test
  void faultDataTextGoesOutAsFaultDataAndComesBack() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("exception", "java.lang.IllegalArgumentException");
    data.put("message", "x must be > 0");
    data.put("trace", "java.lang.IllegalArgumentException: x must be > 0\n\tat Math.log(Math.java:7)\n");
    Fault fault =
        Fault.of(FaultCode.REMOTE_ERROR, "java.lang.IllegalArgumentException: x must be > 0", data);

    byte[] encoded = codec.encodeResponse(fault);

    assertThat(new String(encoded, StandardCharsets.UTF_8))
        .isEqualTo(text("fault-with-data-encoded-response.xml"));
    assertThat(codec.decodeResponse(bytes(encoded))).isEqualTo(fault);
  }

  @Test
  void faultDataReadsTextMembersOnly() {
    String body =
        "<methodResponse><fault><value><struct>"
            + "<member><name>faultCode</name><value><int>402</int></value></member>"
            + "<member><name>faultString</name><value>RemoteError: boom</value></member>"
            + "<member><name>faultData</name><value><struct>"
            + "<member><name>trace</name><value>at x</value></member>"
            + "<member><name>depth</name><value><int>3</int></value></member>"
            + "<member><name>type</name><value>Forged</value></member>"
            + "</struct></value></member></struct></value></fault></methodResponse>";

    Fault fault = (Fault) codec.decodeResponse(bytes(body.getBytes(StandardCharsets.UTF_8)));

    assertThat(fault.data()).isEqualTo(Map.of("type", "RemoteError", "trace", "at x"));
    String notStruct =
        "<methodResponse><fault><value><struct>"
            + "<member><name>faultCode</name><value><int>402</int></value></member>"
            + "<member><name>faultString</name><value>RemoteError: boom</value></member>"
            + "<member><name>faultData</name><value>at x</value></member>"
            + "</struct></value></fault></methodResponse>";
    assertThat(codec.decodeResponse(bytes(notStruct.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(Fault.fromWire(402, "RemoteError: boom"));
  }

  @Test
  void encodeRequestWithoutParamsAsGolden() {
    assertThat(
            new String(codec.encodeRequest(RpcRequest.of("master.ping")), StandardCharsets.UTF_8))
        .isEqualTo(text("params-empty-encoded-request.xml"));
  }

  @Test
  void refuseValueOfUnsupportedType() {
    assertThatThrownBy(() -> codec.encodeRequest(RpcRequest.of("m", new java.math.BigDecimal("1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported value type: java.math.BigDecimal");
    assertThatThrownBy(() -> codec.encodeResponse(new Success(List.of(new Object()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported value type: java.lang.Object");
    assertThatThrownBy(() -> codec.encodeResponse(new Success(new int[] {1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported value type: [I");
  }

  @Test
  void refuseStructWithKeyThatIsNotString() {
    assertThatThrownBy(() -> codec.encodeResponse(new Success(Map.of(1, "one"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("struct member name must be a String: java.lang.Integer");
    Map<Object, Object> nullKey = new LinkedHashMap<>();
    nullKey.put(null, 1);
    assertThatThrownBy(() -> codec.encodeResponse(new Success(nullKey)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("struct member name must be a String: null");
  }

  @Test
  void refuseResponseWithOtherThanOneParam() {
    assertInvalid("two-params-response.xml", "methodResponse must hold exactly one param, found 2");
    assertInvalid("no-params-response.xml", "methodResponse must hold exactly one param, found 0");
    assertInvalid(
        "empty-response.xml",
        "expected <params> or <fault> in <methodResponse>, found </methodResponse>");
  }

  @Test
  void refuseFaultWithoutValidCodeOrString() {
    assertInvalid("fault-missing-code-response.xml", "fault without an int faultCode");
    assertInvalid("fault-string-code-response.xml", "fault without an int faultCode");
    assertInvalid("fault-missing-string-response.xml", "fault without a string faultString");
    assertInvalid("fault-int-string-response.xml", "fault without a string faultString");
    assertInvalid("fault-not-struct-response.xml", "fault value must be a struct");
  }

  private void assertInvalid(String fixture, String message) {
    assertThatThrownBy(() -> codec.decodeResponse(stream(fixture)))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.faultCode()).isEqualTo(FaultCode.INVALID_REQUEST))
        .hasMessage(message);
  }

  private static ByteArrayInputStream bytes(byte[] encoded) {
    return new ByteArrayInputStream(encoded);
  }
}
