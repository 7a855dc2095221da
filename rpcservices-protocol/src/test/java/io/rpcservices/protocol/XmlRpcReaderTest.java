package io.rpcservices.protocol;

import static io.rpcservices.protocol.XmlRpcFixtures.stream;
import static io.rpcservices.protocol.XmlRpcFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec corner cases on the reading side, each from a golden fixture. */
class XmlRpcReaderTest {
  private final XmlRpcCodec codec = new XmlRpcCodec(Limits.DEFAULT);

  @Test
  void readIntsWithSignsAndLeadingZeros() {
    assertThat(params("int-leading-zeros-request.xml"))
        .containsExactly(42, -7, 0, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 42L);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "int-out-of-range-request.xml | int value out of range: 2147483648",
        "i4-out-of-range-request.xml  | int value out of range: -2147483649",
        "i8-out-of-range-request.xml  | i8 value out of range: 9223372036854775808",
        "boolean-true-word-request.xml | invalid boolean value: 'true'",
        "boolean-two-request.xml | invalid boolean value: '2'",
        "double-nan-request.xml | invalid double value: 'NaN'",
        "double-infinity-request.xml | invalid double value: '-Infinity'",
        "double-overflow-request.xml | double value out of range: 1e999",
        "base64-invalid-request.xml | invalid base64 value",
        "datetime-invalid-request.xml | invalid dateTime.iso8601 value: '2026-02-30T10:00:00'",
        "struct-duplicate-member-request.xml | duplicate struct member: 'a'",
        "value-two-children-request.xml | <value> holds more than one element",
        "value-text-and-element-request.xml | <value> holds both text and an element",
        "unknown-type-request.xml | unknown value type <ex:serializable>",
        "wrong-root-request.xml | expected <methodCall> in the document, found <methodResponse>",
        "missing-method-name-request.xml | expected <methodName> in <methodCall>, found <params>",
      })
  void refuseInvalidRequest(String fixture, String message) {
    assertThatThrownBy(() -> codec.decodeRequest(stream(fixture)))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.faultCode()).isEqualTo(FaultCode.INVALID_REQUEST))
        .hasMessage(message);
  }

  @Test
  void refuseMalformedXmlWithShortMessage() {
    assertThatThrownBy(() -> codec.decodeRequest(stream("malformed-request.xml")))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.faultCode()).isEqualTo(FaultCode.PARSE_ERROR))
        .hasMessage(
            "not well-formed XML at line 2, column 58: Unexpected close tag </methodCall>;"
                + " expected </params>.");
  }

  @Test
  void readBooleansZeroAndOne() {
    assertThat(params("boolean-values-request.xml")).containsExactly(false, true, true);
  }

  @Test
  void readDoublesWithExponents() {
    assertThat(params("double-exponents-request.xml"))
        .containsExactly(1e100, -2.5e-3, 0.5, 7.0, 0.0, -0.0);
  }

  @Test
  void readBase64WithLineBreaks() {
    byte[] expected = new byte[128];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) i;
    }
    assertThat(params("base64-mime-request.xml")).containsExactly(expected);
  }

  @Test
  void readEmptyBase64() {
    assertThat(params("base64-empty-request.xml"))
        .containsExactly(new byte[0], new byte[0], new byte[0]);
  }

  @Test
  void readEmptyAndMissingParamsAsNoParams() {
    assertThat(codec.decodeRequest(stream("params-empty-request.xml")))
        .isEqualTo(RpcRequest.of("master.ping"));
    assertThat(codec.decodeRequest(stream("params-missing-request.xml")))
        .isEqualTo(RpcRequest.of("master.ping"));
  }

  @Test
  void readUntypedValueAsStringWithItsWhitespace() {
    assertThat(params("untyped-string-request.xml"))
        .containsExactly("  hello  world  ", "", "x<y>", "\n");
    assertThat(params("untyped-empty-value-request.xml")).containsExactly("");
  }

  @Test
  void keepWhitespaceInsideString() {
    assertThat(params("string-whitespace-request.xml"))
        .containsExactly("  two  spaces\n\ttab ", " ", "", "a\rb");
  }

  @Test
  void readDateTimeForms() {
    LocalDateTime time = LocalDateTime.of(2026, 11, 23, 10, 0);
    assertThat(params("datetime-formats-request.xml"))
        .containsExactly(time, time, time, LocalDateTime.of(2026, 3, 29, 2, 30));
  }

  @Test
  void readNestedArraysAndStructs() {
    assertThat(params("nested-request.xml"))
        .containsExactly(
            Map.of("list", Arrays.asList(Map.of(), List.of(), null), "empty", Map.of()));
  }

  @Test
  void readIso88591BodyByItsDeclaration() {
    assertThat(params("iso-8859-1-request.xml")).containsExactly("café über £");
  }

  @Test
  void readCommentsAndProcessingInstructionsBetweenElements() {
    String document =
        "<?xml version='1.0'?><!-- c --><methodCall><?pi x?><methodName>a</methodName><!-- c -->"
            + "<params><param><value><int><!-- c -->1</int></value></param></params></methodCall>"
            + "<!-- after -->\n";

    assertThat(codec.decodeRequest(utf8(document))).isEqualTo(RpcRequest.of("a", 1));
  }

  @Test
  void refuseEmptyMethodName() {
    assertThatThrownBy(
            () -> codec.decodeRequest(utf8("<methodCall><methodName> </methodName></methodCall>")))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("empty methodName");
  }

  @Test
  void refuseTextBetweenElements() {
    assertThatThrownBy(
            () ->
                codec.decodeRequest(
                    utf8("<methodCall><methodName>a</methodName>text<params/></methodCall>")))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("unexpected text in the document");
  }

  private List<Object> params(String fixture) {
    return codec.decodeRequest(stream(fixture)).params();
  }
}
