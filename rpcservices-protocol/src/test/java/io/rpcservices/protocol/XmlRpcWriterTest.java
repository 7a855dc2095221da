package io.rpcservices.protocol;

import static io.rpcservices.protocol.XmlRpcFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec corner cases on the writing side, each against a golden fixture. */
class XmlRpcWriterTest {
  private final XmlRpcCodec codec = new XmlRpcCodec(Limits.DEFAULT);

  @Test
  void writeDoublesWithoutExponent() {
    RpcRequest request =
        RpcRequest.of(
            "test.echo",
            1e100,
            1.0e-5,
            -0.0,
            0.1,
            123456789.125,
            0.1f,
            1e21,
            -Double.MAX_VALUE,
            Double.MIN_VALUE);

    byte[] encoded = codec.encodeRequest(request);

    assertThat(utf8(encoded)).isEqualTo(text("double-plain-encoded-request.xml"));
    assertThat(decode(encoded))
        .containsExactly(
            1e100,
            1.0e-5,
            -0.0,
            0.1,
            123456789.125,
            0.1,
            1e21,
            -Double.MAX_VALUE,
            Double.MIN_VALUE);
  }

  @Test
  void refuseNanAndInfinity() {
    for (Object value : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)) {
      assertThatThrownBy(() -> codec.encodeResponse(new Success(value)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("double not allowed in XML-RPC: " + ((Number) value).doubleValue());
    }
  }

  @Test
  void escapeMarkupAndCarriageReturn() {
    String value = "a\rb\n<&>]]>\t\"'";

    byte[] encoded = codec.encodeRequest(RpcRequest.of("test.echo", value));

    assertThat(utf8(encoded)).isEqualTo(text("string-escapes-encoded-request.xml"));
    assertThat(decode(encoded)).containsExactly(value);
  }

  @Test
  void writeCharactersOutsideBmpAsUtf8() {
    String value = "\uD83D\uDE00 \u00E9 \u20AC \uD800\uDF48";

    byte[] encoded = codec.encodeRequest(RpcRequest.of("test.echo", value));

    assertThat(utf8(encoded)).isEqualTo(text("non-bmp-encoded-request.xml"));
    assertThat(utf8(encoded)).doesNotContain("&#");
    assertThat(decode(encoded)).containsExactly(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "\u0008", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00x"})
  void refuseCharacterNotAllowedInXml(String bad) {
    String hex = String.format("%04X", (int) bad.charAt(0));

    assertThatThrownBy(() -> codec.encodeRequest(RpcRequest.of("test.echo", "ok" + bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("character not allowed in XML 1.0: U+" + hex);
  }

  @Test
  void refuseCharacterNotAllowedInXmlInMemberNameAndMethodName() {
    assertThatThrownBy(() -> codec.encodeResponse(new Success(java.util.Map.of("a\u0000", 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("character not allowed in XML 1.0: U+0000");
    assertThatThrownBy(() -> codec.encodeRequest(RpcRequest.of("a\u0001")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("character not allowed in XML 1.0: U+0001");
  }

  @Test
  void replaceCharactersNotAllowedInXmlInFaultString() {
    Fault fault = Fault.of(FaultCode.SERVICE_ERROR, "bad \u0000 byte \uD800 \uD83D\uDE00");

    byte[] encoded = codec.encodeResponse(fault);

    assertThat(codec.decodeResponse(new ByteArrayInputStream(encoded)))
        .isEqualTo(Fault.of(FaultCode.SERVICE_ERROR, "bad \uFFFD byte \uFFFD \uD83D\uDE00"));
  }

  @Test
  void refuseNestingDeeperThanMaxDepthAndSelfContainingList() {
    XmlRpcCodec shallow = new XmlRpcCodec(Limits.builder().maxDepth(2).build());
    List<Object> self = new ArrayList<>();
    self.add(self);

    assertThat(decodeResponse(shallow, List.of(List.of()))).isEqualTo(List.of(List.of()));
    assertThatThrownBy(() -> shallow.encodeResponse(new Success(List.of(List.of(List.of())))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value nested deeper than 2 arrays or structs (maxDepth)");
    assertThatThrownBy(() -> codec.encodeResponse(new Success(self)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value nested deeper than 64 arrays or structs (maxDepth)");
  }

  @Test
  void refuseYearOutsideFourDigits() {
    assertThatThrownBy(
            () -> codec.encodeResponse(new Success(java.time.LocalDateTime.of(10000, 1, 1, 0, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dateTime year out of range: 10000 (expected: 0-9999)");
  }

  private static Object decodeResponse(XmlRpcCodec codec, Object value) {
    byte[] encoded = codec.encodeResponse(new Success(value));
    return ((Success) codec.decodeResponse(new ByteArrayInputStream(encoded))).value();
  }

  private List<Object> decode(byte[] encoded) {
    return codec.decodeRequest(new ByteArrayInputStream(encoded)).params();
  }

  private static String utf8(byte[] encoded) {
    return new String(encoded, StandardCharsets.UTF_8);
  }
}
