package io.rpcservices.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlRpcScalarsTest {
  @Test
  void parseIntBounds() {
    assertThat(XmlRpcScalars.parseInt("2147483647")).isEqualTo(Integer.MAX_VALUE);
    assertThat(XmlRpcScalars.parseInt("-2147483648")).isEqualTo(Integer.MIN_VALUE);
    assertThat(XmlRpcScalars.parseInt(" +0042\n")).isEqualTo(42);
    assertThat(XmlRpcScalars.parseI8("-0")).isZero();
    assertThatThrownBy(() -> XmlRpcScalars.parseInt("99999999999999999999"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("int value out of range: 99999999999999999999");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "+", "-", "4 2", "0x10", "1_000", "1.0", "\u0664\u0662", "１"})
  void refuseIntThatIsNotSignAndAsciiDigits(String text) {
    assertThatThrownBy(() -> XmlRpcScalars.parseInt(text))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.faultCode()).isEqualTo(FaultCode.INVALID_REQUEST))
        .hasMessage("invalid int value: '" + text + "'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "e5",
        "1e",
        "1e+",
        "0x1p3",
        "1.0d",
        "1f",
        "Infinity",
        "inf",
        "nan",
        "1,5"
      })
  void refuseDoubleThatIsNotDecimal(String text) {
    assertThatThrownBy(() -> XmlRpcScalars.parseDouble(text))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("invalid double value: '" + text + "'");
  }

  @Test
  void parseDoubleForms() {
    assertThat(XmlRpcScalars.parseDouble("1.")).isEqualTo(1.0);
    assertThat(XmlRpcScalars.parseDouble("+.5e-3")).isEqualTo(0.0005);
    assertThat(XmlRpcScalars.parseDouble("1E+308")).isEqualTo(1e308);
    assertThat(XmlRpcScalars.parseDouble("1e-400")).isEqualTo(0.0);
  }

  @Test
  void parseBase64IgnoringWhitespaceOnly() {
    assertThat(XmlRpcScalars.parseBase64(" AQ\r\nID \t")).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> XmlRpcScalars.parseBase64("AQI-"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("invalid base64 value");
  }

  @Test
  void abbreviateLongTextInMessages() {
    String text = "x".repeat(100);

    assertThatThrownBy(() -> XmlRpcScalars.parseBoolean(text))
        .hasMessage("invalid boolean value: '" + "x".repeat(40) + "...'");
  }
}
